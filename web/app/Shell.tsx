import { AppShell, Box, Burger, Divider, Group, NavLink, Select, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useIsFetching } from '@tanstack/react-query';
import { IconLanguage, IconLogout, IconUser } from '@tabler/icons-react';
import { Link, NavLink as RouterLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../contracts/auth.js';
import { can } from '../../contracts/permissions.js';
import { LOCALES, type Locale } from '../../contracts/role-list.js';
import { AccountMenu, nameInItself, useChangeLanguage } from './AccountMenu.js';
import { navigation } from './navigation.js';
import { switchOrg, useAcceptSession, useSignOut } from './session.js';
import './shell.css';
import { LeaveGuardHost } from '../ui/use-leave-guard.js';

function OrgSwitcher({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const accept = useAcceptSession();
  const navigate = useNavigate();
  // The name gives way (cut, with the whole name on hover) so the account button stays on screen.
  if (session.orgs.length < 2) {
    return (
      <Text fw={600} truncate="end" title={session.org?.name} style={{ minWidth: 0 }}>
        {session.org?.name}
      </Text>
    );
  }
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

/** On a phone the drawer repeats the account's actions, within reach of a thumb. */
function DrawerAccount({ session, onDone }: { session: SessionInfo; onDone: () => void }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const changeLanguage = useChangeLanguage(session);
  return (
    <Box hiddenFrom="sm" pb="md">
      <Divider my="sm" />
      <Text size="xs" fw={700} c="dimmed" px="sm" pb={4} truncate="end" title={session.user.name}>
        {session.user.name}
      </Text>
      <NavLink component={RouterLink} to="/profile" label={t('nav.profile')} leftSection={<IconUser size={18} stroke={1.6} />} onClick={onDone} />
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
      <NavLink component="button" label={t('shell.signOut')} leftSection={<IconLogout size={18} stroke={1.6} />} onClick={() => signOut.mutate()} />
    </Box>
  );
}

export function Shell({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  // The page's content is still arriving while a query has no data yet (not while one refreshes
  // data already shown): screen readers wait for it, and so do the browser journeys.
  const loading = useIsFetching({ predicate: (query) => query.state.status === 'pending' });
  // Which page the main region shows, set in the same render as the page: the browser journeys
  // navigate inside the app (as a click does) and wait for it.
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure();
  const role = session.org?.role;
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      {/* Keyboard users skip the header and the menu straight to the page. */}
      <a href="#main" className="skip-link">
        {t('shell.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
          <Group wrap="nowrap" gap="xs" style={{ minWidth: 0, flex: 1 }}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('shell.menu')} style={{ flex: 'none', minWidth: 44, minHeight: 44 }} />
            <Text component={Link} to="/" fw={700} c="teal.9" visibleFrom="sm" style={{ flex: 'none' }}>
              Roundtable
            </Text>
            <OrgSwitcher session={session} />
          </Group>
          <AccountMenu session={session} />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('shell.navigation')} style={{ overflowY: 'auto' }}>
        <div>
          {navigation.map((section) => {
            const items = section.items.filter((i) => can(role, i.permission));
            if (items.length === 0) return null;
            return (
              <div key={section.label}>
                <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="md" pb={4}>
                  {t(section.label)}
                </Text>
                {items.map((item) => (
                  <NavLink key={item.to} component={RouterLink} to={item.to} end={item.to === '/'} label={t(item.label)} leftSection={<item.icon size={18} stroke={1.6} />} onClick={close} />
                ))}
              </div>
            );
          })}
          <DrawerAccount session={session} onDone={close} />
        </div>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} aria-busy={loading > 0} data-location={location.pathname + location.search}>
        <LeaveGuardHost>
          <Outlet />
        </LeaveGuardHost>
      </AppShell.Main>
    </AppShell>
  );
}
