import { Badge, Button, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LED_BODIES, LED_SECTORS, type LedRegionDetail, type LedSector, type LedTeamMember } from '../../../contracts/led.js';
import { ApiError } from '../../app/api.js';
import { useCan } from '../../app/session.js';
import { EditRemove } from '../../ui/EditRemove.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { InlineForm } from '../../ui/InlineForm.js';
import { notify } from '../../ui/notify.js';
import { useLeaveGuard } from '../../ui/use-leave-guard.js';
import { decisionMakerKeys, pickDecisionMakers } from '../advocacy/decision-makers-api.js';
import { fetchContacts, memberKeys } from '../members/api.js';
import { MemberPicker } from '../members/MemberPicker.js';
import { addPart, ledKeys, removePart, updatePart } from './api.js';

export const sectorColor: Record<LedSector, string> = { private: 'blue', public: 'grape', semi_public: 'teal' };

type Source = 'typed' | 'contact' | 'decision_maker';
interface TeamValues {
  source: Source; body: 'team' | 'committee'; name: string; sector: LedSector; sectorKind: string; organisation: string; role: string; email: string; phone: string;
  memberId: string; contactId: string; decisionMakerId: string;
}

const valuesOf = (m: LedTeamMember | null): TeamValues => ({
  source: m?.contactId ? 'contact' : m?.decisionMakerId ? 'decision_maker' : 'typed',
  body: m?.body ?? 'team', name: m?.name ?? '', sector: m?.sector ?? 'private', sectorKind: m?.sectorKind ?? '', organisation: m?.organisation ?? '',
  role: m?.role ?? '', email: m?.email ?? '', phone: m?.phone ?? '', memberId: m?.memberId ?? '', contactId: m?.contactId ?? '', decisionMakerId: m?.decisionMakerId ?? '',
});

