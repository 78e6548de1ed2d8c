import { Button, Paper, Stack, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../contracts/members.js';
import { Loading } from '../../ui/Loading.js';
import { notify } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { applyServerErrors } from '../../ui/server-errors.js';
import { useLazyContractForm } from '../../ui/use-lazy-contract-form.js';
import { fetchOwnFirm, fetchOwnInvoices, memberFormValues, memberKeys, updateOwnFirm } from './api.js';
import { MemberFields } from './MemberFields.js';
import { InvoicesTable } from './InvoicesTable.js';
import { StatusBadge } from './StatusBadge.js';

function OwnProfile({ firm }: { firm: Member }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // The contract and zod come once the person starts editing (use-lazy-contract-form.ts).
  const form = useLazyContractForm(async () => (await import('../../../contracts/members.js')).MemberUpdate, memberFormValues(firm));
  const save = useMutation({
    mutationFn: (v: typeof form.values) => updateOwnFirm(v),
    onSuccess: (m) => {
      queryClient.setQueryData(memberKeys.ownFirm, m);
      notify(t('ui.saved'));
    },
    onError: (error) => applyServerErrors(form, error),
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack>
        <ProblemAlert error={save.error} />
        <MemberFields form={form} withTier={false} later />
        <Button type="submit" loading={save.isPending} disabled={!form.isDirty()} w="fit-content">{t('ui.save')}</Button>
      </Stack>
    </form>
  );
}

/** What a member firm's own user sees: its profile to correct, its membership and invoices. */
export function PortalPage() {
  const { t } = useTranslation();
  const firm = useQuery({ queryKey: memberKeys.ownFirm, queryFn: fetchOwnFirm, retry: false });
  const invoices = useQuery({ queryKey: memberKeys.ownInvoices, queryFn: fetchOwnInvoices, enabled: firm.isSuccess });
  if (firm.isPending) return <Loading />;
  if (firm.error) return <ProblemAlert error={firm.error} />;
  return (
    <Stack maw={900}>
      <PageHeader title={firm.data.legalName}>
        <StatusBadge status={firm.data.status} />
      </PageHeader>
      <Paper withBorder p="md">
        <Title order={2} size="h5" mb="sm">{t('members.invoices.title')}</Title>
        <InvoicesTable invoices={invoices.data?.items ?? []} pending={invoices.isPending} />
      </Paper>
      <Paper withBorder p="md">
        <OwnProfile key={firm.data.version} firm={firm.data} />
      </Paper>
    </Stack>
  );
}
