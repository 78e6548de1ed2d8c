import { Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dueFollowUp, type FollowUp } from '../../../contracts/led-follow-ups.js';
import type { MeasureDetail } from '../../../contracts/led-implementation.js';
import { ApiError } from '../../app/api.js';
import { formatDate, orgToday } from '../../app/format.js';
import { formatNumber } from '../../app/money.js';
import { useCan } from '../../app/session.js';
import { InlineForm } from '../../ui/InlineForm.js';
import { wrap } from '../../ui/wrap.js';
import { answerFollowUp, saveClosing } from './api.js';
import { SendFollowUpLink } from './SendFollowUpLink.js';
import { useMeasureChange } from './use-measure-change.js';

/** A measure's closing evaluation and its follow-ups 6, 12 and 24 months after its end: sent, answered, or entered by staff. */

function ClosingForm({ measure, onDone }: { measure: MeasureDetail; onDone(): void }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ evaluation: measure.closingEvaluation, closedOn: measure.closedOn ?? '' });
  const save = useMeasureChange(measure.id, () => saveClosing(measure.id, { evaluation: v.evaluation, closedOn: v.closedOn || null }), onDone);
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  return (
    <InlineForm onSubmit={() => save.mutate([])} onCancel={onDone} saving={save.isPending} error={save.error}>
      <TextInput label={t('led.impl.closedOn')} type="date" value={v.closedOn} error={errors.closedOn} onChange={(e) => setV({ ...v, closedOn: e.currentTarget.value })} />
      <Textarea label={t('led.impl.evaluation')} autosize minRows={4} value={v.evaluation} error={errors.evaluation} onChange={(e) => setV({ ...v, evaluation: e.currentTarget.value })} />
    </InlineForm>
  );
}

function AnswerForm({ measure, followUp, onDone }: { measure: MeasureDetail; followUp: FollowUp; onDone(): void }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ stillEffective: followUp.stillEffective === false ? 'no' : 'yes', jobsKept: followUp.jobsKept === null ? '' : String(followUp.jobsKept), whoPays: followUp.whoPays, note: followUp.note });
  const save = useMeasureChange(measure.id, () => answerFollowUp(measure.id, followUp.months, {
    stillEffective: v.stillEffective === 'yes', jobsKept: v.jobsKept.trim() ? Number(v.jobsKept) : null, whoPays: v.whoPays, note: v.note,
  }), onDone);
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  return (
    <InlineForm onSubmit={() => save.mutate([])} onCancel={onDone} saving={save.isPending} error={save.error}>
      <Select label={t('led.impl.stillEffectiveQuestion')} allowDeselect={false} value={v.stillEffective} onChange={(x) => x && setV({ ...v, stillEffective: x })}
        data={[{ value: 'yes', label: t('led.impl.yes') }, { value: 'no', label: t('led.impl.no') }]} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('led.impl.jobsKept')} inputMode="numeric" value={v.jobsKept} error={errors.jobsKept} onChange={(e) => setV({ ...v, jobsKept: e.currentTarget.value })} />
        <TextInput label={t('led.impl.whoPays')} value={v.whoPays} error={errors.whoPays} onChange={(e) => setV({ ...v, whoPays: e.currentTarget.value })} />
      </SimpleGrid>
      <Textarea label={t('led.impl.note')} autosize minRows={2} value={v.note} error={errors.note} onChange={(e) => setV({ ...v, note: e.currentTarget.value })} />
    </InlineForm>
  );
}

export function FollowUpPanel({ measure }: { measure: MeasureDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const [closing, setClosing] = useState(false);
  const [answering, setAnswering] = useState<number | null>(null);
  const today = orgToday();
  const followed = measure.status === 'done' || measure.status === 'effective';
  // The form goes for the latest follow-up due, as the daily job mails it.
  const dueMonths = dueFollowUp(measure.endsOn, today)?.months;
  return (
    <Stack>
      <Paper withBorder p="sm">
        <Stack gap="xs">
          <Group justify="space-between" wrap="wrap">
            <Text fw={600}>{t('led.impl.closing')}</Text>
            {can('led.manage') && !closing && <Button size="xs" variant="default" onClick={() => setClosing(true)}>{t('ui.edit')}</Button>}
          </Group>
          <Text size="sm" c="dimmed">{t('led.impl.closingHelp')}</Text>
          {closing ? <ClosingForm measure={measure} onDone={() => setClosing(false)} /> : (
            <>
              {measure.closedOn && <Text size="sm">{t('led.impl.closedOn')}: {formatDate(measure.closedOn)}</Text>}
              <Text size="sm" style={{ ...wrap, whiteSpace: 'pre-wrap' }}>{measure.closingEvaluation || t('led.impl.noEvaluation')}</Text>
            </>
          )}
        </Stack>
      </Paper>
      <Text size="sm" c="dimmed">{t('led.impl.followUpsIntro')}</Text>
      {measure.followUps.map((f) => (
        <Paper key={f.months} withBorder p="sm">
          <Stack gap={4}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Group gap="xs">
                <Text fw={600}>{t('led.impl.followUpTitle', { months: f.months })}</Text>
                {f.answeredAt && <Badge color={f.stillEffective ? 'green' : 'red'} variant="light">{f.stillEffective ? t('led.impl.effective') : t('led.impl.notEffective')}</Badge>}
                {!f.answeredAt && f.dueOn > today && <Badge color="gray" variant="light">{t('led.impl.notDueYet')}</Badge>}
              </Group>
              {can('led.manage') && followed && f.dueOn <= today && answering !== f.months && (
                <Group gap="xs">
                  {f.months === dueMonths && !f.answeredAt && measure.leadEmail && <SendFollowUpLink measure={measure} followUp={f} />}
                  <Button size="xs" variant="default" onClick={() => setAnswering(f.months)}>{t('led.impl.enterAnswer')}</Button>
                </Group>
              )}
            </Group>
            <Text size="sm" c="dimmed">{t('led.impl.due', { date: formatDate(f.dueOn) })} · {f.sentAt ? t('led.impl.sent', { to: f.sentTo, date: formatDate(f.sentAt) }) : t('led.impl.notSent')}</Text>
            {f.answeredAt && (
              <>
                <Text size="sm">{t('led.impl.answered', { date: formatDate(f.answeredAt), by: t(`led.impl.by.${f.answeredBy ?? 'staff'}`) })}</Text>
                <Text size="sm" style={wrap}>
                  {[f.jobsKept !== null ? `${t('led.impl.jobsKept')}: ${formatNumber(f.jobsKept)}` : null, f.whoPays ? `${t('led.impl.whoPays')}: ${f.whoPays}` : null].filter(Boolean).join(' · ')}
                </Text>
                {f.note && <Text size="sm" style={{ ...wrap, whiteSpace: 'pre-wrap' }}>{f.note}</Text>}
              </>
            )}
            {answering === f.months && <AnswerForm measure={measure} followUp={f} onDone={() => setAnswering(null)} />}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
