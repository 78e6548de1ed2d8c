import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ForgotPasswordInput } from '../../../contracts/auth.js';
import { PublicLayout } from '../../app/PublicLayout.js';
import { askPasswordReset } from './api.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useContractForm } from '../../ui/use-contract-form.js';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const form = useContractForm(ForgotPasswordInput, { email: '' });
  const ask = useMutation({ mutationFn: (values: typeof form.values) => askPasswordReset(values) });
  return (
    <PublicLayout title={t('auth.forgot.title')}>
      {ask.isSuccess ? (
        <Alert color="teal" role="status">
          {t('auth.forgot.sent')}
        </Alert>
      ) : (
        <form onSubmit={form.onSubmit((v) => ask.mutate(v))} noValidate>
          <Stack>
            <ProblemAlert error={ask.error} />
            <TextInput label={t('auth.email')} type="email" autoComplete="username" required {...form.getInputProps('email')} />
            <Button type="submit" loading={ask.isPending}>
              {t('auth.forgot.submit')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor href="/sign-in" size="sm" mt="md" display="block">
        {t('auth.backToSignIn')}
      </Anchor>
    </PublicLayout>
  );
}
