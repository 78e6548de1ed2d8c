import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { AcceptInvitationInput } from '../../../contracts/orgs.js';
import { PublicLayout } from '../../app/PublicLayout.js';
import { useAcceptSession, useSession } from '../../app/session.js';
import { acceptInvitation, authKeys, fetchInvitation } from './api.js';
import { Loading } from '../../ui/Loading.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { applyServerErrors, useContractForm } from '../../ui/use-contract-form.js';

export function InvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const accept = useAcceptSession();
  const { data: session } = useSession();
  const preview = useQuery({ queryKey: authKeys.invitation(token), queryFn: () => fetchInvitation(token), retry: false });
  const form = useContractForm(AcceptInvitationInput, { name: '', password: '' });
  const join = useMutation({
    mutationFn: (values: { name?: string; password?: string }) => acceptInvitation(token, values),
    onSuccess: async (s) => {
      await accept(s);
      void navigate('/', { replace: true });
    },
    onError: (error) => applyServerErrors(form, error),
  });

  if (preview.isPending) return <Loading />;
  if (preview.error || !preview.data) {
    return (
      <PublicLayout title={t('auth.invitation.title')}>
        <ProblemAlert error={preview.error} />
      </PublicLayout>
    );
  }
  const inv = preview.data;
  const signedInAsInvitee = session?.user.email === inv.email;
  return (
    <PublicLayout title={t('auth.invitation.title')}>
      <Stack>
        <Text>{t('auth.invitation.intro', { org: inv.orgName, role: t(`roles.${inv.role}`), email: inv.email })}</Text>
        <ProblemAlert error={join.error} />
        {inv.hasAccount ? (
          signedInAsInvitee ? (
            <Button onClick={() => join.mutate({})} loading={join.isPending}>
              {t('auth.invitation.accept')}
            </Button>
          ) : (
            <>
              <Alert color="blue">{t('auth.invitation.signInFirst', { email: inv.email })}</Alert>
              <Button component="a" href={`/sign-in?next=${encodeURIComponent(`/invitation/${token}`)}`}>
                {t('auth.signIn.submit')}
              </Button>
            </>
          )
        ) : (
          <form onSubmit={form.onSubmit((v) => join.mutate(v))} noValidate>
            <Stack>
              <TextInput label={t('auth.email')} value={inv.email} readOnly />
              <TextInput label={t('auth.name')} autoComplete="name" required {...form.getInputProps('name')} />
              <PasswordInput label={t('auth.password')} description={t('auth.passwordRule')} autoComplete="new-password" required {...form.getInputProps('password')} />
              <Button type="submit" loading={join.isPending}>
                {t('auth.invitation.accept')}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </PublicLayout>
  );
}
