import { ActionIcon, Anchor, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LED_SECTORS, MEASURE_STATUSES, lastPlannedEnd, type LedRegionDetail, type LedSector, type Measure } from '../../../contracts/led.js';
import { ApiError } from '../../app/api.js';
import { formatDate } from '../../app/format.js';
import { formatMoney, toMajor, toMinor } from '../../app/money.js';
import { useCan } from '../../app/session.js';
import { EditRemove } from '../../ui/EditRemove.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { InlineForm } from '../../ui/InlineForm.js';
import { notify } from '../../ui/notify.js';
import { useLeaveGuard } from '../../ui/use-leave-guard.js';
import { addPart, ledKeys, removePart, updatePart } from './api.js';
import { endsOnProblem, isDay } from './measure-rules.js';
import { sectorColor } from './TeamTab.js';

type Status = Measure['status'];
const statusColor: Record<Status, string> = { planned: 'gray', running: 'blue', done: 'teal', effective: 'green' };
interface MeasureValues {
  title: string; description: string; bottleneckId: string; partners: Array<{ name: string; sector: LedSector }>; budget: string; startsOn: string; endsOn: string; status: Status; leadEmail: string;
}

function MeasureForm({ region, measure, onDone }: { region: LedRegionDetail; measure: Measure | null; onDone(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const initial: MeasureValues = {
    title: measure?.title ?? '', description: measure?.description ?? '', bottleneckId: measure?.bottleneckId ?? '', partners: measure?.partners ?? [],
    budget: measure ? String(toMajor(measure.budget, region.currency)) : '', startsOn: measure?.startsOn ?? '', endsOn: measure?.endsOn ?? '', status: measure?.status ?? 'planned',
    leadEmail: measure?.leadEmail ?? '',
  };
  const [values, setValues] = useState(initial);
  const guard = useLeaveGuard(JSON.stringify(values) !== JSON.stringify(initial));
  const set = <K extends keyof MeasureValues>(key: K, value: MeasureValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const setPartner = (i: number, partner: Partial<MeasureValues['partners'][number]>) => set('partners', values.partners.map((p, j) => (j === i ? { ...p, ...partner } : p)));
  const rule = endsOnProblem(values.startsOn, values.endsOn);
  const budget = values.budget.trim() === '' ? undefined : /^\d+(\.\d+)?$/.test(values.budget.trim()) ? toMinor(values.budget.trim(), region.currency) : (values.budget as unknown as number);
  const input = () => ({
    title: values.title, description: values.description, bottleneckId: values.bottleneckId || null, partners: values.partners,
    budget: budget as number, startsOn: values.startsOn, endsOn: values.endsOn, status: values.status, leadEmail: values.leadEmail,
  });
  const save = useMutation({
    mutationFn: () => (measure ? updatePart(region.id, 'measures', measure.id, input()) : addPart(region.id, 'measures', input())),
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
    <InlineForm onSubmit={() => { if (!rule) save.mutate(); }} onCancel={onDone} saving={save.isPending} error={save.error}>
      <TextInput label={t('led.measureTitle')} required value={values.title} error={errors.title} onChange={(e) => set('title', e.currentTarget.value)} />
      <Select label={t('led.forBottleneck')} clearable placeholder={t('led.noBottleneck')} value={values.bottleneckId || null} error={errors.bottleneckId}
        data={region.bottleneckList.map((b) => ({ value: b.id, label: b.title }))} onChange={(v) => set('bottleneckId', v ?? '')} />
      <Textarea label={t('led.description')} autosize minRows={2} value={values.description} error={errors.description} onChange={(e) => set('description', e.currentTarget.value)} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={t('led.startsOn')} type="date" required value={values.startsOn} error={errors.startsOn} onChange={(e) => set('startsOn', e.currentTarget.value)} />
        <TextInput label={t('led.endsOn')} type="date" required value={values.endsOn}
          description={isDay(values.startsOn) ? t('led.endsOnHelp', { date: formatDate(lastPlannedEnd(values.startsOn)) }) : t('led.oneYearRule')}
          error={rule ? t(`errors.${rule}`) : errors.endsOn} onChange={(e) => set('endsOn', e.currentTarget.value)} />
        <TextInput label={t('led.budget')} inputMode="decimal" rightSection={<Text size="xs">{region.currency}</Text>} rightSectionWidth={48} required value={values.budget} error={errors.budget} onChange={(e) => set('budget', e.currentTarget.value)} />
      </SimpleGrid>
      <Select label={t('led.status')} allowDeselect={false} value={values.status} onChange={(v) => v && set('status', v as Status)} data={MEASURE_STATUSES.map((s) => ({ value: s, label: t(`led.statuses.${s}`) }))} />
      <TextInput label={t('led.impl.leadEmail')} description={t('led.impl.leadEmailHelp')} type="email" value={values.leadEmail} error={errors.leadEmail} onChange={(e) => set('leadEmail', e.currentTarget.value)} />
      <Stack gap="xs">
        <Text fw={500} size="sm">{t('led.partners')}</Text>
        {values.partners.map((p, i) => (
          <Group key={i} align="flex-end" wrap="wrap" gap="xs">
            <TextInput label={t('led.partnerName')} required style={{ flex: '1 1 180px' }} value={p.name} error={errors[`partners.${i}.name`]} onChange={(e) => setPartner(i, { name: e.currentTarget.value })} />
            <Select label={t('led.sector')} allowDeselect={false} style={{ flex: '1 1 140px' }} value={p.sector} onChange={(v) => v && setPartner(i, { sector: v as LedSector })}
              data={LED_SECTORS.map((s) => ({ value: s, label: t(`led.sectors.${s}`) }))} />
            <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('led.removePartner')} onClick={() => set('partners', values.partners.filter((_, j) => j !== i))}><IconTrash size={18} /></ActionIcon>
          </Group>
        ))}
        <Group><Button variant="default" size="xs" leftSection={<IconPlus size={14} />} onClick={() => set('partners', [...values.partners, { name: '', sector: 'private' }])}>{t('led.addPartner')}</Button></Group>
      </Stack>
    </InlineForm>
  );
}

/** LED measures: small, with partners of the three sectors, a budget, and visible results within a year. */
export function MeasuresTab({ region }: { region: LedRegionDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Measure | 'new' | null>(null);
  const remove = async (m: Measure) => {
    queryClient.setQueryData(ledKeys.region(region.id), await removePart(region.id, 'measures', m.id));
    void queryClient.invalidateQueries({ queryKey: ledKeys.regions });
  };
  return (
    <Stack>
      <Text size="sm" c="dimmed">{t('led.measuresIntro')}</Text>
      {can('led.manage') && editing === null && <Group><Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>{t('led.addMeasure')}</Button></Group>}
      {editing === 'new' && <MeasureForm region={region} measure={null} onDone={() => setEditing(null)} />}
      {!region.measureList.length && editing === null && <EmptyState>{t('led.noMeasures')}</EmptyState>}
      {region.measureList.map((m) => (editing !== 'new' && editing?.id === m.id ? <MeasureForm key={m.id} region={region} measure={m} onDone={() => setEditing(null)} /> : (
        <Paper key={m.id} withBorder p="sm">
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
            <Stack gap={2} style={{ minWidth: 0, flex: '1 1 200px' }}>
              <Group gap="xs">
                <Anchor component={Link} to={`/led/measures/${m.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>{m.title}</Anchor>
                <Badge color={statusColor[m.status]} variant="light">{t(`led.statuses.${m.status}`)}</Badge>
              </Group>
              {m.bottleneckTitle && <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>{t('led.addresses', { title: m.bottleneckTitle })}</Text>}
              <Text size="sm">{formatDate(m.startsOn)} – {formatDate(m.endsOn)} · {formatMoney(m.budget, region.currency)}</Text>
              {m.description && <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{m.description}</Text>}
              <Anchor component={Link} to={`/led/measures/${m.id}`} size="sm">{t('led.impl.open')}</Anchor>
              {m.partners.length > 0 && (
                <Group gap={4}>
                  {m.partners.map((p, i) => <Badge key={i} variant="outline" color={sectorColor[p.sector]} style={{ maxWidth: '100%' }}>{p.name} · {t(`led.sectors.${p.sector}`)}</Badge>)}
                </Group>
              )}
            </Stack>
            {can('led.manage') && <EditRemove onEdit={() => setEditing(m)} question={t('led.removeMeasureQuestion', { title: m.title })} onRemove={() => remove(m)} />}
          </Group>
        </Paper>
      )))}
    </Stack>
  );
}
