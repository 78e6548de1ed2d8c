import { Alert, Anchor, Badge, Button, Group, Modal, NumberInput, Paper, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypePdf } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NOT_STATED, type Dimension } from '../../../contracts/results.js';
import { ApiError } from '../../app/api.js';
import { formatDate, formatDateTime } from '../../app/format.js';
import { useRegionName } from '../../app/reference.js';
import { sectorLabel } from '../../app/sectors.js';
import { useCan } from '../../app/session.js';
import { useConfirm } from '../../ui/confirm.js';
import { Form } from '../../ui/Form.js';
import { Loading } from '../../ui/Loading.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { ScrollTable } from '../../ui/ScrollTable.js';
import { addValue, fetchFramework, fetchPeriod, fetchRecords, movePeriod, resultsKeys, setTarget, type Indicator, type PeriodReport, type ReportLine } from './api.js';
import { formatFigure, formatTarget, progressText } from './figure.js';
import { towardsTarget } from './target-progress.js';
import { stateColor } from './FrameworkPage.js';

/** One indicator's figure, its target and its breakdowns, each table ending with its total. */
function IndicatorCard({ line, indicator, period, editable, onDrill }: { line: ReportLine; indicator: Indicator | undefined; period: PeriodReport; editable: boolean; onDrill(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [target, setTargetInput] = useState<number | string>(line.target ?? '');
  const [entering, setEntering] = useState(false);
  const saveTarget = useMutation({
    mutationFn: () => setTarget(period.id, line.indicatorId, target === '' ? null : Number(target)),
    onSuccess: (report) => queryClient.setQueryData(resultsKeys.period(period.id), report),
  });
  const progress = towardsTarget(line.total, line.target);
  const regionName = useRegionName(line.breakdowns.region?.categories.map((c) => c.category) ?? []);
  const categoryName = (dimension: string, category: string) =>
    category === NOT_STATED ? t('results.notStated') : dimension === 'region' ? regionName(category) : dimension === 'sector' ? sectorLabel(category) : dimension === 'age_band' ? t(`peopleReached.bands.${category}`, { defaultValue: category }) : t(`results.categories.${category}`, { defaultValue: category });
  return (
    <Paper withBorder p="md" component="article">
      <Group justify="space-between" wrap="wrap" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 14rem' }}>
          <Text fw={600}>{line.name}</Text>
          {indicator && <Text size="xs" c="dimmed">{t(`results.levels.${indicator.level}`)} · {t(`results.kinds.${indicator.kind}`)}{indicator.unit ? ` · ${indicator.unit}` : ''}</Text>}
        </Stack>
        <Stack gap={0} align="flex-end">
          <Text size="xl" fw={700} data-testid={`total-${line.indicatorId}`}>{formatFigure(t, line.total)}</Text>
          {line.target !== null && <Text size="xs" c="dimmed">{t('results.ofTarget', { target: formatTarget(line.total, line.target), progress: progress ? progressText(t, progress) : '—' })}</Text>}
        </Stack>
      </Group>
      {Object.entries(line.breakdowns).map(([dimension, b]) => (
        <ScrollTable key={dimension} minWidth={280}>
          <Table mt="xs" striped>
            <Table.Thead><Table.Tr><Table.Th>{t(`results.dimension.${dimension}`)}</Table.Th><Table.Th ta="right">{t('results.figure')}</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {b.categories.map((c) => (
                <Table.Tr key={c.category}>
                  <Table.Td>{categoryName(dimension, c.category)}</Table.Td>
                  <Table.Td ta="right">{formatFigure(t, c.figure)}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr fw={600}><Table.Td>{t('results.total')}</Table.Td><Table.Td ta="right">{formatFigure(t, line.total)}</Table.Td></Table.Tr>
            </Table.Tbody>
          </Table>
          {b.overlap > 0 && <Text size="xs" c="dimmed">{t('results.overlap', { count: b.overlap, dimension: t(`results.dimension.${dimension}`) })}</Text>}
        </ScrollTable>
      ))}
      <Group mt="sm" gap="xs" wrap="wrap" align="flex-end">
        <Button size="xs" variant="subtle" onClick={onDrill}>{t('results.records', { count: line.records })}</Button>
        {editable && indicator && (
          <>
            <NumberInput size="xs" w={130} min={0} allowDecimal={false} label={t('results.target')} value={target} onChange={setTargetInput} />
            <Button size="xs" variant="default" loading={saveTarget.isPending} onClick={() => saveTarget.mutate()}>{t('results.saveTarget')}</Button>
            {!indicator.library && <Button size="xs" variant="light" onClick={() => setEntering(true)}>{t('results.enterValue')}</Button>}
          </>
        )}
      </Group>
      <ProblemAlert error={saveTarget.error} />
      {indicator && (
        <Modal opened={entering} onClose={() => setEntering(false)} title={t('results.enterValueFor', { name: line.name })}>
          <ValueForm periodId={period.id} indicator={indicator} onDone={() => setEntering(false)} />
        </Modal>
      )}
    </Paper>
  );
}

/** A value entered by hand for one cell of the breakdown, with its evidence. */
function ValueForm({ periodId, indicator, onDone }: { periodId: string; indicator: Indicator; onDone(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [cell, setCell] = useState<Partial<Record<Dimension, string>>>({});
  const [value, setValue] = useState<number | string>('');
  const [numerator, setNumerator] = useState<number | string>('');
  const [denominator, setDenominator] = useState<number | string>('');
  const [text, setText] = useState('');
  const [evidence, setEvidence] = useState('');
  const num = (v: number | string) => (v === '' ? null : Number(v));
  const save = useMutation({
    mutationFn: () => addValue(periodId, indicator.id, { cell, value: num(value), numerator: num(numerator), denominator: num(denominator), text, evidence }),
    onSuccess: (report) => {
      queryClient.setQueryData(resultsKeys.period(periodId), report);
      onDone();
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  return (
    <Form onSubmit={() => save.mutate()}>
      {indicator.dimensions.map((d) => (
        <TextInput key={d} label={t(`results.dimension.${d}`)} description={t('results.cellHelp')} value={cell[d] ?? ''} onChange={(e) => setCell({ ...cell, [d]: e.currentTarget.value || undefined })} />
      ))}
      {indicator.kind === 'qualitative' ? (
        <Textarea label={t('results.text')} required autosize minRows={3} value={text} error={errors.text} onChange={(e) => setText(e.currentTarget.value)} />
      ) : indicator.kind === 'pooled_percentage' ? (
        <SimpleGrid cols={2}>
          <NumberInput label={t('results.numerator')} required min={0} allowDecimal={false} value={numerator} error={errors.numerator} onChange={setNumerator} />
          <NumberInput label={t('results.denominator')} required min={1} allowDecimal={false} value={denominator} error={errors.denominator} onChange={setDenominator} />
        </SimpleGrid>
      ) : (
        <NumberInput label={t('results.value')} required min={0} allowDecimal={false} value={value} error={errors.value} onChange={setValue} />
      )}
      <Textarea label={t('results.evidence')} description={t('results.evidenceHelp')} required autosize minRows={2} value={evidence} error={errors.evidence} onChange={(e) => setEvidence(e.currentTarget.value)} />
      <ProblemAlert error={save.error} />
      <Group>
        <Button type="submit" loading={save.isPending}>{t('ui.save')}</Button>
        <Button variant="default" onClick={onDone}>{t('ui.confirm.cancel')}</Button>
      </Group>
    </Form>
  );
}

function RecordsList({ periodId, indicatorId }: { periodId: string; indicatorId: string }) {
  const { t } = useTranslation();
  const records = useQuery({ queryKey: resultsKeys.records(periodId, indicatorId), queryFn: () => fetchRecords(periodId, indicatorId) });
  if (records.isPending) return <Loading />;
  if (!records.data) return <ProblemAlert error={records.error} />;
  const link = (type: string, id: string, unit: string | null) => ({ member: `/members/${id}`, advocacy_issue: `/advocacy/${id}`, forum_meeting: `/dialogue/meetings/${id}`, participation: `/people-reached/${unit}`, training_certification: `/people-reached/${unit}`, led_measure: `/led/measures/${id}`, networking_introduction: '/networking/introductions' })[type];
  return (
    <Stack gap="xs">
      <Text size="sm">{t('results.recordsShown', { shown: records.data.items.length, total: records.data.total })}</Text>
      {records.data.items.map((r) => {
        const to = link(r.type, r.id, r.unit);
        return (
          <Group key={`${r.type}:${r.id}`} justify="space-between" wrap="nowrap">
            {to ? <Anchor component={Link} to={to} size="sm">{t(`results.recordTypes.${r.type}`)}</Anchor> : <Text size="sm">{t(`results.recordTypes.${r.type}`)}</Text>}
            <Text size="sm" c="dimmed">{formatDate(r.on)}</Text>
          </Group>
        );
      })}
    </Stack>
  );
}

/** A reporting period's report: counted live while drafted, frozen once approved, with later corrections beside it. */
export function PeriodPage() {
  const { id } = useParams() as { id: string };
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [ask, confirmDialog] = useConfirm();
  const [drill, setDrill] = useState<ReportLine | null>(null);
  const report = useQuery({ queryKey: resultsKeys.period(id), queryFn: () => fetchPeriod(id) });
  const frameworkId = report.data?.frameworkId;
  const framework = useQuery({ queryKey: resultsKeys.framework(frameworkId ?? ''), queryFn: () => fetchFramework(frameworkId!), enabled: !!frameworkId });
  const move = useMutation({
    mutationFn: (step: 'submit' | 'return' | 'approve') => movePeriod(id, step),
    onSuccess: async (r) => {
      queryClient.setQueryData(resultsKeys.period(id), r);
      await queryClient.invalidateQueries({ queryKey: resultsKeys.framework(r.frameworkId) });
    },
  });
  if (report.isPending) return <Loading />;
  if (!report.data) return <ProblemAlert error={report.error} />;
  const r = report.data;
  const editable = r.state !== 'approved' && can('results.manage');
  const indicators = new Map((framework.data?.indicators ?? []).map((i) => [i.id, i]));
  return (
    <>
      <PageHeader title={r.label}>
        <Badge size="lg" color={stateColor[r.state]} variant="light">{t(`results.states.${r.state}`)}</Badge>
        {r.state === 'draft' && can('results.manage') && <Button onClick={() => move.mutate('submit')} loading={move.isPending}>{t('results.submit')}</Button>}
        {r.state === 'submitted' && can('results.approve') && (
          <>
            <Button variant="default" onClick={() => move.mutate('return')} loading={move.isPending}>{t('results.return')}</Button>
            <Button color="teal" loading={move.isPending} onClick={async () => {
              if (await ask({ question: t('results.approveQuestion', { label: r.label }), confirmLabel: t('results.approve'), color: 'teal' })) move.mutate('approve');
            }}>{t('results.approve')}</Button>
          </>
        )}
      </PageHeader>
      <Stack>
        {framework.data && <Anchor component={Link} to={`/results/${framework.data.id}`} size="sm">← {framework.data.name}</Anchor>}
        <Text size="sm" c="dimmed">{formatDate(r.startsOn)} – {formatDate(r.endsOn)}</Text>
        {/* The same figures as this page, as files for the donor (server/modules/results/donor-report.ts). */}
        <Group gap="xs">
          <Button size="xs" variant="default" component="a" href={`/api/v1/results/periods/${id}/report.pdf`} leftSection={<IconFileTypePdf size={14} />}>{t('results.report.downloadPdf')}</Button>
          <Button size="xs" variant="default" component="a" href={`/api/v1/results/periods/${id}/report.xlsx`} leftSection={<IconFileSpreadsheet size={14} />}>{t('results.report.downloadXlsx')}</Button>
        </Group>
        <ProblemAlert error={move.error} />
        {r.approved && (
          <Alert color={r.approved.intact ? 'teal' : 'red'} title={r.approved.intact ? t('results.frozen') : t('results.tampered')}>
            <Text size="sm">{t('results.approvedBy', { by: r.approved.by, at: formatDateTime(r.approved.at) })}</Text>
            <Text size="xs" ff="monospace" style={{ overflowWrap: 'anywhere' }}>{t('results.checksum')}: {r.approved.checksum}</Text>
          </Alert>
        )}
        {r.corrections.length > 0 && (
          <Paper withBorder p="md">
            <Title order={2} size="h4">{t('results.corrections')}</Title>
            <Text size="sm" c="dimmed">{t('results.correctionsHelp')}</Text>
            <Stack gap="xs" mt="xs">
              {r.corrections.map((c) => (
                <div key={c.indicatorId}>
                  <Text size="sm" fw={600}>{c.name}: {formatFigure(t, c.reported)} → {formatFigure(t, c.now)}</Text>
                  {c.added.map((a) => <Text key={`${a.type}:${a.id}`} size="xs">+ {t(`results.recordTypes.${a.type}`)} · {formatDate(a.on)}</Text>)}
                  {c.gone.map((g) => <Text key={`${g.type}:${g.id}`} size="xs">− {t(`results.recordTypes.${g.type}`)}</Text>)}
                </div>
              ))}
            </Stack>
          </Paper>
        )}
        {r.results.length ? r.results.map((line) => (
          <IndicatorCard key={line.indicatorId} line={line} indicator={indicators.get(line.indicatorId)} period={r} editable={editable} onDrill={() => setDrill(line)} />
        )) : <Text c="dimmed">{t('results.noIndicators')}</Text>}
      </Stack>
      {confirmDialog}
      <Modal opened={!!drill} onClose={() => setDrill(null)} title={drill ? t('results.recordsOf', { name: drill.name }) : ''}>
        {drill && <RecordsList periodId={id} indicatorId={drill.indicatorId} />}
      </Modal>
    </>
  );
}
