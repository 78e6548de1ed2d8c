import { Anchor, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MEASURE_ROLES, type MeasureDetail, type MeasureRole } from '../../../contracts/led-implementation.js';
import { AGE_BAND_NAMES, PERSON_SEXES, type PersonSex } from '../../../contracts/people.js';
import { ApiError } from '../../app/api.js';
import { formatDate, orgToday } from '../../app/format.js';
import { useCan } from '../../app/session.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { InlineForm } from '../../ui/InlineForm.js';
import { wrap } from '../../ui/wrap.js';
import { MemberPicker } from '../members/MemberPicker.js';
import { addMeasurePerson, ledKeys, removeMeasurePerson } from './api.js';
import { useMeasureChange } from './use-measure-change.js';

/** The people a measure reached (participants, new jobs, higher incomes), recorded in the people module, and the form that records one. */

interface PersonValues { role: MeasureRole; name: string; sex: PersonSex; birthYear: string; ageBand: string; phone: string; email: string; memberId: string; on: string }

function PersonForm({ measure, onDone }: { measure: MeasureDetail; onDone(): void }) {
  const { t } = useTranslation();
  const [v, setV] = useState<PersonValues>({ role: 'participant', name: '', sex: 'not_stated', birthYear: '', ageBand: '', phone: '', email: '', memberId: '', on: orgToday() });
  const set = <K extends keyof PersonValues>(key: K, value: PersonValues[K]) => setV((x) => ({ ...x, [key]: value }));
  const save = useMeasureChange(measure.id, () => addMeasurePerson(measure.id, {
    role: v.role, on: v.on,
    person: {
      name: v.name, sex: v.sex, birthYear: v.birthYear.trim() ? Number(v.birthYear) : null, ageBand: v.birthYear.trim() ? null : ((v.ageBand || null) as never),
      phone: v.phone, email: v.email, memberId: v.memberId || null,
    },
  }), onDone);
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  return (
    <InlineForm onSubmit={() => save.mutate([])} onCancel={onDone} saving={save.isPending} error={save.error}>
      <Text size="sm" c="dimmed">{t('led.impl.personHelp')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select label={t('led.impl.role')} allowDeselect={false} value={v.role} onChange={(x) => x && set('role', x as MeasureRole)}
          data={MEASURE_ROLES.map((r) => ({ value: r, label: t(`led.impl.roles.${r}`) }))} />
        <TextInput label={t('led.impl.on')} type="date" required value={v.on} error={errors.on} onChange={(e) => set('on', e.currentTarget.value)} />
        <TextInput label={t('peopleReached.name')} required value={v.name} error={errors['person.name']} onChange={(e) => set('name', e.currentTarget.value)} />
        <Select label={t('peopleReached.sex')} allowDeselect={false} value={v.sex} onChange={(x) => x && set('sex', x as PersonSex)}
          data={PERSON_SEXES.map((s) => ({ value: s, label: t(`peopleReached.sexes.${s}`) }))} />
        <TextInput label={t('peopleReached.birthYear')} description={t('peopleReached.birthYearHint')} inputMode="numeric" value={v.birthYear} error={errors['person.birthYear']}
          onChange={(e) => set('birthYear', e.currentTarget.value)} />
        <Select label={t('peopleReached.ageBand')} description={t('peopleReached.ageBandHint')} clearable disabled={!!v.birthYear.trim()} value={v.ageBand || null}
          error={errors['person.ageBand']} onChange={(x) => set('ageBand', x ?? '')} data={AGE_BAND_NAMES.map((b) => ({ value: b, label: t(`peopleReached.bands.${b}`) }))} />
        <TextInput label={t('peopleReached.phone')} type="tel" value={v.phone} error={errors['person.phone']} onChange={(e) => set('phone', e.currentTarget.value)} />
        <TextInput label={t('peopleReached.email')} type="email" value={v.email} error={errors['person.email']} onChange={(e) => set('email', e.currentTarget.value)} />
      </SimpleGrid>
      <MemberPicker label={t('peopleReached.firm')} value={v.memberId || null} onChange={(id) => set('memberId', id ?? '')} error={errors['person.memberId']} />
    </InlineForm>
  );
}

export function PeoplePanel({ measure }: { measure: MeasureDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const remove = async (personId: string, role: MeasureRole) => queryClient.setQueryData(ledKeys.measure(measure.id), await removeMeasurePerson(measure.id, personId, role));
  return (
    <Stack>
      {can('led.manage') && !adding && <Group><Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>{t('led.impl.addPerson')}</Button></Group>}
      {adding && <PersonForm measure={measure} onDone={() => setAdding(false)} />}
      {!measure.people.length && !adding && <EmptyState>{t('led.impl.noPeople')}</EmptyState>}
      {measure.people.map((p) => (
        <Paper key={`${p.role}-${p.personId}`} withBorder p="sm">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={2} style={{ ...wrap, flex: '1 1 200px' }}>
              <Group gap="xs">
                <Anchor component={Link} to={`/people-reached/${p.personId}`} fw={600} style={wrap}>{p.name}</Anchor>
                <Badge variant="light">{t(`led.impl.roles.${p.role}`)}</Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {[t(`peopleReached.sexes.${p.sex}`), t(`peopleReached.bands.${p.ageBand}`), p.firm?.name, formatDate(p.on)].filter(Boolean).join(' · ')}
              </Text>
            </Stack>
            {can('led.manage') && (
              <ConfirmButton label={t('ui.remove')} question={t('led.impl.removePersonQuestion', { name: p.name, role: t(`led.impl.roles.${p.role}`) })} onConfirm={() => remove(p.personId, p.role)} />
            )}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
