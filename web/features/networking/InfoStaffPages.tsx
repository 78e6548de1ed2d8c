import { Button, Group, Paper, Select, Stack, Tabs, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INFO_ENTRY_STATES, INFO_ENTRY_TYPES, type Enquiry, type FederationInfoEntry, type InfoEntry, type InfoEntryType } from '../../../contracts/networking-info.js';
import { ApiError } from '../../app/api.js';
import { useCan } from '../../app/session.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { Form } from '../../ui/Form.js';
import { LoadMore } from '../../ui/LoadMore.js';
import { Loading } from '../../ui/Loading.js';
import { notify } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import { useListParams } from '../../ui/use-list-params.js';
import { answerEnquiry, createInfoEntry, enquiriesPath, entryFromEnquiry, federationEntriesPath, infoEntriesPath, infoKeys, setInfoEntryState, updateInfoEntry } from './info-api.js';
import { EnquiryCard, EntryCard, splitCodes } from './InfoParts.js';

const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);

/** The editor of an entry: new (`entry` null) or an existing one. */
function EntryForm({ entry, onDone }: { entry: InfoEntry | null; onDone(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [v, setV] = useState({
    type: entry?.type ?? 'finance', title: entry?.title ?? '', body: entry?.body ?? '', source: entry?.source ?? '', sourceUrl: entry?.sourceUrl ?? '',
    reviewOn: entry?.reviewOn ?? inAYear(), sectors: entry?.sectors.join(', ') ?? '', hsCodes: entry?.hsCodes.join(', ') ?? '', countries: entry?.countries.join(', ') ?? '',
  });
  const save = useMutation({
    mutationFn: () => {
      const input = { ...v, type: v.type as InfoEntryType, sectors: splitCodes(v.sectors), hsCodes: splitCodes(v.hsCodes), countries: splitCodes(v.countries) };
      return entry ? updateInfoEntry(entry.id, input) : createInfoEntry(input);
    },
    onSuccess: async () => { await queryClient.invalidateQueries({ queryKey: infoKeys.entries }); notify(t('ui.saved')); onDone(); },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  const field = (name: keyof typeof v) => ({ value: v[name], error: errors[name], onChange: (e: { currentTarget: { value: string } }) => setV({ ...v, [name]: e.currentTarget.value }) });
  return (
    <Paper withBorder p="sm">
      <Form onSubmit={() => save.mutate()} gap="xs">
        <Select label={t('networkingInfo.type')} allowDeselect={false} data={INFO_ENTRY_TYPES.map((x) => ({ value: x, label: t(`networkingInfo.types.${x}`) }))} value={v.type} onChange={(x) => setV({ ...v, type: (x ?? 'finance') as InfoEntryType })} />
        <TextInput required label={t('networkingInfo.entryTitle')} maxLength={200} {...field('title')} />
        <Textarea label={t('networkingInfo.body')} autosize minRows={3} maxLength={10000} {...field('body')} />
        <TextInput required label={t('networkingInfo.source')} maxLength={500} {...field('source')} />
        <TextInput label={t('networkingInfo.sourceUrl')} type="url" maxLength={500} {...field('sourceUrl')} />
        <TextInput required label={t('networkingInfo.reviewOn')} type="date" {...field('reviewOn')} />
        <TextInput label={t('networking.sectors')} description={t('networking.sectorsHelp')} {...field('sectors')} error={errors['sectors.0'] ?? errors.sectors} />
        <TextInput label={t('networking.hsCodes')} description={t('networking.hsHelp')} {...field('hsCodes')} error={errors['hsCodes.0'] ?? errors.hsCodes} />
        <TextInput label={t('networking.countries')} {...field('countries')} error={errors['countries.0'] ?? errors.countries} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" mih={44} onClick={onDone}>{t('ui.confirm.cancel')}</Button>
          <Button type="submit" mih={44} loading={save.isPending}>{t('ui.save')}</Button>
        </Group>
        <ProblemAlert error={save.error} />
      </Form>
    </Paper>
  );
}

function EntryActions({ entry, onEdit }: { entry: InfoEntry; onEdit(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const move = useMutation({ mutationFn: (state: InfoEntry['state']) => setInfoEntryState(entry.id, state), onSuccess: () => queryClient.invalidateQueries({ queryKey: infoKeys.entries }) });
  return (
    <Group gap="xs" wrap="wrap">
      <Button size="xs" mih={44} variant="default" onClick={onEdit}>{t('networkingInfo.editEntry')}</Button>
      {entry.state !== 'published' && <Button size="xs" mih={44} loading={move.isPending} onClick={() => move.mutate('published')}>{t('networkingInfo.publish')}</Button>}
      {entry.state === 'published' && <Button size="xs" mih={44} variant="default" loading={move.isPending} onClick={() => move.mutate('draft')}>{t('networkingInfo.unpublish')}</Button>}
      {entry.state !== 'archived' && <Button size="xs" mih={44} variant="default" loading={move.isPending} onClick={() => move.mutate('archived')}>{t('networkingInfo.archive')}</Button>}
      <ProblemAlert error={move.error} />
    </Group>
  );
}

function EntriesTab() {
  const { t } = useTranslation();
  const can = useCan();
  const list = useListParams({ q: '', type: '', state: '', reviewDue: '', sort: '-updated' });
  const entries = useCursorPages<InfoEntry>(infoKeys.entries, infoEntriesPath, list.query);
  const [editing, setEditing] = useState<InfoEntry | null | 'new'>(null);
  return (
    <Stack gap="sm">
      {can('networking.manage') && editing === null && <Group><Button mih={44} leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>{t('networkingInfo.newEntry')}</Button></Group>}
      {editing !== null && <EntryForm key={editing === 'new' ? 'new' : editing.id} entry={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      <Group gap="xs" wrap="wrap" align="flex-end">
        <TextInput w={{ base: '100%', sm: 240 }} label={t('networking.search')} value={list.values.q} onChange={(e) => list.set('q', e.currentTarget.value)} />
        <Select w={{ base: '100%', sm: 220 }} label={t('networkingInfo.type')} clearable data={INFO_ENTRY_TYPES.map((x) => ({ value: x, label: t(`networkingInfo.types.${x}`) }))} value={list.values.type || null} onChange={(x) => list.set('type', x ?? '')} />
        <Select w={{ base: '100%', sm: 160 }} label={t('networking.state')} clearable data={INFO_ENTRY_STATES.map((x) => ({ value: x, label: t(`networkingInfo.states.${x}`) }))} value={list.values.state || null} onChange={(x) => list.set('state', x ?? '')} />
        <Button mih={44} variant={list.values.reviewDue ? 'filled' : 'default'} onClick={() => list.set('reviewDue', list.values.reviewDue ? '' : 'true')}>{t('networkingInfo.reviewDue')}</Button>
      </Group>
      <ProblemAlert error={entries.error} />
      {entries.isPending ? <Loading /> : !entries.items.length && <EmptyState>{t('networkingInfo.noEntries')}</EmptyState>}
      {entries.items.map((e) => <EntryCard key={e.id} entry={e} staff>{can('networking.manage') && <EntryActions entry={e} onEdit={() => setEditing(e)} />}</EntryCard>)}
      <LoadMore hasMore={Boolean(entries.hasNextPage)} loading={entries.isFetchingNextPage} onLoad={() => void entries.fetchNextPage()} />
    </Stack>
  );
}

/** What the umbrella and its branches share with this organisation (issue 18.8): searched as the own entries, read-only. */
function FederationTab() {
  const { t } = useTranslation();
  const list = useListParams({ q: '', type: '' });
  const entries = useCursorPages<FederationInfoEntry>(infoKeys.federationEntries, federationEntriesPath, list.query);
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">{t('networkingInfo.federationHelp')}</Text>
      <Group gap="xs" wrap="wrap" align="flex-end">
        <TextInput w={{ base: '100%', sm: 240 }} label={t('networking.search')} value={list.values.q} onChange={(e) => list.set('q', e.currentTarget.value)} />
        <Select w={{ base: '100%', sm: 220 }} label={t('networkingInfo.type')} clearable data={INFO_ENTRY_TYPES.map((x) => ({ value: x, label: t(`networkingInfo.types.${x}`) }))} value={list.values.type || null} onChange={(x) => list.set('type', x ?? '')} />
      </Group>
      <ProblemAlert error={entries.error} />
      {entries.isPending ? <Loading /> : !entries.items.length && <EmptyState>{t('networkingInfo.noFederationEntries')}</EmptyState>}
      {entries.items.map((e) => <EntryCard key={`${e.orgId}:${e.id}`} entry={e} />)}
      <LoadMore hasMore={Boolean(entries.hasNextPage)} loading={entries.isFetchingNextPage} onLoad={() => void entries.fetchNextPage()} />
    </Stack>
  );
}

function EnquiryActions({ enquiry }: { enquiry: Enquiry }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [answer, setAnswer] = useState('');
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: infoKeys.enquiries }), queryClient.invalidateQueries({ queryKey: infoKeys.entries })]);
  const send = useMutation({ mutationFn: () => answerEnquiry(enquiry.id, answer), onSuccess: refresh });
  const make = useMutation({ mutationFn: () => entryFromEnquiry(enquiry.id, { type: 'regulation', source: enquiry.firmName ? t('networkingInfo.enquiries') : '-', reviewOn: inAYear() }), onSuccess: async () => { await refresh(); notify(t('networkingInfo.entryMade')); } });
  if (enquiry.state === 'open') {
    return (
      <Form onSubmit={() => send.mutate()} gap="xs">
        <Textarea label={t('networkingInfo.answer')} autosize minRows={2} maxLength={10000} value={answer} onChange={(e) => setAnswer(e.currentTarget.value)} />
        <Group justify="flex-end"><Button type="submit" mih={44} loading={send.isPending}>{t('networkingInfo.sendAnswer')}</Button></Group>
        <ProblemAlert error={send.error} />
      </Form>
    );
  }
  if (enquiry.entryId) return <Text size="xs" c="dimmed">{t('networkingInfo.entryMade')}</Text>;
  return (
    <Group gap="xs"><Button size="xs" mih={44} variant="default" loading={make.isPending} onClick={() => make.mutate()}>{t('networkingInfo.makeEntry')}</Button><ProblemAlert error={make.error} /></Group>
  );
}

function EnquiriesTab() {
  const { t } = useTranslation();
  const can = useCan();
  const list = useListParams({ state: 'open' }, []);
  const enquiries = useCursorPages<Enquiry>(infoKeys.enquiries, enquiriesPath, list.query);
  return (
    <Stack gap="sm">
      <Select w={{ base: '100%', sm: 200 }} label={t('networking.state')} clearable data={(['open', 'answered'] as const).map((x) => ({ value: x, label: t(`networkingInfo.${x}`) }))} value={list.values.state || null} onChange={(x) => list.set('state', x ?? '')} />
      <ProblemAlert error={enquiries.error} />
      {enquiries.isPending ? <Loading /> : !enquiries.items.length && <EmptyState>{t('networkingInfo.noEnquiries')}</EmptyState>}
      {enquiries.items.map((q) => <EnquiryCard key={q.id} enquiry={q}>{can('networking.manage') && <EnquiryActions enquiry={q} />}</EnquiryCard>)}
      <LoadMore hasMore={Boolean(enquiries.hasNextPage)} loading={enquiries.isFetchingNextPage} onLoad={() => void enquiries.fetchNextPage()} />
    </Stack>
  );
}

/** Staff: the information service's entries (search, filters, review dates due, editor), the enquiries inbox, and what the federation shares. */
export function InfoServicePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('networkingInfo.title')} />
      <Tabs defaultValue="entries" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="entries" mih={44}>{t('networkingInfo.entries')}</Tabs.Tab>
          <Tabs.Tab value="enquiries" mih={44}>{t('networkingInfo.enquiries')}</Tabs.Tab>
          <Tabs.Tab value="federation" mih={44}>{t('networkingInfo.federation')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="entries" pt="sm"><EntriesTab /></Tabs.Panel>
        <Tabs.Panel value="enquiries" pt="sm"><EnquiriesTab /></Tabs.Panel>
        <Tabs.Panel value="federation" pt="sm"><FederationTab /></Tabs.Panel>
      </Tabs>
    </>
  );
}
