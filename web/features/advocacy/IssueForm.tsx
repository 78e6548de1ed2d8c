import { Button, Group, MultiSelect, Select, SimpleGrid, Slider, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ADVOCACY_CATEGORIES, type AdvocacyIssueInput } from '../../../contracts/advocacy.js';
import { useQuery } from '@tanstack/react-query';
import { ISIC } from '../../../contracts/isic.js';
import { ApiError } from '../../app/api.js';
import { sectorLabel } from '../../app/sectors.js';
import { useRegionChoices } from '../../app/reference.js';
import { Form } from '../../ui/Form.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { fetchOrg, orgKeys } from '../orgs/api.js';

const SECTIONS = ISIC.filter((e) => e.level === 'section').map((s) => ({ value: s.code, label: sectorLabel(s.code) }));

export const emptyIssue = (): AdvocacyIssueInput => ({ title: '', problem: '', category: 'regulation', sectors: [], regions: [], severity: 3, feasibility: 3 });

function Level({ label, help, value, onChange }: { label: string; help: string; value: number; onChange(v: number): void }) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={500}>{label}: {value}</Text>
      <Text size="xs" c="dimmed">{help}</Text>
      <Slider min={1} max={5} step={1} value={value} onChange={onChange} marks={[1, 2, 3, 4, 5].map((v) => ({ value: v, label: String(v) }))} aria-label={label} mb="md" />
    </Stack>
  );
}

/** The fields of an advocacy issue, for creating and editing it. */
export function IssueForm({ value, onChange, onSubmit, onCancel, pending, error, submitLabel }: {
  value: AdvocacyIssueInput; onChange(v: AdvocacyIssueInput): void; onSubmit(): void; onCancel(): void; pending: boolean; error: unknown; submitLabel: string;
}) {
  const { t } = useTranslation();
  const org = useQuery({ queryKey: orgKeys.org, queryFn: fetchOrg });
  // The issue's own regions stay named even when the organisation no longer lists them.
  const regionChoices = useRegionChoices([...new Set([...(org.data?.regions ?? []), ...value.regions])]);
  const errors = error instanceof ApiError ? error.fieldErrors : {};
  const regionErrors = Object.entries(errors).filter(([k]) => k.startsWith('regions')).map(([, v]) => v);
  return (
    <Form onSubmit={() => onSubmit()}>
      <TextInput label={t('advocacy.fields.title')} required data-autofocus value={value.title} error={errors.title} onChange={(e) => onChange({ ...value, title: e.currentTarget.value })} />
      <Select label={t('advocacy.fields.category')} allowDeselect={false} data={ADVOCACY_CATEGORIES.map((c) => ({ value: c, label: t(`advocacy.categories.${c}`) }))} value={value.category} onChange={(v) => v && onChange({ ...value, category: v as AdvocacyIssueInput['category'] })} />
      <Textarea label={t('advocacy.fields.problem')} description={t('advocacy.fields.problemHelp')} required autosize minRows={4} value={value.problem} error={errors.problem} onChange={(e) => onChange({ ...value, problem: e.currentTarget.value })} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <MultiSelect label={t('advocacy.fields.sectors')} searchable clearable data={SECTIONS} value={value.sectors} onChange={(sectors) => onChange({ ...value, sectors })} />
        <MultiSelect label={t('advocacy.fields.regions')} searchable clearable data={regionChoices} value={value.regions} error={regionErrors[0]} onChange={(regions) => onChange({ ...value, regions })} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Level label={t('advocacy.fields.severity')} help={t('advocacy.fields.severityHelp')} value={value.severity} onChange={(severity) => onChange({ ...value, severity })} />
        <Level label={t('advocacy.fields.feasibility')} help={t('advocacy.fields.feasibilityHelp')} value={value.feasibility} onChange={(feasibility) => onChange({ ...value, feasibility })} />
      </SimpleGrid>
      <ProblemAlert error={error} />
      <Group>
        <Button type="submit" loading={pending}>{submitLabel}</Button>
        <Button variant="default" onClick={onCancel}>{t('ui.confirm.cancel')}</Button>
      </Group>
    </Form>
  );
}
