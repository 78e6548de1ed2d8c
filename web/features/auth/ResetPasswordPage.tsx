import { Alert, Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ResetPasswordInput } from '../../../contracts/auth.js';
import { PublicLayout } from '../../app/PublicLayout.js';
import { resetPassword } from './api.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { applyServerErrors, useContractForm } from '../../ui/use-contract-form.js';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const form = useContractForm(ResetPasswordInput, { token, password: '' });
  const reset = useMutation({
    mutationFn: (values: typeof form.values) => resetPassword(values),
    onError: (error) => applyServerErrors(form, error),
  });
  return (
    <PublicLayout title={t('auth.reset.title')}>
      {reset.isSuccess ? (
        <Stack>
          <Alert color="teal" role="status">
            {t('auth.reset.done')}
          </Alert>
          <Button component="a" href="/sign-in">
            {t('auth.signIn.submit')}
          </Button>
        </Stack>
      ) : (
        <form onSubmit={form.onSubmit((v) => reset.mutate(v))} noValidate>
          <Stack>
            <ProblemAlert error={reset.error} />
            <PasswordInput label={t('auth.newPassword')} description={t('auth.passwordRule')} autoComplete="new-password" required {...form.getInputProps('password')} />
            <Button type="submit" loading={reset.isPending}>
              {t('auth.reset.submit')}
            </Button>
            <Anchor component={Link} to="/forgot-password" size="sm">
              {t('auth.reset.askAgain')}
            </Anchor>
          </Stack>
        </form>
      )}
    </PublicLayout>
  );
}
