import { Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FUNDING_SOURCES, type BudgetLine, type FundingSource, type MeasureDetail } from '../../../contracts/led-implementation.js';
import { ApiError } from '../../app/api.js';
import { formatMoney, toMajor, toMinor } from '../../app/money.js';
import { useCan } from '../../app/session.js';
import { EditRemove } from '../../ui/EditRemove.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { InlineForm } from '../../ui/InlineForm.js';
import { wrap } from '../../ui/wrap.js';
import { addMeasurePart, ledKeys, removeMeasurePart, updateMeasurePart } from './api.js';
import { useMeasureChange } from './use-measure-change.js';

/** A measure's budget lines, planned and actual by funding source, with the totals per source. */

const amountOrText = (s: string, currency: string) => (/^\d+(\.\d+)?$/.test(s.trim()) ? toMinor(s.trim(), currency)! : (s as unknown as number));

function BudgetLineForm({ measure, line, onDone }: { measure: MeasureDetail; line: BudgetLine | null; onDone(): void }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ label: line?.label ?? '', source: line?.source ?? ('led_fund' as FundingSource), planned: line ? String(toMajor(line.planned, measure.currency)) : '', actual: line ? String(toMajor(line.actual, measure.currency)) : '' });
  const input = () => ({ label: v.label, source: v.source, planned: amountOrText(v.planned, measure.currency), actual: v.actual.trim() ? amountOrText(v.actual, measure.currency) : 0 });
  const save = useMeasureChange(measure.id, () => (line ? updateMeasurePart(measure.id, 'budget-lines', line.id, input()) : addMeasurePart(measure.id, 'budget-lines', input())), onDone);
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  const currency = <Text size="xs">{measure.currency}</Text>;
  return (
    <InlineForm onSubmit={() => save.mutate([])} onCancel={onDone} saving={save.isPending} error={save.error}>
      <TextInput label={t('led.impl.line')} required value={v.label} error={errors.label} onChange={(e) => setV({ ...v, label: e.currentTarget.value })} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select label={t('led.impl.source')} allowDeselect={false} value={v.source} onChange={(x) => x && setV({ ...v, source: x as FundingSource })}
          data={FUNDING_SOURCES.map((s) => ({ value: s, label: t(`led.impl.sources.${s}`) }))} />
        <TextInput label={t('led.impl.planned')} inputMode="decimal" required rightSection={currency} rightSectionWidth={48} value={v.planned} error={errors.planned} onChange={(e) => setV({ ...v, planned: e.currentTarget.value })} />
        <TextInput label={t('led.impl.actual')} inputMode="decimal" rightSection={currency} rightSectionWidth={48} value={v.actual} error={errors.actual} onChange={(e) => setV({ ...v, actual: e.currentTarget.value })} />
      </SimpleGrid>
    </InlineForm>
  );
}

export function BudgetPanel({ measure }: { measure: MeasureDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<BudgetLine | 'new' | null>(null);
  const remove = async (l: BudgetLine) => queryClient.setQueryData(ledKeys.measure(measure.id), await removeMeasurePart(measure.id, 'budget-lines', l.id));
  const money = (n: number) => formatMoney(n, measure.currency);
  const total = (key: 'planned' | 'actual') => measure.budgetLines.reduce((s, l) => s + l[key], 0);
  return (
    <Stack>
      {can('led.manage') && editing === null && <Group><Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>{t('led.impl.addLine')}</Button></Group>}
      {editing === 'new' && <BudgetLineForm measure={measure} line={null} onDone={() => setEditing(null)} />}
      {!measure.budgetLines.length && editing === null && <EmptyState>{t('led.impl.noLines')}</EmptyState>}
      {measure.budgetLines.map((l) => (editing !== 'new' && editing?.id === l.id ? <BudgetLineForm key={l.id} measure={measure} line={l} onDone={() => setEditing(null)} /> : (
        <Paper key={l.id} withBorder p="sm">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={2} style={{ ...wrap, flex: '1 1 200px' }}>
              <Group gap="xs"><Text fw={600} style={wrap}>{l.label}</Text><Badge variant="outline">{t(`led.impl.sources.${l.source}`)}</Badge></Group>
              <Text size="sm">{t('led.impl.planned')}: {money(l.planned)} · {t('led.impl.actual')}: {money(l.actual)}</Text>
            </Stack>
            {can('led.manage') && <EditRemove onEdit={() => setEditing(l)} question={t('led.impl.removeLineQuestion', { label: l.label })} onRemove={() => remove(l)} />}
          </Group>
        </Paper>
      )))}
      {measure.budgetBySource.length > 0 && (
        <Paper withBorder p="sm">
          <Table fz="sm" verticalSpacing={4} layout="fixed" style={wrap}>
            <Table.Caption>{t('led.impl.bySource')}</Table.Caption>
            <Table.Thead><Table.Tr><Table.Th scope="col">{t('led.impl.source')}</Table.Th><Table.Th scope="col" ta="right">{t('led.impl.planned')}</Table.Th><Table.Th scope="col" ta="right">{t('led.impl.actual')}</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {measure.budgetBySource.map((s) => (
                <Table.Tr key={s.source}><Table.Th scope="row" fw={400}>{t(`led.impl.sources.${s.source}`)}</Table.Th><Table.Td ta="right">{money(s.planned)}</Table.Td><Table.Td ta="right">{money(s.actual)}</Table.Td></Table.Tr>
              ))}
              <Table.Tr><Table.Th scope="row">{t('led.impl.total')}</Table.Th><Table.Td ta="right" fw={600}>{money(total('planned'))}</Table.Td><Table.Td ta="right" fw={600}>{money(total('actual'))}</Table.Td></Table.Tr>
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
