import { Anchor, Button, Group, Modal, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Invoice, Member } from '../../../contracts/members.js';
import { PAYMENT_METHODS } from '../../../contracts/member-lists.js';
import { formatDateTime, orgToday } from '../../app/format.js';
import { toMajor, toMinor } from '../../app/money.js';
import { useCan } from '../../app/session.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { Loading } from '../../ui/Loading.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { applyServerErrors } from '../../ui/server-errors.js';
import { fetchInvoices, fetchPortalAccess, fetchStatusHistory, grantPortalAccess, memberKeys, recordPayment, revokePortalAccess, voidInvoice } from './api.js';
import { useForm } from '@mantine/form';
import { InvoicesTable } from './InvoicesTable.js';

export { InvoicesTable };

function PaymentModal({ invoice, onClose }: { invoice: Invoice; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { amount: toMajor(invoice.amount - invoice.paid, invoice.currency), paidOn: orgToday(), method: 'mobile_money', reference: '' } });
  const pay = useMutation({
    mutationFn: (v: typeof form.values) => recordPayment(invoice.id, { ...v, amount: toMinor(v.amount, invoice.currency) }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: memberKeys.invoices(invoice.memberId) });
      onClose();
    },
    onError: (error) => applyServerErrors(form, error),
  });
  return (
    <Modal opened onClose={onClose} title={t('members.invoices.paymentFor', { number: invoice.number })}>
      <form onSubmit={form.onSubmit((v) => pay.mutate(v))} noValidate>
        <Stack>
          <ProblemAlert error={pay.error} />
          <NumberInput label={t('members.invoices.amount')} min={0} required {...form.getInputProps('amount')} />
          <TextInput label={t('members.invoices.paidOn')} type="date" required {...form.getInputProps('paidOn')} />
          <Select label={t('members.invoices.method')} allowDeselect={false} data={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`members.invoices.methods.${m}`) }))} {...form.getInputProps('method')} />
          <TextInput label={t('members.invoices.reference')} {...form.getInputProps('reference')} />
          <Button type="submit" loading={pay.isPending}>{t('members.invoices.recordPayment')}</Button>
        </Stack>
      </form>
    </Modal>
  );
}

function PortalAccess({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const access = useQuery({ queryKey: memberKeys.portal(memberId), queryFn: () => fetchPortalAccess(memberId) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: memberKeys.portal(memberId) });
  const grant = useMutation({ mutationFn: () => grantPortalAccess(memberId, email), onSuccess: () => { setEmail(''); void refresh(); } });
  const revoke = useMutation({ mutationFn: (e: string) => revokePortalAccess(memberId, e), onSuccess: refresh });
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb="xs">{t('members.portal.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('members.portal.help')}</Text>
      <ProblemAlert error={grant.error ?? revoke.error} />
      <Stack gap={4} mb="sm">
        {access.data?.items.map((a) => (
          <Group key={a.email} justify="space-between">
            <Text size="sm">{a.email} <Text span c="dimmed" size="xs">({a.grantedBy}, {formatDateTime(a.createdAt)})</Text></Text>
            <ConfirmButton label={t('people.revoke')} question={t('members.portal.revokeQuestion', { email: a.email })} onConfirm={() => revoke.mutateAsync(a.email)} />
          </Group>
        ))}
      </Stack>
      <Group align="flex-end">
        <TextInput label={t('auth.email')} type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} miw={260} />
        <Button onClick={() => grant.mutate()} loading={grant.isPending} disabled={!email.includes('@')}>{t('members.portal.grant')}</Button>
      </Group>
    </Paper>
  );
}

export function MembershipTab({ member }: { member: Member }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [paying, setPaying] = useState<Invoice | null>(null);
  const history = useQuery({ queryKey: memberKeys.history(member.id), queryFn: () => fetchStatusHistory(member.id) });
  const invoices = useQuery({ queryKey: memberKeys.invoices(member.id), queryFn: () => fetchInvoices(member.id) });
  const voidOne = useMutation({ mutationFn: (i: Invoice) => voidInvoice(i.id), onSuccess: () => queryClient.invalidateQueries({ queryKey: memberKeys.invoices(member.id) }) });
  const manage = can('membership.manage');
  return (
    <Stack maw={1000}>
      <Paper withBorder p="md">
        <Title order={2} size="h5" mb="sm">{t('members.invoices.title')}</Title>
        <ProblemAlert error={invoices.error ?? voidOne.error} />
        <InvoicesTable invoices={invoices.data?.items ?? []} pending={invoices.isPending} onPay={manage ? setPaying : undefined} onVoid={manage ? (i) => voidOne.mutateAsync(i) : undefined} />
      </Paper>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md">
          <Title order={2} size="h5" mb="sm">{t('members.history')}</Title>
          {history.isPending && <Loading />}
          <Stack gap={6}>
            {history.data?.items.map((h, i) => (
              <Text size="sm" key={i}>
                {formatDateTime(h.changedAt)} — {h.fromStatus ? `${t(`members.statuses.${h.fromStatus}`)} → ` : ''}<b>{t(`members.statuses.${h.toStatus}`)}</b> ({h.changedBy}){h.reason ? `: ${h.reason}` : ''}
              </Text>
            ))}
          </Stack>
        </Paper>
        {can('members.write') && <PortalAccess memberId={member.id} />}
      </SimpleGrid>
      {can('members.privacy') && (
        <Anchor size="sm" href={`/api/v1/members/${member.id}/privacy-export`}>{t('members.privacy.exportFirm')}</Anchor>
      )}
      {paying && <PaymentModal invoice={paying} onClose={() => setPaying(null)} />}
    </Stack>
  );
}
