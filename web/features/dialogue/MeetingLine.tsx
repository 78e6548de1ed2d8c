import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MeetingSummary } from '../../../contracts/dialogue.js';
import { formatDateTime } from '../../app/format.js';
import { meetingStatusColor } from './api.js';

/** A meeting in a list: its title, when and where, and how many of its decisions are still open. */
export function MeetingLine({ meeting, withForum = false }: { meeting: MeetingSummary; withForum?: boolean }) {
  const { t } = useTranslation();
  return (
    // On a phone the badges go under the title rather than past the screen's edge.
    <Group justify="space-between" wrap="wrap" gap="xs">
      <Stack gap={0} style={{ minWidth: 0, flex: '1 1 12rem' }}>
        <Anchor component={Link} to={`/dialogue/meetings/${meeting.id}`} fw={600} size="sm">{meeting.title}</Anchor>
        <Text size="xs" c="dimmed">{[formatDateTime(meeting.startsAt), withForum && meeting.forumName, meeting.location].filter(Boolean).join(' · ')}</Text>
      </Stack>
      <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
        {meeting.openDecisions > 0 && <Badge size="xs" variant="outline">{t('dialogue.openDecisionsCount', { n: meeting.openDecisions })}</Badge>}
        <Badge size="xs" variant="light" color={meetingStatusColor[meeting.status]}>{t(`dialogue.meetingStatuses.${meeting.status}`)}</Badge>
      </Group>
    </Group>
  );
}
