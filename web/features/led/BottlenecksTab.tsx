import { Anchor, Autocomplete, Badge, Button, Group, Paper, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BOTTLENECK_KINDS, LED_FACTORS, type Bottleneck, type LedRegionDetail } from '../../../contracts/led.js';
import { ApiError } from '../../app/api.js';
import { useCan } from '../../app/session.js';
import { EditRemove } from '../../ui/EditRemove.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { InlineForm } from '../../ui/InlineForm.js';
import { notify } from '../../ui/notify.js';
import { useLeaveGuard } from '../../ui/use-leave-guard.js';
import { addPart, ledKeys, removePart, updatePart } from './api.js';
import { useFactorName } from './MatrixTab.js';
import { ToAdvocacyButton } from './ToAdvocacyButton.js';

type Kind = Bottleneck['kind'];
interface BottleneckValues { title: string; kind: Kind; description: string; factor: string; evidence: string }
const valuesOf = (b: Bottleneck | null): BottleneckValues => ({ title: b?.title ?? '', kind: b?.kind ?? 'locational', description: b?.description ?? '', factor: b?.factor ?? '', evidence: b?.evidence ?? '' });

function BottleneckForm({ region, bottleneck, onDone }: { region: LedRegionDetail; bottleneck: Bottleneck | null; onDone(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const factorName = useFactorName();
  const initial = { ...valuesOf(bottleneck), factor: bottleneck?.factor ? factorName(bottleneck.factor) : '' };
  const [values, setValues] = useState(initial);
  const guard = useLeaveGuard(JSON.stringify(values) !== JSON.stringify(initial));
  const set = <K extends keyof BottleneckValues>(key: K, value: BottleneckValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const input = () => ({ ...values, factor: LED_FACTORS.find((f) => factorName(f) === values.factor.trim()) ?? values.factor.trim() });
  const save = useMutation({
    mutationFn: () => (bottleneck ? updatePart(region.id, 'bottlenecks', bottleneck.id, input()) : addPart(region.id, 'bottlenecks', input())),
    onSuccess: (saved) => {
      guard.release();
      queryClient.setQueryData(ledKeys.region(region.id), saved);
      void queryClient.invalidateQueries({ queryKey: ledKeys.regions });
      notify(t('ui.saved'));
      onDone();
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  return (
    <InlineForm onSubmit={() => save.mutate()} onCancel={onDone} saving={save.isPending} error={save.error}>
      <TextInput label={t('led.bottleneckTitle')} required value={values.title} error={errors.title} onChange={(e) => set('title', e.currentTarget.value)} />
      <Select label={t('led.bottleneckKind')} description={t('led.bottleneckKindHelp')} allowDeselect={false} value={values.kind} error={errors.kind}
        data={BOTTLENECK_KINDS.map((k) => ({ value: k, label: t(`led.bottleneckKinds.${k}`) }))} onChange={(v) => v && set('kind', v as Kind)} />
      <Textarea label={t('led.description')} autosize minRows={2} value={values.description} error={errors.description} onChange={(e) => set('description', e.currentTarget.value)} />
      <Autocomplete label={t('led.factor')} data={LED_FACTORS.map((f) => factorName(f))} value={values.factor} error={errors.factor} onChange={(v) => set('factor', v)} />
      <Textarea label={t('led.evidence')} description={t('led.bottleneckEvidenceHelp')} autosize minRows={2} value={values.evidence} error={errors.evidence} onChange={(e) => set('evidence', e.currentTarget.value)} />
    </InlineForm>
  );
}

/** What holds the region back, each with the evidence behind it and the measures chosen for it. */
export function BottlenecksTab({ region }: { region: LedRegionDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const factorName = useFactorName();
  const [editing, setEditing] = useState<Bottleneck | 'new' | null>(null);
  const remove = async (b: Bottleneck) => {
    queryClient.setQueryData(ledKeys.region(region.id), await removePart(region.id, 'bottlenecks', b.id));
    void queryClient.invalidateQueries({ queryKey: ledKeys.regions });
  };
  return (
    <Stack>
      <Text size="sm" c="dimmed">{t('led.bottlenecksIntro')}</Text>
      {can('led.manage') && editing === null && <Group><Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>{t('led.addBottleneck')}</Button></Group>}
      {editing === 'new' && <BottleneckForm region={region} bottleneck={null} onDone={() => setEditing(null)} />}
      {!region.bottleneckList.length && editing === null && <EmptyState>{t('led.noBottlenecks')}</EmptyState>}
      {region.bottleneckList.map((b) => (editing !== 'new' && editing?.id === b.id ? <BottleneckForm key={b.id} region={region} bottleneck={b} onDone={() => setEditing(null)} /> : (
        <Paper key={b.id} withBorder p="sm">
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
            <Stack gap={2} style={{ minWidth: 0, flex: '1 1 200px' }}>
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>{b.title}</Text>
              <Group gap={4}>
                <Badge variant="light" color={b.kind === 'regulatory' ? 'grape' : 'blue'}>{t(`led.bottleneckKinds.${b.kind}`)}</Badge>
                {b.factor && <Badge variant="light" color="gray">{factorName(b.factor)}</Badge>}
                <Badge variant="light" color="teal">{t('led.measureCount', { count: b.measures })}</Badge>
              </Group>
              {b.description && <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{b.description}</Text>}
              {b.evidence && <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{t('led.evidenceIs', { evidence: b.evidence })}</Text>}
              <Anchor component={Link} to={`/led/${region.id}/bottlenecks/${b.id}`} size="sm" mih={44} style={{ display: 'inline-flex', alignItems: 'center' }}>{t('led.interview.evidence')} →</Anchor>
              {b.advocacyIssueId && <Anchor component={Link} to={`/advocacy/${b.advocacyIssueId}`} size="sm">{t('led.inAdvocacy')} →</Anchor>}
              {b.kind === 'regulatory' && !b.advocacyIssueId && can('advocacy.manage') && <ToAdvocacyButton regionId={region.id} bottleneck={b} />}
            </Stack>
            {can('led.manage') && <EditRemove onEdit={() => setEditing(b)} question={t('led.removeBottleneckQuestion', { title: b.title })} onRemove={() => remove(b)} />}
          </Group>
        </Paper>
      )))}
    </Stack>
  );
}
