import { Badge, Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DealFollowUp } from '../../../contracts/networking.js';
import { FOLLOW_UP_FORM_STATES, type FollowUpFormState } from '../../../contracts/surveys.js';
import { formatDate } from '../../app/format.js';
import { formatMoney, formatNumber } from '../../app/money.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { Loading } from '../../ui/Loading.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { fetchDealFollowUpList, fetchDealFollowUps, networkingKeys } from './api.js';

const STATE_COLOR: Record<FollowUpFormState, string> = { planned: 'gray', due: 'orange', sent: 'blue', expired: 'red', answered: 'teal' };

/** What a firm answered: agreement signed or not, then its type, value and jobs. */
function ReportText({ f }: { f: DealFollowUp }) {
  const { t } = useTranslation();
  if (!f.report) return null;
  const r = f.report;
  const parts = r.signed
    ? [t('networking.dealFollowUps.signed'), r.type ? t(r.type === 'other' ? 'networking.dealForm.otherType' : `networking.kinds.${r.type}`) : null,
      r.value !== null ? `${t('networking.dealFollowUps.value')}: ${formatMoney(r.value, r.currency)}` : null,
      r.jobs !== null ? `${t('networking.dealFollowUps.jobs')}: ${formatNumber(r.jobs)}` : null]
    : [t(r.noneExpected ? 'networking.dealFollowUps.noneExpected' : 'networking.dealFollowUps.notSigned')];
  return <Text size="sm" fw={r.signed ? 600 : undefined}>{parts.filter(Boolean).join(' · ')}</Text>;
}

/** One follow-up: the firm asked (and about whom), when, its state and the answer. Stacked for a phone. */
function FollowUpRow({ f, withPartner }: { f: DealFollowUp; withPartner: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xs">
      <Stack gap={2}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text size="sm" fw={600}>{withPartner ? `${f.firm.name} → ${f.partner.name}` : f.firm.name}</Text>
          <Badge variant="light" color={STATE_COLOR[f.state]}>{t(`networking.dealFollowUps.states.${f.state}`)}</Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {t('networking.dealFollowUps.months', { months: f.months })}
          {' · '}
          {f.answeredAt ? t('networking.dealFollowUps.answeredOn', { date: formatDate(f.answeredAt) }) : t('networking.dealFollowUps.dueOn', { date: formatDate(f.dueOn) })}
        </Text>
        {!f.hasEmail && !f.answeredAt && <Text size="xs" c="orange">{t('networking.dealFollowUps.noEmail')}</Text>}
        <ReportText f={f} />
      </Stack>
    </Paper>
  );
}

/** An introduction's deal follow-ups, opened on demand: who was asked when and what each firm answered. */
export function IntroductionFollowUps({ introductionId }: { introductionId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const query = useQuery({ queryKey: networkingKeys.dealFollowUps(introductionId), queryFn: () => fetchDealFollowUps(introductionId), enabled: open });
  if (!open) return <Group><Button size="compact-sm" variant="subtle" onClick={() => setOpen(true)}>{t('networking.dealFollowUps.show')}</Button></Group>;
  return (
    <Stack gap={4}>
      <ProblemAlert error={query.error} />
      {query.isPending ? <Loading /> : !query.data?.items.length ? <Text size="sm" c="dimmed">{t('networking.dealFollowUps.none')}</Text>
        : query.data.items.map((f) => <FollowUpRow key={f.id} f={f} withPartner={false} />)}
    </Stack>
  );
}

/** Staff's list of every deal follow-up, by state (due ones first to look at: those without an address stay due). */
export function DealFollowUpsSection() {
  const { t } = useTranslation();
  const [state, setState] = useState<string>('due');
  const query = useQuery({ queryKey: networkingKeys.dealFollowUpList(state), queryFn: () => fetchDealFollowUpList(state) });
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">{t('networking.dealFollowUps.intro')}</Text>
      <Select label={t('networking.dealFollowUps.state')} clearable maw={320} value={state || null} onChange={(v) => setState(v ?? '')}
        data={FOLLOW_UP_FORM_STATES.map((s) => ({ value: s, label: t(`networking.dealFollowUps.states.${s}`) }))} />
      <ProblemAlert error={query.error} />
      {query.isPending ? <Loading /> : !query.data?.items.length ? <EmptyState>{t('networking.dealFollowUps.none')}</EmptyState>
        : <Stack gap="xs">{query.data.items.map((f) => <FollowUpRow key={f.id} f={f} withPartner />)}</Stack>}
    </Stack>
  );
}
