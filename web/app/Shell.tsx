import { AppShell, Burger, Group, Menu, NavLink, Select, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconLogout, IconUser } from '@tabler/icons-react';
import { Link, NavLink as RouterLink, Outlet, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../contracts/auth.js';
import { can } from '../../contracts/permissions.js';
import { api } from './api.js';
import { navigation } from './navigation.js';
import { useAcceptSession, useSignOut } from './session.js';

function OrgSwitcher({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const accept = useAcceptSession();
  const navigate = useNavigate();
  if (session.orgs.length < 2) return <Text fw={600} truncate>{session.org?.name}</Text>;
  return (
    <Select
      aria-label={t('shell.switchOrg')}
      data={session.orgs.map((o) => ({ value: o.id, label: o.name }))}
      value={session.org?.id ?? null}
      allowDeselect={false}
      w={{ base: 180, sm: 320 }}
      comboboxProps={{ withinPortal: true }}
      onChange={async (orgId) => {
        if (!orgId || orgId === session.org?.id) return;
        await accept(await api<SessionInfo>('/api/v1/auth/switch-org', { method: 'POST', body: { orgId } }));
        navigate('/');
      }}
    />
  );
}

export function Shell({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const signOut = useSignOut();
  const role = session.org?.role;
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap" gap="sm">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('shell.menu')} />
            <Text component={Link} to="/" fw={700} c="teal.9" visibleFrom="xs">
              Roundtable
            </Text>
            <OrgSwitcher session={session} />
          </Group>
          <Menu position="bottom-end">
            <Menu.Target>
              <UnstyledButton aria-label={`${session.user.name} (${t('shell.account')})`}>
                <Group gap={4} wrap="nowrap">
                  <IconUser size={18} />
                  <Text size="sm" visibleFrom="sm">{session.user.name}</Text>
                  <IconChevronDown size={14} />
                </Group>
              </UnstyledButton>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{session.user.email}</Menu.Label>
              <Menu.Item component={Link} to="/profile" leftSection={<IconUser size={14} />}>
                {t('nav.profile')}
              </Menu.Item>
              <Menu.Item leftSection={<IconLogout size={14} />} onClick={() => signOut.mutate()}>
                {t('shell.signOut')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
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
        </div>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
