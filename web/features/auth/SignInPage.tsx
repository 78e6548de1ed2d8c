import { Anchor, Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { PublicLayout } from '../../app/PublicLayout.js';
import { useAcceptSession, useSession } from '../../app/session.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { applyServerErrors } from '../../ui/server-errors.js';
import { useLazyContractForm } from '../../ui/use-lazy-contract-form.js';
import { logIn } from './api.js';

/** Only same-site paths, so a crafted link cannot send someone elsewhere after sign-in. */
export function safeNext(next: string | null) {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const accept = useAcceptSession();
  const { data: session } = useSession();
  // The first screen of most visits: its contract and zod come once the person types.
  const form = useLazyContractForm(async () => (await import('../../../contracts/auth.js')).LoginInput, { email: '', password: '' });
  const signIn = useMutation({
    mutationFn: (values: typeof form.values) => logIn(values),
    onSuccess: async (s) => {
      await accept(s);
      void navigate(safeNext(params.get('next')), { replace: true });
    },
    onError: (error) => applyServerErrors(form, error),
  });
  if (session) return <Navigate to={safeNext(params.get('next'))} replace />;
  return (
    <PublicLayout title={t('auth.signIn.title')}>
      <form onSubmit={form.onSubmit((v) => signIn.mutate(v))} noValidate>
        <Stack>
          <ProblemAlert error={signIn.error} />
          {/* The one thing to do here: the cursor waits in the e-mail field. */}
          <TextInput label={t('auth.email')} type="email" autoComplete="username" required autoFocus {...form.getInputProps('email')} />
          <PasswordInput label={t('auth.password')} autoComplete="current-password" required {...form.getInputProps('password')} />
          <Button type="submit" loading={signIn.isPending} fullWidth>
            {t('auth.signIn.submit')}
          </Button>
          <Group justify="space-between">
            <Anchor component={Link} to="/forgot-password" size="sm">
              {t('auth.signIn.forgot')}
            </Anchor>
            <Anchor component={Link} to="/sign-up" size="sm">
              {t('auth.signIn.register')}
            </Anchor>
          </Group>
        </Stack>
      </form>
    </PublicLayout>
  );
}
