import { Button, Paper, Stack } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { OrgInput, type Org } from '../../../contracts/orgs.js';
import { SESSION_KEY, useCan } from '../../app/session.js';
import { Loading } from '../../ui/Loading.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { applyServerErrors, useContractForm } from '../../ui/use-contract-form.js';
import { fetchOrg, orgKeys, updateOrg } from './api.js';
import { OrgFields } from './OrgFields.js';
import { useLeaveGuard } from '../../ui/use-leave-guard.js';
import { notify } from '../../ui/notify.js';

function SettingsForm({ org }: { org: Org }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const editable = can('org.update');
  const form = useContractForm(OrgInput, {
    name: org.name,
    kind: org.kind,
    country: org.country,
    regions: org.regions,
    languages: org.languages,
    currency: org.currency,
    timeZone: org.timeZone,
    locale: org.locale,
    shareMemberDataUpward: org.shareMemberDataUpward,
    shareCapacityWithSiblings: org.shareCapacityWithSiblings,
  });
  const save = useMutation({
    mutationFn: (values: typeof form.values) => updateOrg(values),
    onSuccess: async (saved) => {
      queryClient.setQueryData(orgKeys.org, saved);
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      form.resetDirty();
      notify(t('ui.saved'));
    },
    onError: (error) => applyServerErrors(form, error),
  });
  const guard = useLeaveGuard(editable && form.isDirty());
  return (
    <Paper withBorder p="md" maw={760}>
      {guard.dialog}
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Stack>
          <ProblemAlert error={save.error} />
          <OrgFields form={form} readOnly={!editable} withClock branch={org.parentId !== null} />
          {editable && (
            <Button type="submit" loading={save.isPending} disabled={!form.isDirty()} w="fit-content">
              {t('ui.save')}
            </Button>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

export function OrgSettingsPage() {
  const { t } = useTranslation();
  const org = useQuery({ queryKey: orgKeys.org, queryFn: fetchOrg });
  return (
    <Stack>
      <PageHeader title={t('nav.organisation')} />
      {org.isPending ? <Loading /> : org.error ? <ProblemAlert error={org.error} /> : <SettingsForm org={org.data} />}
    </Stack>
  );
}
