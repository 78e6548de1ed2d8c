import { Alert, Button, Group, Modal, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { IconMaximize } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SelfCheckIn } from '../../../contracts/events.js';
import { ApiError } from '../../app/api.js';
import { notify } from '../../ui/notify.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { QrCode } from '../../ui/QrCode.js';
import { eventKeys, fetchSelfCheckIn, setSelfCheckIn } from './api.js';

/** Fetched again when the next code is due (a few seconds late, whatever the two clocks say), at least every minute. */
const nextFetch = (data: SelfCheckIn | undefined) => {
  if (!data?.enabled || !data.refreshAt) return false;
  return Math.min(60_000, Math.max(5_000, Date.parse(data.refreshAt) - Date.now() + 1_000));
};

/**
 * Self check-in, for staff at the door: switched on or off per event, and while
 * on, the QR code participants scan to tick themselves present (their phone
 * opens the server's page, /check-in/…). The code is renewed every minute, so
 * the page stays open on a phone or a projector (full screen); a photo of it
 * stops working within three minutes.
 */
export function SelfCheckInPanel({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [full, setFull] = useState(false);
  const state = useQuery({
    queryKey: eventKeys.selfCheckIn(eventId),
    queryFn: () => fetchSelfCheckIn(eventId),
    refetchInterval: (query) => nextFetch(query.state.data),
    // A projector's window is often not the one in front: the code is renewed there too.
    refetchIntervalInBackground: true,
  });
  const toggle = useMutation({
    mutationFn: (enabled: boolean) => setSelfCheckIn(eventId, enabled),
    onSuccess: (data) => {
      queryClient.setQueryData(eventKeys.selfCheckIn(eventId), data);
      notify(t(data.enabled ? 'events.selfCheckIn.switchedOn' : 'events.selfCheckIn.switchedOff'));
    },
  });
  const data = state.data;
  // Without a connection the door's page says so already; the panel waits for it to return.
  const offline = state.error instanceof ApiError && state.error.code === 'network';
  const label = t('events.selfCheckIn.qrLabel');
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="self-check-in-title">
      <Stack gap="xs">
        <Title order={2} size="h5" id="self-check-in-title">{t('events.selfCheckIn.title')}</Title>
        <Text size="sm" c="dimmed">{t('events.selfCheckIn.help')}</Text>
        <ProblemAlert error={(offline ? null : state.error) ?? toggle.error} />
        {data && (
          <Switch size="md" label={t('events.selfCheckIn.enable')} checked={data.enabled} disabled={toggle.isPending}
            onChange={(e) => toggle.mutate(e.currentTarget.checked)} />
        )}
        {data?.enabled && !data.open && <Alert color="yellow" p="xs">{t('events.selfCheckIn.notPublished')}</Alert>}
        {data?.enabled && data.open && data.url && (
          <Stack gap="xs" align="center">
            <QrCode text={data.url} label={label} size={200} />
            <Text size="xs" c="dimmed" ta="center">{t('events.selfCheckIn.renews')}</Text>
            <Group justify="center">
              <Button variant="default" leftSection={<IconMaximize size={16} />} onClick={() => setFull(true)}>{t('events.selfCheckIn.fullScreen')}</Button>
            </Group>
            <Modal opened={full} onClose={() => setFull(false)} fullScreen title={t('events.selfCheckIn.title')} closeButtonProps={{ 'aria-label': t('events.selfCheckIn.close') }}>
              <Stack align="center" gap="sm">
                {/* As large as the screen allows, for a projector or a phone held up at the door. */}
                <div style={{ width: 'min(90vw, calc(100vh - 160px))' }}>
                  <QrCode text={data.url} label={label} size={1200} />
                </div>
                <Text c="dimmed" ta="center">{t('events.selfCheckIn.renews')}</Text>
              </Stack>
            </Modal>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
