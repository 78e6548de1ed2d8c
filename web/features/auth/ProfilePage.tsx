import { Button, Paper, PasswordInput, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PasswordChangeInput, ProfileInput } from '../../../contracts/auth.js';
import { LOCALES, type Locale } from '../../../contracts/roles.js';
import { intlLanguageName } from '../../app/format.js';
import { updateProfile, useAcceptSession, useSession } from '../../app/session.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { applyServerErrors, useContractForm } from '../../ui/use-contract-form.js';
import { updatePassword } from './api.js';
import { notify } from '../../ui/notify.js';
import { useLeaveGuard } from '../../ui/use-leave-guard.js';

export function ProfilePage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const accept = useAcceptSession();
  const profile = useContractForm(ProfileInput, { name: session!.user.name, locale: session!.user.locale as Locale });
  const password = useContractForm(PasswordChangeInput, { currentPassword: '', newPassword: '' });
  const saveProfile = useMutation({
    mutationFn: (values: typeof profile.values) => updateProfile(values),
    onSuccess: async (s) => {
      await accept(s);
      profile.resetDirty();
      notify(t('ui.saved'));
    },
    onError: (error) => applyServerErrors(profile, error),
  });
  const changePassword = useMutation({
    mutationFn: (values: typeof password.values) => updatePassword(values),
    onSuccess: () => {
      password.reset();
      notify(t('profile.passwordChanged'));
    },
    onError: (error) => applyServerErrors(password, error),
  });
  const guard = useLeaveGuard(profile.isDirty() || password.isDirty());
  return (
    <Stack maw={640}>
      {guard.dialog}
      <PageHeader title={t('nav.profile')} />
      <Paper withBorder p="md">
        <form onSubmit={profile.onSubmit((v) => saveProfile.mutate(v))} noValidate>
          <Stack>
            <ProblemAlert error={saveProfile.error} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('auth.name')} required {...profile.getInputProps('name')} />
              <Select label={t('ui.language')} allowDeselect={false} data={LOCALES.map((l) => ({ value: l, label: intlLanguageName(l) ?? l }))} {...profile.getInputProps('locale')} />
            </SimpleGrid>
            <TextInput label={t('auth.email')} value={session!.user.email} readOnly />
            <Button type="submit" loading={saveProfile.isPending} w="fit-content">
              {t('ui.save')}
            </Button>
          </Stack>
        </form>
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t('profile.changePassword')}
        </Title>
        <form onSubmit={password.onSubmit((v) => changePassword.mutate(v))} noValidate>
          <Stack>
            <ProblemAlert error={changePassword.error} />
            <PasswordInput label={t('profile.currentPassword')} autoComplete="current-password" required {...password.getInputProps('currentPassword')} />
            <PasswordInput label={t('auth.newPassword')} description={t('auth.passwordRule')} autoComplete="new-password" required {...password.getInputProps('newPassword')} />
            <Button type="submit" loading={changePassword.isPending} w="fit-content">
              {t('profile.changePassword')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
