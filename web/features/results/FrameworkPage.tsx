import { ActionIcon, Anchor, Badge, Button, Group, Modal, MultiSelect, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPencil, IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { DIMENSIONS, INDICATOR_KINDS, INDICATOR_SOURCES, REPORT_STATES, RESULT_LEVELS, type IndicatorInput, type PeriodInput } from '../../../contracts/results.js';
import { ApiError } from '../../app/api.js';
import { formatDate, formatDateTime, orgToday } from '../../app/format.js';
import { useCan, useSession } from '../../app/session.js';
import { useConfirm } from '../../ui/confirm.js';
import { DataTable } from '../../ui/DataTable.js';
import { ExportMenu } from '../../ui/ExportMenu.js';
import { Form } from '../../ui/Form.js';
import { LoadMore } from '../../ui/LoadMore.js';
import { Loading } from '../../ui/Loading.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import { useListParams } from '../../ui/use-list-params.js';
import {
  addIndicator, addPeriod, fetchFramework, fetchLibrary, iatiDownloadPath, iatiPublicPath, indicatorsPath, periodsPath, publishIati, removeIndicator, resultsKeys, type Framework, type Indicator, type PeriodSummary,
} from './api.js';
import { FrameworkForm } from './ResultsPage.js';
import { FinancePanel } from './FinancePanel.js';
import { SharesPanel } from './SharesPanel.js';

export const stateColor = { draft: 'gray', submitted: 'blue', approved: 'teal' } as const;
const BY_HAND = '';

/** Adds an indicator: one the product counts (from the library) or one entered by hand with evidence. */
function IndicatorForm({ framework, onDone }: { framework: Framework; onDone(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const library = useQuery({ queryKey: resultsKeys.library, queryFn: fetchLibrary });
  const [input, setInput] = useState<IndicatorInput>({ library: null, name: '', level: 'output', kind: 'count', unit: '', dimensions: [], baseline: null, baselineYear: null });
  const known = library.data?.items.find((i) => i.code === input.library);
  const save = useMutation({
    mutationFn: () => addIndicator(framework.id, input),
    onSuccess: (f) => {
      queryClient.setQueryData(resultsKeys.framework(framework.id), f);
      void queryClient.invalidateQueries({ queryKey: resultsKeys.indicators(framework.id) });
      onDone();
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  const choose = (code: string | null) => {
    const item = library.data?.items.find((i) => i.code === code);
    setInput(item ? { ...input, library: item.code, name: item.name, kind: item.kind, level: item.level, unit: t(`results.units.${item.unit}`), dimensions: item.dimensions } : { ...input, library: null });
  };
  return (
    <Form onSubmit={() => save.mutate()}>
      <Select
        label={t('results.source')}
        description={t('results.sourceHelp')}
        allowDeselect={false}
        searchable
        value={input.library ?? BY_HAND}
        onChange={(v) => choose(v || null)}
        data={[{ value: BY_HAND, label: t('results.byHand') }, ...(library.data?.items ?? []).map((i) => ({ value: i.code, label: i.name }))]}
      />
      <TextInput label={t('results.indicatorName')} required value={input.name} error={errors.name} onChange={(e) => setInput({ ...input, name: e.currentTarget.value })} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select label={t('results.level')} allowDeselect={false} value={input.level} onChange={(v) => v && setInput({ ...input, level: v as IndicatorInput['level'] })} data={RESULT_LEVELS.map((l) => ({ value: l, label: t(`results.levels.${l}`) }))} />
        <Select label={t('results.kind')} allowDeselect={false} disabled={!!known} value={input.kind} error={errors.kind} onChange={(v) => v && setInput({ ...input, kind: v as IndicatorInput['kind'] })} data={INDICATOR_KINDS.map((k) => ({ value: k, label: t(`results.kinds.${k}`) }))} />
      </SimpleGrid>
      <TextInput label={t('results.unit')} value={input.unit} error={errors.unit} onChange={(e) => setInput({ ...input, unit: e.currentTarget.value })} />
      <MultiSelect
        label={t('results.dimensions')}
        description={known ? t('results.dimensionsOfLibrary') : undefined}
        value={input.dimensions}
        error={errors.dimensions}
        onChange={(v) => setInput({ ...input, dimensions: v as IndicatorInput['dimensions'] })}
        data={(known?.dimensions ?? DIMENSIONS).map((d) => ({ value: d, label: t(`results.dimension.${d}`) }))}
      />
      <ProblemAlert error={save.error} />
      <Group>
        <Button type="submit" loading={save.isPending}>{t('results.addIndicator')}</Button>
        <Button variant="default" onClick={onDone}>{t('ui.confirm.cancel')}</Button>
      </Group>
    </Form>
  );
}

function PeriodForm({ frameworkId, onCancel }: { frameworkId: string; onCancel(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const year = orgToday().slice(0, 4);
  const [input, setInput] = useState<PeriodInput>({ label: year, startsOn: `${year}-01-01`, endsOn: `${year}-12-31` });
  const save = useMutation({
    mutationFn: () => addPeriod(frameworkId, input),
    onSuccess: async (p) => {
      await queryClient.invalidateQueries({ queryKey: resultsKeys.all });
      void navigate(`/results/periods/${p.id}`);
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  return (
    <Form onSubmit={() => save.mutate()}>
      <TextInput label={t('results.periodLabel')} required data-autofocus value={input.label} error={errors.label} onChange={(e) => setInput({ ...input, label: e.currentTarget.value })} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput type="date" label={t('results.startsOn')} required value={input.startsOn} error={errors.startsOn} onChange={(e) => setInput({ ...input, startsOn: e.currentTarget.value })} />
        <TextInput type="date" label={t('results.endsOn')} required value={input.endsOn} error={errors.endsOn} onChange={(e) => setInput({ ...input, endsOn: e.currentTarget.value })} />
      </SimpleGrid>
      <ProblemAlert error={save.error} />
      <Group>
        <Button type="submit" loading={save.isPending}>{t('results.addPeriod')}</Button>
        <Button variant="default" onClick={onCancel}>{t('ui.confirm.cancel')}</Button>
      </Group>
    </Form>
  );
}

/** The IATI activity file of the framework: downloaded to check, published at a stable public address. */
function IatiPanel({ framework }: { framework: Framework }) {
  const { t } = useTranslation();
  const can = useCan();
  const session = useSession();
  const queryClient = useQueryClient();
  const publish = useMutation({ mutationFn: () => publishIati(framework.id), onSuccess: (f) => queryClient.setQueryData(resultsKeys.framework(framework.id), f) });
  const ready = !!(framework.iatiOrgRef && framework.iatiActivityId && framework.iatiOrgType);
  const publicUrl = session.data?.org ? `${window.location.origin}${iatiPublicPath(session.data.org.id, framework.id)}` : null;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4">{t('results.iati')}</Title>
      {!ready ? <Text size="sm" c="dimmed">{t('results.iatiNotReady')}</Text> : (
        <Stack gap="xs" mt="xs">
          <Text size="sm">{t('results.iatiIdentifier')}: <Text span ff="monospace">{framework.iatiActivityId}</Text></Text>
          <Group gap="xs">
            <Button component="a" variant="default" href={iatiDownloadPath(framework.id)} download>{t('results.iatiDownload')}</Button>
            {can('results.approve') && <Button loading={publish.isPending} onClick={() => publish.mutate()}>{t('results.iatiPublish')}</Button>}
          </Group>
          {framework.iatiPublishedAt && publicUrl && (
            <Text size="sm">{t('results.iatiPublished', { at: formatDateTime(framework.iatiPublishedAt) })} <Anchor href={publicUrl} style={{ overflowWrap: 'anywhere' }}>{publicUrl}</Anchor></Text>
          )}
        </Stack>
      )}
      <ProblemAlert error={publish.error} />
    </Paper>
  );
}

/** A framework's indicators: searched, one level or source, by number, name or level; paged, in the address and downloaded. */
function Indicators({ frameworkId, manage, onAdd }: { frameworkId: string; manage: boolean; onAdd(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [ask, confirmDialog] = useConfirm();
  const list = useListParams({ q: '', level: '', source: '', sort: 'position' });
  const { q, level, source } = list.values;
  const pages = useCursorPages<Indicator>(resultsKeys.indicators(frameworkId), indicatorsPath(frameworkId), list.query);
  const remove = useMutation({
    mutationFn: (indicatorId: string) => removeIndicator(frameworkId, indicatorId),
    onSuccess: async (f) => {
      queryClient.setQueryData(resultsKeys.framework(frameworkId), f);
      await queryClient.invalidateQueries({ queryKey: resultsKeys.indicators(frameworkId) });
    },
  });
  return (
    <>
      {confirmDialog}
      <Group justify="space-between">
        <Title order={2} size="h4">{t('results.indicators')}</Title>
        <Group gap="xs">
          {manage && <ExportMenu path={indicatorsPath(frameworkId)} query={list.query} />}
          {manage && <Button size="xs" leftSection={<IconPlus size={14} />} onClick={onAdd}>{t('results.addIndicator')}</Button>}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput leftSection={<IconSearch size={16} />} label={t('results.searchIndicators')} value={q} onChange={(e) => list.set('q', e.currentTarget.value)} />
        <Select label={t('results.level')} clearable value={level || null} onChange={(v) => list.set('level', v ?? '')} data={RESULT_LEVELS.map((l) => ({ value: l, label: t(`results.levels.${l}`) }))} />
        <Select label={t('results.source')} clearable value={source || null} onChange={(v) => list.set('source', v ?? '')}
          data={INDICATOR_SOURCES.map((s) => ({ value: s, label: s === 'library' ? t('results.counted') : t('results.byHand') }))} />
      </SimpleGrid>
      <ProblemAlert error={pages.error ?? remove.error} />
      <DataTable
        pending={pages.isPending}
        empty={!pages.items.length}
        emptyText={q || level || source ? t('results.noIndicatorsMatch') : t('results.noIndicators')}
        minWidth={620}
        sort={list.sort}
        headers={[{ label: t('results.position'), sort: 'position' }, { label: t('results.indicatorName'), sort: 'name' }, { label: t('results.level'), sort: 'level' }, t('results.kind'), t('results.source'), '']}
      >
        {pages.items.map((i) => (
          <Table.Tr key={i.id}>
            <Table.Td>{i.position}</Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{i.name}{i.dimensions.length > 0 && <Text size="xs" c="dimmed">{i.dimensions.map((d) => t(`results.dimension.${d}`)).join(', ')}</Text>}</Table.Td>
            <Table.Td>{t(`results.levels.${i.level}`)}</Table.Td>
            <Table.Td>{t(`results.kinds.${i.kind}`)}</Table.Td>
            <Table.Td>{i.library ? t('results.counted') : t('results.byHand')}</Table.Td>
            <Table.Td>
              {manage && (
                <ActionIcon variant="subtle" color="red" aria-label={t('results.removeIndicator', { name: i.name })} onClick={async () => {
                  if (await ask({ question: t('results.removeIndicatorQuestion', { name: i.name }), confirmLabel: t('results.remove') })) remove.mutate(i.id);
                }}>
                  <IconTrash size={16} />
                </ActionIcon>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <LoadMore hasMore={!!pages.hasNextPage} loading={pages.isFetchingNextPage} onLoad={() => void pages.fetchNextPage()} />
    </>
  );
}

/**
 * A framework's reporting periods: one state, by first day or label; paged, downloaded. Their
 * filter and order sit in the address beside the indicators' (keys of their own).
 */
function Periods({ frameworkId, manage, onAdd }: { frameworkId: string; manage: boolean; onAdd(): void }) {
  const { t } = useTranslation();
  const list = useListParams({ periodState: '', periodSort: 'starts' });
  const query = { state: list.query.periodState, sort: list.query.periodSort };
  const sort = { value: list.values.periodSort, onChange: (v: string) => list.set('periodSort', v) };
  const pages = useCursorPages<PeriodSummary>(resultsKeys.periods(frameworkId), periodsPath(frameworkId), query);
  return (
    <>
      <Group justify="space-between">
        <Title order={2} size="h4">{t('results.periods')}</Title>
        <Group gap="xs">
          {manage && <ExportMenu path={periodsPath(frameworkId)} query={query} />}
          {manage && <Button size="xs" leftSection={<IconPlus size={14} />} onClick={onAdd}>{t('results.addPeriod')}</Button>}
        </Group>
      </Group>
      <Select label={t('results.state')} clearable w={{ base: '100%', sm: 240 }} value={list.values.periodState || null} onChange={(v) => list.set('periodState', v ?? '')}
        data={REPORT_STATES.map((s) => ({ value: s, label: t(`results.states.${s}`) }))} />
      <ProblemAlert error={pages.error} />
      <DataTable
        pending={pages.isPending}
        empty={!pages.items.length}
        emptyText={list.values.periodState ? t('results.noPeriodsMatch') : t('results.noPeriods')}
        minWidth={560}
        sort={sort}
        headers={[{ label: t('results.periodLabel'), sort: 'label' }, { label: t('results.startsOn'), sort: 'starts' }, t('results.endsOn'), t('results.state')]}
      >
        {pages.items.map((p) => (
          <Table.Tr key={p.id}>
            <Table.Td><Anchor component={Link} to={`/results/periods/${p.id}`} style={{ overflowWrap: 'anywhere' }}>{p.label}</Anchor></Table.Td>
            <Table.Td>{formatDate(p.startsOn)}</Table.Td>
            <Table.Td>{formatDate(p.endsOn)}</Table.Td>
            <Table.Td><Badge color={stateColor[p.state]} variant="light">{t(`results.states.${p.state}`)}</Badge></Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <LoadMore hasMore={!!pages.hasNextPage} loading={pages.isFetchingNextPage} onLoad={() => void pages.fetchNextPage()} />
    </>
  );
}

/** A results framework: its indicators on the results chain, and its reporting periods. */
export function FrameworkPage() {
  const { id } = useParams() as { id: string };
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<'edit' | 'indicator' | 'period' | null>(null);
  const framework = useQuery({ queryKey: resultsKeys.framework(id), queryFn: () => fetchFramework(id) });
  if (framework.isPending) return <Loading />;
  if (!framework.data) return <ProblemAlert error={framework.error} />;
  const f = framework.data;
  const manage = can('results.manage');
  return (
    <>
      <PageHeader title={f.name}>
        {manage && <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setDialog('edit')}>{t('ui.edit')}</Button>}
      </PageHeader>
      <Stack>
        <Anchor component={Link} to="/results" size="sm">← {t('nav.results')}</Anchor>
        {(f.donor || f.description) && <Text size="sm">{[f.donor, f.description].filter(Boolean).join(' — ')}</Text>}
        <Indicators frameworkId={id} manage={manage} onAdd={() => setDialog('indicator')} />
        <Periods frameworkId={id} manage={manage} onAdd={() => setDialog('period')} />
        <FinancePanel frameworkId={id} manage={manage} />
        <IatiPanel framework={f} />
        {can('results.approve') && <SharesPanel frameworkId={id} frameworkName={f.name} />}
      </Stack>
      <Modal opened={dialog === 'edit'} onClose={() => setDialog(null)} title={t('ui.edit')}>
        <FrameworkForm initial={f} onCancel={() => setDialog(null)} onSaved={(saved) => { queryClient.setQueryData(resultsKeys.framework(id), saved); setDialog(null); }} />
      </Modal>
      <Modal opened={dialog === 'indicator'} onClose={() => setDialog(null)} title={t('results.addIndicator')} size="lg">
        <IndicatorForm framework={f} onDone={() => setDialog(null)} />
      </Modal>
      <Modal opened={dialog === 'period'} onClose={() => setDialog(null)} title={t('results.addPeriod')}>
        <PeriodForm frameworkId={id} onCancel={() => setDialog(null)} />
      </Modal>
    </>
  );
}
