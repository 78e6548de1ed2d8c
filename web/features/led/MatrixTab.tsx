import { Autocomplete, Badge, Button, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconCopy, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LED_FACTORS, type Assessment, type LedMatrix, type LedRegionDetail } from '../../../contracts/led.js';
import { ApiError } from '../../app/api.js';
import { formatNumber } from '../../app/money.js';
import { useCan } from '../../app/session.js';
import { Chart } from '../../ui/Chart.js';
import { EditRemove } from '../../ui/EditRemove.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { InlineForm } from '../../ui/InlineForm.js';
import { Loading } from '../../ui/Loading.js';
import { notify } from '../../ui/notify.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { Stat } from '../../ui/Stat.js';
import { useLeaveGuard } from '../../ui/use-leave-guard.js';
import { addAssessment, copyMatrix, fetchMatrix, ledKeys, removeAssessment, updateAssessment } from './api.js';

const RATINGS = ['-2', '-1', '0', '1', '2'];
interface AssessmentValues { factor: string; finding: 'strength' | 'weakness'; rating: string; evidence: string; source: string }

const valuesOf = (a: Assessment | null): AssessmentValues => ({
  factor: a?.factor ?? '', finding: a?.finding ?? 'weakness', rating: a ? String(a.rating) : '-1', evidence: a?.evidence ?? '', source: a?.source ?? '',
});

/** A factor as read: the proposed ones in the reader's language, the region's own as typed. */
export function useFactorName() {
  const { t } = useTranslation();
  return (factor: string) => ((LED_FACTORS as readonly string[]).includes(factor) ? t(`led.factors.${factor}`) : factor);
}

