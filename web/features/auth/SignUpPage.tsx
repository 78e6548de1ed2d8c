import { Anchor, Button, Divider, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SignupInput } from '../../../contracts/auth.js';
import type { Locale } from '../../../contracts/roles.js';
import { PublicLayout } from '../../app/PublicLayout.js';
import { useAcceptSession } from '../../app/session.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { applyServerErrors, useContractForm } from '../../ui/use-contract-form.js';
import { createAccount } from './api.js';
import { emptyOrg, OrgFields } from '../orgs/OrgFields.js';

export function SignUpPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const accept = useAcceptSession();
  const form = useContractForm(SignupInput, {
    admin: { name: '', email: '', password: '', locale: i18n.language as Locale },
    org: emptyOrg(),
  });
  const signUp = useMutation({
    mutationFn: (values: typeof form.values) => createAccount({ ...values, admin: { ...values.admin, locale: i18n.language as Locale } }),
    onSuccess: async (s) => {
      await accept(s);
      void navigate('/', { replace: true });
    },
    onError: (error) => applyServerErrors(form, error),
  });
  return (
    <PublicLayout title={t('auth.signUp.title')} wide>
      <form onSubmit={form.onSubmit((v) => signUp.mutate(v))} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('auth.signUp.intro')}
          </Text>
          <ProblemAlert error={signUp.error} />
          <Divider label={t('auth.signUp.organisation')} labelPosition="left" />
          <OrgFields form={form} prefix="org" />
          <Divider label={t('auth.signUp.you')} labelPosition="left" />
          <TextInput label={t('auth.name')} autoComplete="name" required {...form.getInputProps('admin.name')} />
          <TextInput label={t('auth.email')} type="email" autoComplete="email" required {...form.getInputProps('admin.email')} />
          <PasswordInput label={t('auth.password')} description={t('auth.passwordRule')} autoComplete="new-password" required {...form.getInputProps('admin.password')} />
          <Button type="submit" loading={signUp.isPending}>
            {t('auth.signUp.submit')}
          </Button>
          <Anchor href="/sign-in" size="sm">
            {t('auth.signUp.haveAccount')}
          </Anchor>
        </Stack>
      </form>
    </PublicLayout>
  );
}
