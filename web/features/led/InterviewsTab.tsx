import { Anchor, Badge, Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconMicrophone } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LED_SECTORS, type LedRegionDetail, type LedSector } from '../../../contracts/led.js';
import type { LedInterview } from '../../../contracts/led-interviews.js';
import { ApiError } from '../../app/api.js';
import { formatDate } from '../../app/format.js';
import { useCan } from '../../app/session.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { InlineForm } from '../../ui/InlineForm.js';
import { LoadMore } from '../../ui/LoadMore.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import { useLeaveGuard } from '../../ui/use-leave-guard.js';
import { conductUrl, fetchInterviewGuides, interviewKeys, interviewsPath, startInterview } from './interview-api.js';
import { sectorColor } from './TeamTab.js';

/** Today on this phone's calendar, as the date field wants it. */
const today = () => new Date().toLocaleDateString('sv');

/**
 * Who is interviewed, with which guide, on which day; saving opens the guide
 * on the respondent page (a page of its own, which keeps the answers on the
 * phone until they are recorded).
 */
function StartForm({ region, onDone }: { region: LedRegionDetail; onDone(): void }) {
  const { t } = useTranslation();
  const guides = useQuery({ queryKey: interviewKeys.guides, queryFn: fetchInterviewGuides });
  const initial = { formId: '', interviewee: '', sector: 'private' as LedSector, organisation: '', interviewedOn: today() };
  const [values, setValues] = useState(initial);
  const guard = useLeaveGuard(JSON.stringify(values) !== JSON.stringify(initial));
  const set = <K extends keyof typeof initial>(key: K, value: (typeof initial)[K]) => setValues((v) => ({ ...v, [key]: value }));
  const start = useMutation({
    mutationFn: () => startInterview(region.id, values),
    onSuccess: (created) => {
      guard.release();
      location.assign(conductUrl(created.id));
    },
  });
  const errors = start.error instanceof ApiError ? start.error.fieldErrors : {};
  if (guides.data && !guides.data.items.length) {
    return (
      <Paper withBorder p="sm">
        <Stack gap="xs">
          <Text size="sm">{t('led.interview.noGuides')}</Text>
          <Group>
            <Button component={Link} to="/forms" variant="light">{t('nav.forms')}</Button>
            <Button variant="default" onClick={onDone}>{t('ui.confirm.cancel')}</Button>
          </Group>
        </Stack>
      </Paper>
    );
  }
  return (
    <InlineForm onSubmit={() => start.mutate()} onCancel={onDone} saving={start.isPending} error={start.error ?? guides.error}>
      <Select label={t('led.interview.guide')} required allowDeselect={false} value={values.formId || null} error={errors.formId}
        data={(guides.data?.items ?? []).map((f) => ({ value: f.id, label: f.title }))} onChange={(v) => set('formId', v ?? '')} />
      <TextInput label={t('led.interview.interviewee')} required value={values.interviewee} error={errors.interviewee} onChange={(e) => set('interviewee', e.currentTarget.value)} />
      <Select label={t('led.sector')} required allowDeselect={false} value={values.sector} error={errors.sector}
        data={LED_SECTORS.map((s) => ({ value: s, label: t(`led.sectors.${s}`) }))} onChange={(v) => v && set('sector', v as LedSector)} />
      <TextInput label={t('led.organisation')} value={values.organisation} error={errors.organisation} onChange={(e) => set('organisation', e.currentTarget.value)} />
      <TextInput label={t('led.interview.interviewedOn')} type="date" required value={values.interviewedOn} error={errors.interviewedOn} onChange={(e) => set('interviewedOn', e.currentTarget.value)} />
      <Text size="xs" c="dimmed">{t('led.interview.conductHelp')}</Text>
    </InlineForm>
  );
}

/** A region's interviews, newest first, each opening its page (answers, codes); staff start one here. */
export function InterviewsTab({ region }: { region: LedRegionDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [starting, setStarting] = useState(false);
  const list = useCursorPages<LedInterview>(interviewKeys.list(region.id), interviewsPath(region.id), { sort: '-interviewed' });
  return (
    <Stack>
      <Text size="sm" c="dimmed">{t('led.interview.intro')}</Text>
      {can('led.manage') && !starting && (
        <Group><Button leftSection={<IconMicrophone size={16} />} onClick={() => setStarting(true)}>{t('led.interview.start')}</Button></Group>
      )}
      {starting && <StartForm region={region} onDone={() => { setStarting(false); void queryClient.invalidateQueries({ queryKey: interviewKeys.list(region.id) }); }} />}
      <ProblemAlert error={list.error} />
      {list.isSuccess && !list.items.length && !starting && <EmptyState>{can('led.manage') ? t('led.interview.noneStaff') : t('led.interview.none')}</EmptyState>}
      {list.items.map((i) => (
        <Paper key={i.id} withBorder p="sm">
          <Stack gap={4}>
            <Anchor component={Link} to={`/led/interviews/${i.id}`} fw={600} mih={44} style={{ display: 'inline-flex', alignItems: 'center', overflowWrap: 'anywhere' }}>{i.interviewee}</Anchor>
            {i.organisation && <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{i.organisation}</Text>}
            <Group gap={4}>
              <Badge variant="light" color={sectorColor[i.sector]}>{t(`led.sectors.${i.sector}`)}</Badge>
              <Badge variant="light" color={i.status === 'submitted' ? 'teal' : 'gray'}>{t(`led.interview.statuses.${i.status}`)}</Badge>
              {i.codes > 0 && <Badge variant="light" color="grape">{t('led.interview.codes', { count: i.codes })}</Badge>}
            </Group>
            <Text size="xs" c="dimmed">{[formatDate(i.interviewedOn), i.formTitle, i.conductedBy && t('led.interview.conductedBy', { name: i.conductedBy })].filter(Boolean).join(' · ')}</Text>
          </Stack>
        </Paper>
      ))}
      <LoadMore hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} />
    </Stack>
  );
}
