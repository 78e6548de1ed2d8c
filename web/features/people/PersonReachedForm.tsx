import { Anchor, Button, Group, Loader, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { AGE_BAND_NAMES, PERSON_SEXES, type PersonDetail, type PersonMatch } from '../../../contracts/people.js';
import { ApiError } from '../../app/api.js';
import { memberKeys, pickMembers } from '../members/api.js';
import { fetchBranches, orgKeys } from '../orgs/api.js';
import { Form } from '../../ui/Form.js';
import { Loading } from '../../ui/Loading.js';
import { notify } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useLeaveGuard } from '../../ui/use-leave-guard.js';
import {
  createPersonReached, emptyPersonForm, fetchMatches, fetchPersonReached, formOf, inputOf, peopleReachedKeys, updatePersonReached, type PersonFormValues,
} from './api.js';

/** A member firm by part of its name; the one chosen stays shown by name. */
function FirmSelect({ value, name, onChange, error }: { value: string | null; name: string | null; onChange(id: string | null, name: string | null): void; error?: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const found = useQuery({ queryKey: memberKeys.picker(q, undefined), queryFn: () => pickMembers(q, undefined), enabled: q.trim().length >= 2 });
  const data = (found.data?.items ?? []).map((m) => ({ value: m.id, label: m.legalName }));
  if (value && name && !data.some((d) => d.value === value)) data.unshift({ value, label: name });
  return (
    <Select label={t('peopleReached.firm')} placeholder={t('members.pickerPlaceholder')} searchable clearable data={data} value={value}
      filter={({ options }) => options} searchValue={search} onSearchChange={setSearch}
      onChange={(id) => onChange(id, data.find((d) => d.value === id)?.label ?? null)}
      nothingFoundMessage={q.trim().length < 2 ? t('members.pickerTypeMore') : found.isFetching ? t('ui.loading') : t('members.pickerNone')}
      rightSection={found.isFetching ? <Loader size="xs" /> : undefined} error={error} />
  );
}

/** Who the person typed in may already be, shown before saving, surest first. */
function Matches({ matches, onSaveAnyway, saving }: { matches: PersonMatch[]; onSaveAnyway?: () => void; saving: boolean }) {
  const { t } = useTranslation();
  const same = matches.some((m) => m.strength === 'same');
  return (
    // As the issues that read alike when raising one: a quiet panel, text in the page's own colours (contrast).
    <Paper withBorder p="sm" bg="var(--mantine-color-yellow-light)" role="status">
      <Stack gap="xs">
        <Text size="sm" fw={600}>{t('peopleReached.matchesTitle')}</Text>
        <Text size="sm">{same ? t('peopleReached.sameHint') : t('peopleReached.probableHint')}</Text>
        {matches.map((m) => (
          <Group key={m.person.id} justify="space-between" wrap="nowrap" gap="xs">
            <Text size="sm">
              <Text span fw={600}>{m.person.name}</Text>
              {' — '}{m.reasons.map((r) => t(`peopleReached.reasons.${r}`)).join(', ')}
              {[m.person.birthYear, m.person.phone, m.person.member?.name].filter(Boolean).length > 0 && (
                <Text span> ({[m.person.birthYear, m.person.phone, m.person.member?.name].filter(Boolean).join(' · ')})</Text>
              )}
            </Text>
            <Anchor component={Link} to={`/people-reached/${m.person.id}`} size="sm">{t('peopleReached.open')}</Anchor>
          </Group>
        ))}
        {onSaveAnyway && <Group><Button variant="light" color="gray" loading={saving} onClick={onSaveAnyway}>{t('peopleReached.saveAnyway')}</Button></Group>}
      </Stack>
    </Paper>
  );
}

function PersonForm({ person }: { person: PersonDetail | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const initial = person ? formOf(person) : emptyPersonForm();
  const [values, setValues] = useState<PersonFormValues>(initial);
  const dirty = JSON.stringify(values) !== JSON.stringify(initial);
  const guard = useLeaveGuard(dirty);
  const branches = useQuery({ queryKey: orgKeys.branches, queryFn: fetchBranches });
  const set = <K extends keyof PersonFormValues>(key: K, value: PersonFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  // Asked as the person is typed: the same phone or e-mail, or name, birth year and firm.
  const year = /^\d{4}$/.test(values.birthYear.trim()) ? Number(values.birthYear.trim()) : undefined;
  const [asked] = useDebouncedValue({ name: values.name.trim(), phone: values.phone.trim(), email: values.email.trim(), birthYear: year, memberId: values.memberId ?? undefined, excludeId: person?.id }, 400);
  const worthAsking = asked.phone.replace(/\D/g, '').length >= 7 || asked.email.includes('@') || (asked.name.length >= 2 && asked.birthYear !== undefined);
  const matches = useQuery({ queryKey: peopleReachedKeys.matches(asked), queryFn: () => fetchMatches(asked), enabled: worthAsking });
  const found = worthAsking ? (matches.data?.items ?? []) : [];

  const save = useMutation({
    mutationFn: (confirmedNew: boolean) => (person ? updatePersonReached(person.id, inputOf(values)) : createPersonReached({ ...inputOf(values), confirmedNew })),
    onSuccess: async (saved) => {
      guard.release();
      await queryClient.invalidateQueries({ queryKey: peopleReachedKeys.all });
      notify(person ? t('ui.saved') : t('peopleReached.created'));
      void navigate(`/people-reached/${saved.id}`);
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  const text = (key: 'name' | 'phone' | 'email' | 'notes' | 'birthYear') => ({
    value: values[key], error: errors[key], onChange: (e: { currentTarget: { value: string } }) => set(key, e.currentTarget.value),
  });
  return (
    <Form onSubmit={() => save.mutate(false)} gap="sm" maw={720}>
      <TextInput label={t('peopleReached.name')} required data-autofocus autoComplete="off" {...text('name')} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select label={t('peopleReached.sex')} allowDeselect={false} value={values.sex} onChange={(v) => v && set('sex', v as PersonFormValues['sex'])}
          data={PERSON_SEXES.map((s) => ({ value: s, label: t(`peopleReached.sexes.${s}`) }))} error={errors.sex} />
        <TextInput label={t('peopleReached.birthYear')} description={t('peopleReached.birthYearHint')} inputMode="numeric" maxLength={4} {...text('birthYear')} />
        <Select label={t('peopleReached.ageBand')} description={t('peopleReached.ageBandHint')} clearable disabled={values.birthYear.trim() !== ''}
          value={values.birthYear.trim() ? null : values.ageBand} onChange={(v) => set('ageBand', v as PersonFormValues['ageBand'])}
          data={AGE_BAND_NAMES.map((b) => ({ value: b, label: t(`peopleReached.bands.${b}`) }))} error={errors.ageBand} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput type="tel" label={t('peopleReached.phone')} autoComplete="off" {...text('phone')} />
        <TextInput type="email" label={t('peopleReached.email')} autoComplete="off" {...text('email')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <FirmSelect value={values.memberId} name={values.memberName} error={errors.memberId} onChange={(id, name) => setValues((v) => ({ ...v, memberId: id, memberName: name }))} />
        {(branches.data?.items.length ?? 0) > 0 && (
          <Select label={t('peopleReached.branch')} placeholder={t('peopleReached.noBranch')} clearable value={values.branchId} onChange={(v) => set('branchId', v)}
            data={branches.data!.items.map((b) => ({ value: b.id, label: b.name }))} error={errors.branchId} />
        )}
      </SimpleGrid>
      <Textarea label={t('peopleReached.notes')} autosize minRows={2} {...text('notes')} />
      {found.length > 0 && <Matches matches={found} saving={save.isPending} onSaveAnyway={person ? undefined : () => save.mutate(true)} />}
      <ProblemAlert error={save.error} />
      <Group justify="flex-end">
        <Button variant="default" component={Link} to={person ? `/people-reached/${person.id}` : '/people-reached'}>{t('ui.confirm.cancel')}</Button>
        <Button type="submit" loading={save.isPending}>{t('ui.save')}</Button>
      </Group>
      {guard.dialog}
    </Form>
  );
}

/** Recording a person, or changing one: `/people-reached/new`, `/people-reached/:id/edit`. */
export function PersonReachedFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const person = useQuery({ queryKey: peopleReachedKeys.one(id ?? ''), queryFn: () => fetchPersonReached(id!), enabled: !!id });
  if (id && person.isPending) return <Loading />;
  if (id && !person.data) return <ProblemAlert error={person.error} />;
  return (
    <>
      <PageHeader title={id ? t('peopleReached.editTitle') : t('peopleReached.add')} />
      <PersonForm key={person.data?.updatedAt ?? 'new'} person={person.data ?? null} />
    </>
  );
}
