import { AppShell, Box, Burger, Divider, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useIsFetching } from '@tanstack/react-query';
import { IconLogout, IconUser } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { Link, NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import { activeMenuItem } from './active-menu-item.js';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../contracts/auth.js';
import { can } from '../../contracts/permissions.js';
import { AccountMenu, loadShellMenus } from './AccountMenu.js';
import { navigation } from './navigation.js';
import { useSignOut } from './session.js';
import './shell.css';
import { LeaveGuardHost } from '../ui/use-leave-guard.js';

// The selects (Combobox, floating-ui) come with the frame's menus, not with every page.
const OrgSelect = lazy(async () => ({ default: (await loadShellMenus()).OrgSelect }));
const DrawerLanguageSelect = lazy(async () => ({ default: (await loadShellMenus()).DrawerLanguageSelect }));

function OrgName({ session }: { session: SessionInfo }) {
  // The name gives way (cut, with the whole name on hover) so the account button stays on screen.
  return (
    <Text fw={600} truncate="end" title={session.org?.name} style={{ minWidth: 0 }}>
      {session.org?.name}
    </Text>
  );
}

function OrgSwitcher({ session }: { session: SessionInfo }) {
  if (session.orgs.length < 2) return <OrgName session={session} />;
  return (
    <Suspense fallback={<OrgName session={session} />}>
      <OrgSelect session={session} />
    </Suspense>
  );
}

/**
 * On a phone the drawer repeats the account's actions, within reach of a thumb.
 * Its language select is fetched when the drawer is first opened (until it
 * arrives, a space of its height keeps the items below in place).
 */
function DrawerAccount({ session, opened, onDone }: { session: SessionInfo; opened: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const [shown, setShown] = useState(opened);
  if (opened && !shown) setShown(true);
  return (
    <Box hiddenFrom="sm" pb="md">
      <Divider my="sm" />
      <Text size="xs" fw={700} c="dimmed" px="sm" pb={4} truncate="end" title={session.user.name}>
        {session.user.name}
      </Text>
      <NavLink component={RouterLink} to="/profile" label={t('nav.profile')} leftSection={<IconUser size={18} stroke={1.6} />} onClick={onDone} />
      {shown ? (
        <Suspense fallback={<div style={{ height: DRAWER_SELECT_HEIGHT }} />}>
          <DrawerLanguageSelect session={session} />
        </Suspense>
      ) : (
        <div style={{ height: DRAWER_SELECT_HEIGHT }} />
      )}
      <NavLink component="button" label={t('shell.signOut')} leftSection={<IconLogout size={18} stroke={1.6} />} onClick={() => signOut.mutate()} />
    </Box>
  );
}

// The language select's height in the drawer (its label, a 44 px input and its padding).
const DRAWER_SELECT_HEIGHT = '4.8rem';

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
  const current = activeMenuItem(location.pathname, navigation.flatMap((section) => section.items.filter((i) => can(role, i.permission)).map((i) => i.to)));
  return (
    // A person with no organisation (a donor's) has no menu: the wide screen shows no empty column; the phone's drawer keeps the account.
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened, desktop: !session.org } }} padding="md">
      {/* Keyboard users skip the header and the menu straight to the page. */}
      <a href="#main" className="skip-link">
        {t('shell.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
          <Group wrap="nowrap" gap="xs" style={{ minWidth: 0, flex: 1 }}>
            <Burger opened={opened} onClick={toggle} onPointerEnter={() => void loadShellMenus()} onFocus={() => void loadShellMenus()} hiddenFrom="sm" size="sm" aria-label={t('shell.menu')} style={{ flex: 'none', minWidth: 44, minHeight: 44 }} />
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
                  <NavLink key={item.to} component={Link} to={item.to} active={item.to === current} aria-current={item.to === current ? 'page' : undefined} label={t(item.label)} leftSection={<item.icon size={18} stroke={1.6} />} onClick={close} />
                ))}
              </div>
            );
          })}
          <DrawerAccount session={session} opened={opened} onDone={close} />
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
