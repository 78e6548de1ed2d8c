import { Text, UnstyledButton } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { IconChevronDown, IconUser } from '@tabler/icons-react';
import type { ComponentPropsWithRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../contracts/auth.js';
import type { Locale } from '../../contracts/role-list.js';
import { updateProfile, useAcceptSession } from './session.js';

// Each language is named in itself, so a person who cannot read the current one finds theirs.
export function nameInItself(code: string) {
  const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
}

/** The user's language is part of their profile, so it follows them to every device. */
export function useChangeLanguage(session: SessionInfo) {
  const accept = useAcceptSession();
  return useMutation({
    mutationFn: (locale: Locale) => updateProfile({ name: session.user.name, locale }),
    onSuccess: (s) => accept(s),
  });
}

/** The account button of the header. It never shrinks, so a long organisation name cannot push it off a 320 px screen. */
export function AccountButton({ session, ...props }: { session: SessionInfo } & ComponentPropsWithRef<'button'>) {
  const { t } = useTranslation();
  return (
    <UnstyledButton {...props} aria-label={`${session.user.name} (${t('shell.account')})`} style={{ flex: 'none', display: 'flex', alignItems: 'center', gap: 4, minHeight: 44, minWidth: 44, justifyContent: 'center' }}>
      <IconUser size={20} aria-hidden />
      <Text size="sm" visibleFrom="sm">
        {session.user.name}
      </Text>
      <IconChevronDown size={14} aria-hidden />
    </UnstyledButton>
  );
}
