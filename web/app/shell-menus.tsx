import { Menu, Select } from '@mantine/core';
import { IconCheck, IconLanguage, IconLogout, IconUser } from '@tabler/icons-react';
import { useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../contracts/auth.js';
import { LOCALES, type Locale } from '../../contracts/role-list.js';
import { AccountButton, nameInItself, useChangeLanguage } from './account.js';
import { switchOrg, useAcceptSession, useSignOut } from './session.js';

/*
 * The frame's menus and selects (Menu, Select: Popover, floating-ui, Combobox,
 * about 25 kB compressed), loaded when a person first reaches for one
 * (web/app/AccountMenu.tsx, web/app/Shell.tsx), not with every page.
 */

/**
 * The account menu, opened as it arrives: the person has just pressed its
 * button. The button they pressed was the light one drawn before the menu
 * came, so the menu gives the focus back to this one when it closes.
 */
export function AccountMenuOpened({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const changeLanguage = useChangeLanguage(session);
  const button = useRef<HTMLButtonElement>(null);
  // Unless the person has put the focus elsewhere (a page the menu led to).
  const returnFocus = () => {
    const at = document.activeElement;
    if (at === document.body || at?.closest('[role=menu]')) button.current?.focus();
  };
  return (
    <Menu position="bottom-end" width={240} defaultOpened onClose={() => setTimeout(returnFocus)}>
      <Menu.Target>
        <AccountButton ref={button} session={session} />
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

/** The organisation switcher of a person in more than one organisation. */
export function OrgSelect({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const accept = useAcceptSession();
  const navigate = useNavigate();
  return (
    <Select
      aria-label={t('shell.switchOrg')}
      title={session.org?.name}
      data={session.orgs.map((o) => ({ value: o.id, label: o.name }))}
      value={session.org?.id ?? null}
      allowDeselect={false}
      style={{ minWidth: 0, flex: '0 1 320px' }}
      comboboxProps={{ withinPortal: true }}
      onChange={async (orgId) => {
        if (!orgId || orgId === session.org?.id) return;
        await accept(await switchOrg(orgId));
        void navigate('/');
      }}
    />
  );
}

/** The language select of the phone's drawer. */
export function DrawerLanguageSelect({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const changeLanguage = useChangeLanguage(session);
  return (
    <Select
      px="sm"
      py={4}
      label={t('ui.language')}
      leftSection={<IconLanguage size={16} aria-hidden />}
      data={LOCALES.map((l) => ({ value: l, label: nameInItself(l) }))}
      value={session.user.locale}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
      onChange={(l) => l && changeLanguage.mutate(l as Locale)}
    />
  );
}