function AssessmentForm({ regionId, year, assessment, onSaved, onDone }: { regionId: string; year: number; assessment: Assessment | null; onSaved(m: LedMatrix): void; onDone(): void }) {
  const { t } = useTranslation();
  const factorName = useFactorName();
  const initial = valuesOf(assessment);
  const [values, setValues] = useState(initial);
  const guard = useLeaveGuard(JSON.stringify(values) !== JSON.stringify(initial));
  const set = <K extends keyof AssessmentValues>(key: K, value: AssessmentValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  // The proposed factors are offered by their names; one chosen is sent as its code.
  const factorCode = (typed: string) => LED_FACTORS.find((f) => factorName(f) === typed) ?? typed;
  const [factorText, setFactorText] = useState(assessment ? factorName(assessment.factor) : '');
  const input = () => ({ year, factor: factorCode(factorText.trim()), finding: values.finding, rating: Number(values.rating), evidence: values.evidence, source: values.source });
  const save = useMutation({
    mutationFn: () => (assessment ? updateAssessment(regionId, assessment.id, input()) : addAssessment(regionId, input())),
    onSuccess: (saved) => {
      guard.release();
      onSaved(saved);
      notify(t('ui.saved'));
      onDone();
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  return (
    <InlineForm onSubmit={() => save.mutate()} onCancel={onDone} saving={save.isPending} error={save.error}>
      <Autocomplete label={t('led.factor')} description={t('led.factorHelp')} required data={LED_FACTORS.map((f) => factorName(f))} value={factorText}
        onChange={(v) => { setFactorText(v); set('factor', v); }} error={errors.factor} />
      <SegmentedControl fullWidth value={values.finding} data={[{ value: 'strength', label: t('led.findings.strength') }, { value: 'weakness', label: t('led.findings.weakness') }]}
        onChange={(v) => setValues((old) => ({ ...old, finding: v as AssessmentValues['finding'], rating: v === 'strength' ? (Number(old.rating) < 0 ? '1' : old.rating) : (Number(old.rating) > 0 ? '-1' : old.rating) }))} />
      <Select label={t('led.rating')} description={t('led.ratingHelp')} allowDeselect={false} value={values.rating} onChange={(v) => v && set('rating', v)}
        data={RATINGS.map((r) => ({ value: r, label: Number(r) > 0 ? `+${r}` : r }))} error={errors.rating} />
      <Textarea label={t('led.evidence')} autosize minRows={2} value={values.evidence} error={errors.evidence} onChange={(e) => set('evidence', e.currentTarget.value)} />
      <TextInput label={t('led.source')} value={values.source} error={errors.source} onChange={(e) => set('source', e.currentTarget.value)} />
    </InlineForm>
  );
}

/**
 * The locational analysis: each factor a strength or a weakness, rated −2..+2,
 * with its evidence and source; one version per year, shown as a chart and its table.
 */
export function MatrixTab({ region }: { region: LedRegionDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const factorName = useFactorName();
  const queryClient = useQueryClient();
  const [year, setYear] = useState<number | null>(null);
  const [editing, setEditing] = useState<Assessment | 'new' | null>(null);
  const [newYear, setNewYear] = useState('');
  const matrix = useQuery({ queryKey: ledKeys.matrix(region.id, year), queryFn: () => fetchMatrix(region.id, year) });
  const shown = matrix.data?.year ?? null;
  const thisYear = new Date().getFullYear();
  const years = [...new Set([...(matrix.data?.years ?? []), ...(year ? [year] : [])])].sort((a, b) => b - a);
  const saved = (m: LedMatrix) => {
    queryClient.setQueryData(ledKeys.matrix(region.id, year), m);
    void queryClient.invalidateQueries({ queryKey: ledKeys.compareAll });
  };
  const copy = useMutation({
    mutationFn: (to: number) => copyMatrix(region.id, shown!, to),
    onSuccess: (m) => {
      setYear(m.year);
      queryClient.setQueryData(ledKeys.matrix(region.id, m.year), m);
      notify(t('led.matrixCopied', { year: m.year }));
    },
  });
  if (matrix.isPending) return <Loading />;
  const items = matrix.data?.items ?? [];
  const summary = matrix.data?.summary;
  const working = shown ?? year ?? thisYear;
  return (
    <Stack>
      <Text size="sm" c="dimmed">{t('led.matrixIntro')}</Text>
      <ProblemAlert error={matrix.error ?? copy.error} />
      <Group align="flex-end" wrap="wrap">
        {years.length > 0 && (
          <Select label={t('led.version')} allowDeselect={false} w={140} value={String(working)} onChange={(v) => { setEditing(null); setYear(v ? Number(v) : null); }}
            data={years.map((y) => String(y))} />
        )}
        {can('led.manage') && (
          <>
            <TextInput label={years.length ? t('led.newVersion') : t('led.firstYear')} inputMode="numeric" w={140} value={newYear} placeholder={String(thisYear)} onChange={(e) => setNewYear(e.currentTarget.value)} />
            <Button variant="default" leftSection={years.length ? <IconCopy size={16} /> : undefined} disabled={!/^\d{4}$/.test(newYear) || years.includes(Number(newYear))}
              loading={copy.isPending} onClick={() => {
                const to = Number(newYear);
                setNewYear('');
                setEditing(null);
                if (shown && items.length) copy.mutate(to);
                else setYear(to);
              }}>
              {shown && items.length ? t('led.startFromThis') : t('led.startYear')}
            </Button>
          </>
        )}
      </Group>
      {summary && (
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Stat label={t('led.factorsAssessed')} value={formatNumber(summary.factors)} />
          <Stat label={t('led.strengths')} value={formatNumber(summary.strengths)} />
          <Stat label={t('led.weaknesses')} value={formatNumber(summary.weaknesses)} />
          <Stat label={t('led.averageRating')} value={summary.average === null ? '—' : formatNumber(summary.average)} />
        </SimpleGrid>
      )}
      {items.length > 0 && (
        <Chart title={t('led.matrixChart', { year: working })} categoryLabel={t('led.factor')} integers valueLabel={t('led.ratingStrength')} tableMode="toggle"
          categories={items.map((a) => factorName(a.factor))}
          series={[
            { key: 'strength', label: t('led.findings.strength'), values: items.map((a) => (a.finding === 'strength' ? a.rating : 0)) },
            { key: 'weakness', label: t('led.findings.weakness'), values: items.map((a) => (a.finding === 'weakness' ? Math.abs(a.rating) : 0)) },
          ]} />
      )}
      {can('led.manage') && editing === null && <Group><Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>{t('led.assessFactor', { year: working })}</Button></Group>}
      {editing === 'new' && <AssessmentForm regionId={region.id} year={working} assessment={null} onSaved={(m) => { setYear(m.year); saved(m); }} onDone={() => setEditing(null)} />}
      {!items.length && editing === null && <EmptyState>{t('led.noMatrix')}</EmptyState>}
      {items.map((a) => (editing !== 'new' && editing?.id === a.id ? <AssessmentForm key={a.id} regionId={region.id} year={working} assessment={a} onSaved={saved} onDone={() => setEditing(null)} /> : (
        <Paper key={a.id} withBorder p="sm">
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
            <Stack gap={2} style={{ minWidth: 0, flex: '1 1 200px' }}>
              <Group gap="xs">
                <Text fw={600} style={{ overflowWrap: 'anywhere' }}>{factorName(a.factor)}</Text>
                <Badge color={a.finding === 'strength' ? 'teal' : 'red'} variant="light">{t(`led.findings.${a.finding}`)} {a.rating > 0 ? `+${a.rating}` : a.rating}</Badge>
              </Group>
              {a.evidence && <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{a.evidence}</Text>}
              {a.source && <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>{t('led.sourceIs', { source: a.source })}</Text>}
            </Stack>
            {can('led.manage') && <EditRemove onEdit={() => setEditing(a)} question={t('led.removeAssessmentQuestion', { factor: factorName(a.factor) })}
              onRemove={async () => {
                await removeAssessment(region.id, a.id);
                await queryClient.invalidateQueries({ queryKey: ledKeys.matrix(region.id, year) });
              }} />}
          </Group>
        </Paper>
      )))}
    </Stack>
  );
}
