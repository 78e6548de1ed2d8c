import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KEY_FIGURE_TOPICS, type KeyFigure, type LedRegionDetail } from '../../../contracts/led.js';
import { ApiError } from '../../app/api.js';
import { formatNumber } from '../../app/money.js';
import { sectorTitle } from '../../app/sectors.js';
import { useCan } from '../../app/session.js';
import { Chart } from '../../ui/Chart.js';
import { EditRemove } from '../../ui/EditRemove.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { InlineForm } from '../../ui/InlineForm.js';
import { notify } from '../../ui/notify.js';
import { useLeaveGuard } from '../../ui/use-leave-guard.js';
import { addPart, ledKeys, removePart, updatePart } from './api.js';

type Topic = KeyFigure['topic'];
interface FigureValues { topic: Topic; label: string; value: string; unit: string; source: string; year: string }

const valuesOf = (f: KeyFigure | null): FigureValues => ({
  topic: f?.topic ?? 'population', label: f?.label ?? '', value: f ? String(f.value) : '', unit: f?.unit ?? '', source: f?.source ?? '', year: f ? String(f.year) : '',
});
/** A number typed goes as a number; anything else goes as typed, for the server's message on its field. */
const numberOf = (s: string) => (s.trim() === '' ? undefined : /^-?\d+(\.\d+)?$/.test(s.trim()) ? Number(s.trim()) : (s as unknown as number));

function FigureForm({ region, figure, onDone }: { region: LedRegionDetail; figure: KeyFigure | null; onDone(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const initial = valuesOf(figure);
  const [values, setValues] = useState(initial);
  const guard = useLeaveGuard(JSON.stringify(values) !== JSON.stringify(initial));
  const set = <K extends keyof FigureValues>(key: K, value: FigureValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const input = () => ({ topic: values.topic, label: values.label, value: numberOf(values.value) as number, unit: values.unit, source: values.source, year: numberOf(values.year) as number });
  const save = useMutation({
    mutationFn: () => (figure ? updatePart(region.id, 'figures', figure.id, input()) : addPart(region.id, 'figures', input())),
    onSuccess: (saved) => {
      guard.release();
      queryClient.setQueryData(ledKeys.region(region.id), saved);
      void queryClient.invalidateQueries({ queryKey: ledKeys.compareAll });
      notify(t('ui.saved'));
      onDone();
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  const text = (key: 'label' | 'value' | 'unit' | 'source' | 'year') => ({ value: values[key], error: errors[key], onChange: (e: { currentTarget: { value: string } }) => set(key, e.currentTarget.value) });
  return (
    <InlineForm onSubmit={() => save.mutate()} onCancel={onDone} saving={save.isPending} error={save.error}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select label={t('led.topic')} allowDeselect={false} value={values.topic} onChange={(v) => v && set('topic', v as Topic)} data={KEY_FIGURE_TOPICS.map((k) => ({ value: k, label: t(`led.topics.${k}`) }))} />
        <TextInput label={t('led.figureLabel')} description={t('led.figureLabelHelp')} required {...text('label')} />
        <TextInput label={t('led.value')} inputMode="decimal" required {...text('value')} />
        <TextInput label={t('led.unit')} {...text('unit')} />
        <TextInput label={t('led.source')} required {...text('source')} />
        <TextInput label={t('led.year')} inputMode="numeric" required {...text('year')} />
      </SimpleGrid>
    </InlineForm>
  );
}

/** The regional profile: firms of the registry counted now, key figures with source and year, the narrative. */
export function ProfileTab({ region }: { region: LedRegionDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<KeyFigure | 'new' | null>(null);
  const sizeName = (s: string) => (s === 'not_stated' ? t('led.notStated') : t(`members.sizes.${s}`));
  const remove = async (f: KeyFigure) => queryClient.setQueryData(ledKeys.region(region.id), await removePart(region.id, 'figures', f.id));
  return (
    <Stack>
      {region.narrative && <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{region.narrative}</Text>}
      <Title order={3} size="h4">{t('led.firmsTitle', { count: region.firms.total })}</Title>
      <Text size="sm" c="dimmed">{t('led.firmsHelp')}</Text>
      {!region.firms.total ? <EmptyState>{t('led.noFirms')}</EmptyState> : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Chart title={t('led.firmsBySector')} categoryLabel={t('led.sector')} integers valueLabel={t('led.firms')} tableMode="toggle"
            categories={region.firms.bySector.map((s) => (s.sector === 'not_stated' ? t('led.notStated') : `${s.sector} — ${sectorTitle(s.sector)}`))}
            series={[{ key: 'firms', label: t('led.firms'), values: region.firms.bySector.map((s) => s.count) }]} />
          <Chart title={t('led.firmsBySize')} categoryLabel={t('led.size')} integers valueLabel={t('led.firms')} tableMode="toggle"
            categories={region.firms.bySize.map((s) => sizeName(s.size))}
            series={[{ key: 'firms', label: t('led.firms'), values: region.firms.bySize.map((s) => s.count) }]} />
        </SimpleGrid>
      )}
      <Title order={3} size="h4">{t('led.keyFigures')}</Title>
      {can('led.manage') && editing === null && <Group><Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>{t('led.addFigure')}</Button></Group>}
      {editing === 'new' && <FigureForm region={region} figure={null} onDone={() => setEditing(null)} />}
      {!region.keyFigures.length && editing === null && <EmptyState>{t('led.noFigures')}</EmptyState>}
      {region.keyFigures.map((f) => (editing !== 'new' && editing?.id === f.id ? <FigureForm key={f.id} region={region} figure={f} onDone={() => setEditing(null)} /> : (
        <Paper key={f.id} withBorder p="sm">
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
            <Stack gap={2} style={{ minWidth: 0, flex: '1 1 200px' }}>
              <Text size="sm" c="dimmed">{t(`led.topics.${f.topic}`)}</Text>
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>{f.label}: {formatNumber(f.value)}{f.unit ? ` ${f.unit}` : ''}</Text>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{t('led.sourceYear', { source: f.source, year: f.year })}</Text>
            </Stack>
            {can('led.manage') && <EditRemove onEdit={() => setEditing(f)} question={t('led.removeFigureQuestion', { label: f.label })} onRemove={() => remove(f)} />}
          </Group>
        </Paper>
      )))}
    </Stack>
  );
}
