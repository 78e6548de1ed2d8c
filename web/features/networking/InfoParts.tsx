import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Enquiry, FederationInfoEntry, InfoEntry } from '../../../contracts/networking-info.js';

/** Codes typed as a list: "1040, 1515 FR" → ["1040", "1515", "FR"]. */
export const splitCodes = (s: string) => s.split(/[\s,;]+/).map((c) => c.trim().toUpperCase()).filter(Boolean);

/** Hours, in the reader's language. */
export function useHours() {
  const { i18n } = useTranslation();
  return (seconds: number) => new Intl.NumberFormat(i18n.language, { style: 'unit', unit: 'hour', maximumFractionDigits: 1 }).format(seconds / 3600);
}

/**
 * An entry as a card: type, title, text, tags, source and (for staff) its state and review date; an entry another
 * organisation of the federation shares says where it comes from instead (it has no state here: it is read-only).
 */
export function EntryCard({ entry, staff, children }: { entry: InfoEntry | FederationInfoEntry; staff?: boolean; children?: React.ReactNode }) {
  const { t } = useTranslation();
  const own = 'state' in entry ? entry : null;
  return (
    <Paper withBorder p="sm">
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap">
          <Badge variant="light">{t(`networkingInfo.types.${entry.type}`)}</Badge>
          {staff && own && <Badge variant="outline">{t(`networkingInfo.states.${own.state}`)}</Badge>}
          {staff && own?.reviewDue && <Badge variant="light" color="orange">{t('networkingInfo.reviewDue')}</Badge>}
          {'orgName' in entry && <Badge variant="outline" color="grape" style={{ textTransform: 'none' }}>{t('networkingInfo.fromOrg', { org: entry.orgName })}</Badge>}
        </Group>
        <Title order={3} size="h5" style={{ overflowWrap: 'anywhere' }}>{entry.title}</Title>
        {entry.body && <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{entry.body}</Text>}
        {[...entry.sectors, ...entry.hsCodes, ...entry.countries].length > 0 && <Text size="xs" c="dimmed">{[...entry.sectors, ...entry.hsCodes.map((h) => `HS ${h}`), ...entry.countries].join(' · ')}</Text>}
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {t('networkingInfo.source')}: {entry.sourceUrl ? <a href={entry.sourceUrl} target="_blank" rel="noreferrer">{entry.source}</a> : entry.source}
          {staff && ` · ${t('networkingInfo.reviewOn')} ${entry.reviewOn}`}
        </Text>
        {children}
      </Stack>
    </Paper>
  );
}

/** An enquiry: subject, question, answer when there is one, and the time it took. */
export function EnquiryCard({ enquiry, children }: { enquiry: Enquiry; children?: React.ReactNode }) {
  const { t } = useTranslation();
  const hours = useHours();
  return (
    <Paper withBorder p="sm">
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap">
          <Badge variant="light" color={enquiry.state === 'open' ? 'orange' : 'green'}>{t(`networkingInfo.${enquiry.state}`)}</Badge>
          <Text size="xs" c="dimmed">{enquiry.firmName} · {t('networkingInfo.askedAt')} {new Date(enquiry.askedAt).toLocaleString()}</Text>
        </Group>
        <Title order={3} size="h5" style={{ overflowWrap: 'anywhere' }}>{enquiry.subject}</Title>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{enquiry.question}</Text>
        {enquiry.answer !== null && (
          <>
            <Text size="sm" fw={600}>{t('networkingInfo.answer')}</Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{enquiry.answer}</Text>
            {enquiry.secondsToAnswer !== null && <Text size="xs" c="dimmed">{t('networkingInfo.timeToAnswer')}: {hours(enquiry.secondsToAnswer)}</Text>}
          </>
        )}
        {children}
      </Stack>
    </Paper>
  );
}
