import { Button, Paper, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { MemberInput } from '../../../contracts/members.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { applyServerErrors, useContractForm } from '../../ui/use-contract-form.js';
import { useLeaveGuard } from '../../ui/use-leave-guard.js';
import { createMember, memberKeys } from './api.js';
import { emptyMember, MemberFields } from './MemberFields.js';

export function NewMemberPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useContractForm(MemberInput, emptyMember);
  const guard = useLeaveGuard(form.isDirty());
  const create = useMutation({
    mutationFn: (values: typeof form.values) => createMember(values),
    onSuccess: (m) => {
      void queryClient.invalidateQueries({ queryKey: memberKeys.all });
      guard.release();
      void navigate(`/members/${m.id}`);
    },
    onError: (error) => applyServerErrors(form, error),
  });
  return (
    <Stack maw={900}>
      {guard.dialog}
      <PageHeader title={t('members.new')} />
      <Paper withBorder p="md">
        <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate>
          <Stack>
            <ProblemAlert error={create.error} />
            <MemberFields form={form} />
            <Button type="submit" loading={create.isPending} w="fit-content">{t('members.create')}</Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
