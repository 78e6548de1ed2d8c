import { Menu, Text, UnstyledButton } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { IconCheck, IconChevronDown, IconLanguage, IconLogout, IconUser } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../contracts/auth.js';
import { LOCALES, type Locale } from '../../contracts/role-list.js';
import { updateProfile, useAcceptSession, useSignOut } from './session.js';

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

/**
 * The account button of the header: profile, language and sign-out. It never
 * shrinks, so a long organisation name cannot push it off a 320 px screen.
 */
export function AccountMenu({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const changeLanguage = useChangeLanguage(session);
  return (
    <Menu position="bottom-end" width={240}>
      <Menu.Target>
        <UnstyledButton aria-label={`${session.user.name} (${t('shell.account')})`} style={{ flex: 'none', display: 'flex', alignItems: 'center', gap: 4, minHeight: 44, minWidth: 44, justifyContent: 'center' }}>
          <IconUser size={20} aria-hidden />
          <Text size="sm" visibleFrom="sm">
            {session.user.name}
          </Text>
          <IconChevronDown size={14} aria-hidden />
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{session.user.email}</Menu.Label>
        <Menu.Item component={Link} to="/profile" leftSection={<IconUser size={14} />}>
          {t('nav.profile')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Label>
          <IconLanguage size={12} aria-hidden /> {t('ui.language')}
        </Menu.Label>
        {LOCALES.map((l) => (
          <Menu.Item key={l} lang={l} onClick={() => changeLanguage.mutate(l)} rightSection={session.user.locale === l ? <IconCheck size={14} aria-label={t('shell.current')} /> : null}>
            {nameInItself(l)}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={14} />} onClick={() => signOut.mutate()}>
          {t('shell.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