/** A decision-maker found by typing part of their name. */
function DecisionMakerSelect({ value, onChange, error }: { value: string; onChange(id: string): void; error?: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const found = useQuery({ queryKey: decisionMakerKeys.pick(q), queryFn: () => pickDecisionMakers(q) });
  return (
    <Select label={t('led.decisionMaker')} required searchable clearable data={(found.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
      value={value || null} onChange={(v) => onChange(v ?? '')} searchValue={search} onSearchChange={setSearch} filter={({ options }) => options}
      nothingFoundMessage={t('led.noneFound')} error={error} />
  );
}

function TeamForm({ region, member, onDone }: { region: LedRegionDetail; member: LedTeamMember | null; onDone(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const can = useCan();
  const initial = valuesOf(member);
  const [values, setValues] = useState(initial);
  const guard = useLeaveGuard(JSON.stringify(values) !== JSON.stringify(initial));
  const set = <K extends keyof TeamValues>(key: K, value: TeamValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const contacts = useQuery({ queryKey: memberKeys.contacts(values.memberId), queryFn: () => fetchContacts(values.memberId), enabled: values.source === 'contact' && !!values.memberId });
  const input = () => ({
    body: values.body, name: values.name, sector: values.sector, sectorKind: values.sectorKind, organisation: values.organisation, role: values.role,
    email: values.email, phone: values.phone,
    memberId: values.source === 'contact' ? values.memberId || null : null,
    contactId: values.source === 'contact' ? values.contactId || null : null,
    decisionMakerId: values.source === 'decision_maker' ? values.decisionMakerId || null : null,
  });
  const save = useMutation({
    mutationFn: () => (member ? updatePart(region.id, 'team', member.id, input()) : addPart(region.id, 'team', input())),
    onSuccess: (saved) => {
      guard.release();
      queryClient.setQueryData(ledKeys.region(region.id), saved);
      void queryClient.invalidateQueries({ queryKey: ledKeys.regions });
      notify(t('ui.saved'));
      onDone();
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  const text = (key: 'name' | 'sectorKind' | 'organisation' | 'role' | 'email' | 'phone') => ({
    value: values[key], error: errors[key], onChange: (e: { currentTarget: { value: string } }) => set(key, e.currentTarget.value),
  });
  const sources: Source[] = ['typed', ...(can('members.read') ? ['contact' as const] : []), ...(can('advocacy.read') ? ['decision_maker' as const] : [])];
  return (
    <InlineForm onSubmit={() => save.mutate()} onCancel={onDone} saving={save.isPending} error={save.error}>
      <SegmentedControl fullWidth value={values.body} onChange={(v) => set('body', v as TeamValues['body'])} data={LED_BODIES.map((b) => ({ value: b, label: t(`led.bodies.${b}`) }))} />
      {sources.length > 1 && (
        <Select label={t('led.personFrom')} allowDeselect={false} value={values.source} onChange={(v) => v && set('source', v as Source)}
          data={sources.map((s) => ({ value: s, label: t(`led.sources.${s}`) }))} />
      )}
      {values.source === 'contact' && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MemberPicker label={t('led.firm')} value={values.memberId || null} onChange={(id) => setValues((v) => ({ ...v, memberId: id ?? '', contactId: '' }))} error={errors.memberId} />
          <Select label={t('led.contact')} required data={(contacts.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} value={values.contactId || null}
            onChange={(v) => set('contactId', v ?? '')} error={errors.contactId} nothingFoundMessage={t('led.noContacts')} />
        </SimpleGrid>
      )}
      {values.source === 'decision_maker' && <DecisionMakerSelect value={values.decisionMakerId} onChange={(id) => set('decisionMakerId', id)} error={errors.decisionMakerId} />}
      <TextInput label={t('led.personName')} description={values.source === 'typed' ? undefined : t('led.personNameHelp')} required={values.source === 'typed'} {...text('name')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select label={t('led.sector')} allowDeselect={false} value={values.sector} onChange={(v) => v && set('sector', v as LedSector)}
          data={LED_SECTORS.map((s) => ({ value: s, label: t(`led.sectors.${s}`) }))} error={errors.sector} />
        <TextInput label={t('led.sectorKind')} description={t('led.sectorKindHelp')} {...text('sectorKind')} />
        <TextInput label={t('led.organisation')} {...text('organisation')} />
        <TextInput label={t('led.role')} {...text('role')} />
        <TextInput label={t('led.email')} type="email" {...text('email')} />
        <TextInput label={t('led.phone')} type="tel" {...text('phone')} />
      </SimpleGrid>
    </InlineForm>
  );
}

/** The region's LED team and committee: committed people of the private, public and semi-public sectors. */
export function TeamTab({ region }: { region: LedRegionDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<LedTeamMember | 'new' | null>(null);
  const remove = async (m: LedTeamMember) => {
    queryClient.setQueryData(ledKeys.region(region.id), await removePart(region.id, 'team', m.id));
    void queryClient.invalidateQueries({ queryKey: ledKeys.regions });
  };
  return (
    <Stack>
      <Text size="sm" c="dimmed">{t('led.teamIntro')}</Text>
      {can('led.manage') && editing === null && <Group><Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>{t('led.addPerson')}</Button></Group>}
      {editing === 'new' && <TeamForm region={region} member={null} onDone={() => setEditing(null)} />}
      {!region.team.length && editing === null && <EmptyState>{t('led.noTeam')}</EmptyState>}
      {LED_BODIES.map((body) => {
        const people = region.team.filter((m) => m.body === body);
        if (!people.length) return null;
        return (
          <Stack key={body} gap="xs">
            <Text fw={600}>{t(`led.bodies.${body}`)}</Text>
            {people.map((m) => (editing !== 'new' && editing?.id === m.id ? <TeamForm key={m.id} region={region} member={m} onDone={() => setEditing(null)} /> : (
              <Paper key={m.id} withBorder p="sm">
                <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                  <Stack gap={2} style={{ minWidth: 0, flex: '1 1 200px' }}>
                    <Text fw={600} style={{ overflowWrap: 'anywhere' }}>{m.name}</Text>
                    <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>{[m.role, m.organisation || m.firmName].filter(Boolean).join(', ')}</Text>
                    <Group gap={4}>
                      <Badge variant="light" color={sectorColor[m.sector]}>{t(`led.sectors.${m.sector}`)}</Badge>
                      {m.sectorKind && <Badge variant="outline" color="gray">{m.sectorKind}</Badge>}
                    </Group>
                    {(m.email || m.phone) && <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{[m.email, m.phone].filter(Boolean).join(' · ')}</Text>}
                  </Stack>
                  {can('led.manage') && <EditRemove onEdit={() => setEditing(m)} question={t('led.removePersonQuestion', { name: m.name })} onRemove={() => remove(m)} />}
                </Group>
              </Paper>
            )))}
          </Stack>
        );
      })}
    </Stack>
  );
}
