import { Badge, Button, Group, Table } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { Invoice } from '../../../contracts/members.js';
import { formatDate } from '../../app/format.js';
import { formatMoney } from '../../app/money.js';
import { DataTable } from '../../ui/DataTable.js';

// Voiding is staff's, behind a confirmation dialog: its code comes when a void
// button is shown, not with a member's own invoices (my firm, issue 14).
const ConfirmButton = lazy(() => import('../../ui/ConfirmButton.js').then((m) => ({ default: m.ConfirmButton })));

/** A firm's invoices; with onPay and onVoid, staff's buttons to record a payment or void an open invoice. */
export function InvoicesTable({ invoices, pending = false, onPay, onVoid }: { invoices: Invoice[]; pending?: boolean; onPay?: (i: Invoice) => void; onVoid?: (i: Invoice) => Promise<unknown> }) {
  const { t } = useTranslation();
  return (
    <DataTable
      bordered={false}
      pending={pending}
      empty={invoices.length === 0}
      emptyText={t('members.invoices.empty')}
      minWidth={640}
      headers={[t('members.invoices.number'), t('members.invoices.period'), t('members.invoices.amount'), t('members.invoices.paid'), t('members.invoices.due'), t('members.status'), '']}
    >
      {invoices.map((i) => (
        <Table.Tr key={i.id}>
          <Table.Td>{i.number}</Table.Td>
          <Table.Td>{formatDate(i.periodStart)} – {formatDate(i.periodEnd)}</Table.Td>
          <Table.Td>{formatMoney(i.amount, i.currency)}</Table.Td>
          <Table.Td>{formatMoney(i.paid, i.currency)}</Table.Td>
          <Table.Td>{formatDate(i.dueOn)}</Table.Td>
          <Table.Td><Badge variant="light" color={i.status === 'paid' ? 'teal' : i.status === 'void' ? 'gray' : 'blue'}>{t(`members.invoices.statuses.${i.status}`)}</Badge></Table.Td>
          <Table.Td>
            {i.status === 'open' && (
              <Group gap="xs" wrap="nowrap">
                {onPay && <Button size="xs" variant="light" onClick={() => onPay(i)}>{t('members.invoices.recordPayment')}</Button>}
                {onVoid && i.paid === 0 && <Suspense fallback={null}><ConfirmButton label={t('members.invoices.void')} question={t('members.invoices.voidQuestion', { number: i.number })} onConfirm={() => onVoid(i)} /></Suspense>}
              </Group>
            )}
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
