import { Center, Container, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../contracts/role-list.js';

export function LanguagePicker() {
  const { i18n, t } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('ui.language')}
      value={i18n.language}
      onChange={(lng) => void i18n.changeLanguage(lng)}
      data={LOCALES.map((l) => ({ value: l, label: l.toUpperCase() }))}
    />
  );
}

/** The frame of the pages seen before signing in. */
export function PublicLayout({ title, children, wide }: { title: string; children: ReactNode; wide?: boolean }) {
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Container size={wide ? 640 : 420} w="100%" px={0}>
        <Stack gap="sm">
          <Group justify="space-between">
            <Text fw={700} c="teal.9" size="lg">
              Roundtable
            </Text>
            <LanguagePicker />
          </Group>
          <Paper withBorder shadow="sm" p="lg" radius="md" component="main">
            <Text component="h1" fw={700} size="xl" mt={0} mb="md">
              {title}
            </Text>
            {children}
          </Paper>
        </Stack>
      </Container>
    </Center>
  );
}
