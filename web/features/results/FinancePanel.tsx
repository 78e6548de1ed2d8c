import { Badge, Button, Group, Modal, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BUDGET_STATUSES, BUDGET_TYPES, TRANSACTION_TYPES, type Budget, type Transaction } from '../../../contracts/results-finance.js';
import { ApiError } from '../../app/api.js';
import { formatDate, orgToday } from '../../app/format.js';
import { formatMoney, toMajor, toMinor } from '../../app/money.js';
import { DataTable } from '../../ui/DataTable.js';
import { EditRemove } from '../../ui/EditRemove.js';
import { Form } from '../../ui/Form.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { currencyOptions } from '../orgs/org-options.js';
import { fetchFinance, financeKey, removeBudget, removeTransaction, saveBudget, saveTransaction, type FrameworkFinance } from './finance-api.js';

/** Amounts added up by currency (a line may be in another currency than the organisation's), as money. */
function totals(lines: Array<{ value: number; currency: string }>) {
  const sums = new Map<string, number>();
  for (const l of lines) sums.set(l.currency, (sums.get(l.currency) ?? 0) + l.value);
  return [...sums].map(([currency, minor]) => formatMoney(minor, currency)).join(' + ');
}

/** The amount as typed, in major units: a number becomes minor units; anything else goes as typed, for the server to refuse. */
const amountOf = (typed: string | number, currency: string) => (typeof typed === 'number' ? toMinor(typed, currency) ?? undefined : typed === '' ? undefined : (typed as unknown as number));

function CurrencySelect({ value, onChange, orgCurrency, error }: { value: string | null; onChange(v: string | null): void; orgCurrency: string; error?: string }) {
  const { t, i18n } = useTranslation();
  const options = useMemo(currencyOptions, [i18n.language]);
  return <Select label={t('results.finance.currency')} description={t('results.finance.currencyHelp', { currency: orgCurrency })} searchable clearable placeholder={orgCurrency} value={value} error={error} onChange={onChange} data={options} />;
}

/** A budget line: its period (at most a year), amount, currency, type and status. */
function BudgetForm({ frameworkId, orgCurrency, line, onDone }: { frameworkId: string; orgCurrency: string; line: Budget | null; onDone(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const year = orgToday().slice(0, 4);
  const [input, setInput] = useState({
    startsOn: line?.startsOn ?? `${year}-01-01`,
    endsOn: line?.endsOn ?? `${year}-12-31`,
    value: line ? (toMajor(line.value, line.currency) as number) : ('' as string | number),
    currency: line && line.currency !== orgCurrency ? line.currency : null,
    type: line?.type ?? 'original',
    status: line?.status ?? 'indicative',
  });
  const currency = input.currency ?? orgCurrency;
  const save = useMutation({
    mutationFn: () => saveBudget(frameworkId, line?.id ?? null, { ...input, value: amountOf(input.value, currency) }),
    onSuccess: (finance) => {
      queryClient.setQueryData(financeKey(frameworkId), finance);
      onDone();
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  return (
    <Form onSubmit={() => save.mutate()}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput type="date" label={t('results.finance.startsOn')} required data-autofocus value={input.startsOn} error={errors.startsOn} onChange={(e) => setInput({ ...input, startsOn: e.currentTarget.value })} />
        <TextInput type="date" label={t('results.finance.endsOn')} description={t('results.finance.oneYearHelp')} required value={input.endsOn} error={errors.endsOn} onChange={(e) => setInput({ ...input, endsOn: e.currentTarget.value })} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput label={t('results.finance.value')} required min={0} decimalScale={2} thousandSeparator=" " value={input.value} error={errors.value} onChange={(v) => setInput({ ...input, value: v })} />
        <CurrencySelect value={input.currency} orgCurrency={orgCurrency} error={errors.currency} onChange={(v) => setInput({ ...input, currency: v })} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select label={t('results.finance.type')} allowDeselect={false} value={input.type} error={errors.type} onChange={(v) => v && setInput({ ...input, type: v as Budget['type'] })}
          data={BUDGET_TYPES.map((b) => ({ value: b, label: t(`results.finance.budgetTypes.${b}`) }))} />
        <Select label={t('results.finance.status')} allowDeselect={false} value={input.status} error={errors.status} onChange={(v) => v && setInput({ ...input, status: v as Budget['status'] })}
          data={BUDGET_STATUSES.map((s) => ({ value: s, label: t(`results.finance.budgetStatuses.${s}`) }))} />
      </SimpleGrid>
      <ProblemAlert error={save.error} />
      <Group>
        <Button type="submit" loading={save.isPending}>{line ? t('results.finance.save') : t('results.finance.addBudget')}</Button>
        <Button variant="default" onClick={onDone}>{t('ui.confirm.cancel')}</Button>
      </Group>
    </Form>
  );
}

/** A transaction: its date, IATI type, amount, and optionally what it was and who paid whom. */
function TransactionForm({ frameworkId, orgCurrency, line, onDone }: { frameworkId: string; orgCurrency: string; line: Transaction | null; onDone(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [input, setInput] = useState({
    on: line?.on ?? orgToday(),
    type: line?.type ?? '3',
    value: line ? (toMajor(line.value, line.currency) as number) : ('' as string | number),
    currency: line && line.currency !== orgCurrency ? line.currency : null,
    description: line?.description ?? '',
    providerOrg: line?.providerOrg ?? '',
    receiverOrg: line?.receiverOrg ?? '',
  });
  const currency = input.currency ?? orgCurrency;
  const save = useMutation({
    mutationFn: () => saveTransaction(frameworkId, line?.id ?? null, { ...input, value: amountOf(input.value, currency) }),
    onSuccess: (finance) => {
      queryClient.setQueryData(financeKey(frameworkId), finance);
      onDone();
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  return (
    <Form onSubmit={() => save.mutate()}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput type="date" label={t('results.finance.date')} required data-autofocus value={input.on} error={errors.on} onChange={(e) => setInput({ ...input, on: e.currentTarget.value })} />
        <Select label={t('results.finance.type')} allowDeselect={false} value={input.type} error={errors.type} onChange={(v) => v && setInput({ ...input, type: v as Transaction['type'] })}
          data={TRANSACTION_TYPES.map((c) => ({ value: c, label: t(`results.finance.transactionTypes.${c}`) }))} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput label={t('results.finance.value')} required min={0} decimalScale={2} thousandSeparator=" " value={input.value} error={errors.value} onChange={(v) => setInput({ ...input, value: v })} />
        <CurrencySelect value={input.currency} orgCurrency={orgCurrency} error={errors.currency} onChange={(v) => setInput({ ...input, currency: v })} />
      </SimpleGrid>
      <TextInput label={t('results.finance.description')} value={input.description} error={errors.description} onChange={(e) => setInput({ ...input, description: e.currentTarget.value })} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('results.finance.providerOrg')} value={input.providerOrg} error={errors.providerOrg} onChange={(e) => setInput({ ...input, providerOrg: e.currentTarget.value })} />
        <TextInput label={t('results.finance.receiverOrg')} value={input.receiverOrg} error={errors.receiverOrg} onChange={(e) => setInput({ ...input, receiverOrg: e.currentTarget.value })} />
      </SimpleGrid>
      <ProblemAlert error={save.error} />
      <Group>
        <Button type="submit" loading={save.isPending}>{line ? t('results.finance.save') : t('results.finance.addTransaction')}</Button>
        <Button variant="default" onClick={onDone}>{t('ui.confirm.cancel')}</Button>
      </Group>
    </Form>
  );
}

type Editing = { kind: 'budget'; line: Budget | null } | { kind: 'transaction'; line: Transaction | null } | null;

/**
 * A framework's budget lines and transactions, published with its IATI file: listed with their totals
 * in each currency, added, changed and removed (asked first) by whoever may edit the framework.
 * The amount comes right after the date, so a phone shows it before the table scrolls sideways.
 */
export function FinancePanel({ frameworkId, manage }: { frameworkId: string; manage: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Editing>(null);
  const finance = useQuery({ queryKey: financeKey(frameworkId), queryFn: () => fetchFinance(frameworkId) });
  const stored = (answer: FrameworkFinance) => queryClient.setQueryData(financeKey(frameworkId), answer);
  const dropBudget = useMutation({ mutationFn: (id: string) => removeBudget(frameworkId, id), onSuccess: stored });
  const dropTransaction = useMutation({ mutationFn: (id: string) => removeTransaction(frameworkId, id), onSuccess: stored });
  const data = finance.data;
  const orgCurrency = data?.currency ?? '';
  const budgets = data?.budgets ?? [];
  const transactions = data?.transactions ?? [];
  const close = () => setEditing(null);
  // Over the amounts, which line up at their right end.
  const amountHeader = <Text inherit ta="end">{t('results.finance.value')}</Text>;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4">{t('results.finance.title')}</Title>
          <Text size="sm" c="dimmed">{t('results.finance.intro')}</Text>
        </div>
        <ProblemAlert error={finance.error ?? dropBudget.error ?? dropTransaction.error} />

        <Group justify="space-between">
          <Title order={3} size="h5">{t('results.finance.budgets')}</Title>
          {manage && <Button size="xs" leftSection={<IconPlus size={14} />} disabled={!data} onClick={() => setEditing({ kind: 'budget', line: null })}>{t('results.finance.addBudget')}</Button>}
        </Group>
        <DataTable pending={finance.isPending} empty={!budgets.length} emptyText={t('results.finance.noBudgets')} minWidth={560}
          headers={[t('results.finance.period'), amountHeader, t('results.finance.type'), t('results.finance.status'), '']}>
          {budgets.map((b) => (
            <Table.Tr key={b.id}>
              <Table.Td>{formatDate(b.startsOn)} – {formatDate(b.endsOn)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }} ta="end">{formatMoney(b.value, b.currency)}</Table.Td>
              <Table.Td>{t(`results.finance.budgetTypes.${b.type}`)}</Table.Td>
              <Table.Td><Badge variant="light" color={b.status === 'committed' ? 'teal' : 'gray'}>{t(`results.finance.budgetStatuses.${b.status}`)}</Badge></Table.Td>
              <Table.Td>
                {manage && (
                  <EditRemove onEdit={() => setEditing({ kind: 'budget', line: b })}
                    question={t('results.finance.removeBudgetQuestion', { from: formatDate(b.startsOn), to: formatDate(b.endsOn), value: formatMoney(b.value, b.currency) })}
                    onRemove={() => dropBudget.mutateAsync(b.id)} />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
        {BUDGET_TYPES.map((type) => {
          const lines = budgets.filter((b) => b.type === type);
          return lines.length > 0 && (
            <Text key={type} size="sm" fw={600} ta="end">{t('results.finance.totalOf', { what: t(`results.finance.budgetTypes.${type}`) })}: {totals(lines)}</Text>
          );
        })}

        <Group justify="space-between">
          <Title order={3} size="h5">{t('results.finance.transactions')}</Title>
          {manage && <Button size="xs" leftSection={<IconPlus size={14} />} disabled={!data} onClick={() => setEditing({ kind: 'transaction', line: null })}>{t('results.finance.addTransaction')}</Button>}
        </Group>
        <DataTable pending={finance.isPending} empty={!transactions.length} emptyText={t('results.finance.noTransactions')} minWidth={620}
          headers={[t('results.finance.date'), amountHeader, t('results.finance.type'), t('results.finance.description'), '']}>
          {transactions.map((tr) => (
            <Table.Tr key={tr.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(tr.on)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }} ta="end">{formatMoney(tr.value, tr.currency)}</Table.Td>
              <Table.Td>{t(`results.finance.transactionTypes.${tr.type}`)}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>
                {tr.description}
                {(tr.providerOrg || tr.receiverOrg) && <Text size="xs" c="dimmed">{[tr.providerOrg, tr.receiverOrg].filter(Boolean).join(' → ')}</Text>}
              </Table.Td>
              <Table.Td>
                {manage && (
                  <EditRemove onEdit={() => setEditing({ kind: 'transaction', line: tr })}
                    question={t('results.finance.removeTransactionQuestion', { date: formatDate(tr.on), value: formatMoney(tr.value, tr.currency) })}
                    onRemove={() => dropTransaction.mutateAsync(tr.id)} />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
        {TRANSACTION_TYPES.map((type) => {
          const lines = transactions.filter((tr) => tr.type === type);
          return lines.length > 0 && (
            <Text key={type} size="sm" fw={600} ta="end">{t('results.finance.totalOf', { what: t(`results.finance.transactionTypes.${type}`) })}: {totals(lines)}</Text>
          );
        })}
      </Stack>
      <Modal opened={editing?.kind === 'budget'} onClose={close} title={editing?.line ? t('results.finance.editBudget') : t('results.finance.addBudget')}>
        {editing?.kind === 'budget' && <BudgetForm frameworkId={frameworkId} orgCurrency={orgCurrency} line={editing.line} onDone={close} />}
      </Modal>
      <Modal opened={editing?.kind === 'transaction'} onClose={close} title={editing?.line ? t('results.finance.editTransaction') : t('results.finance.addTransaction')}>
        {editing?.kind === 'transaction' && <TransactionForm frameworkId={frameworkId} orgCurrency={orgCurrency} line={editing.line} onDone={close} />}
      </Modal>
    </Paper>
  );
}
