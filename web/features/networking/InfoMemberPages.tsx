import { Button, Checkbox, Group, Paper, Select, Stack, Tabs, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INFO_ENTRY_TYPES, type Enquiry, type InfoEntry, type InfoSubscription } from '../../../contracts/networking-info.js';
import { ApiError } from '../../app/api.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { Form } from '../../ui/Form.js';
import { LoadMore } from '../../ui/LoadMore.js';
import { Loading } from '../../ui/Loading.js';
import { notify } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import { useListParams } from '../../ui/use-list-params.js';
import { askEnquiry, fetchInfoSubscription, infoKeys, myEnquiriesPath, myInfoEntriesPath, saveInfoSubscription } from './info-api.js';
import { EnquiryCard, EntryCard, splitCodes } from './InfoParts.js';

function BrowseTab() {
  const { t } = useTranslation();
  const list = useListParams({ q: '', type: '', sort: '-updated' });
  const entries = useCursorPages<InfoEntry>(infoKeys.myEntries, myInfoEntriesPath, list.query);
  return (
    <Stack gap="sm">
      <Group gap="xs" wrap="wrap" align="flex-end">
        <TextInput w={{ base: '100%', sm: 240 }} label={t('networking.search')} value={list.values.q} onChange={(e) => list.set('q', e.currentTarget.value)} />
        <Select w={{ base: '100%', sm: 240 }} label={t('networkingInfo.type')} clearable data={INFO_ENTRY_TYPES.map((x) => ({ value: x, label: t(`networkingInfo.types.${x}`) }))} value={list.values.type || null} onChange={(x) => list.set('type', x ?? '')} />
      </Group>
      <ProblemAlert error={entries.error} />
      {entries.isPending ? <Loading /> : !entries.items.length && <EmptyState>{t('networkingInfo.noEntries')}</EmptyState>}
      {entries.items.map((e) => <EntryCard key={e.id} entry={e} />)}
      <LoadMore hasMore={Boolean(entries.hasNextPage)} loading={entries.isFetchingNextPage} onLoad={() => void entries.fetchNextPage()} />
    </Stack>
  );
}

function SubscriptionForm({ initial }: { initial: InfoSubscription }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [v, setV] = useState({ active: initial.active, sectors: initial.sectors.join(', '), hsCodes: initial.hsCodes.join(', '), countries: initial.countries.join(', '), types: initial.types });
  const save = useMutation({
    mutationFn: () => saveInfoSubscription({ active: v.active, sectors: splitCodes(v.sectors), hsCodes: splitCodes(v.hsCodes), countries: splitCodes(v.countries), types: v.types }),
    onSuccess: (saved) => { queryClient.setQueryData(infoKeys.subscription, saved); notify(t('ui.saved')); },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  return (
    <Paper withBorder p="sm">
      <Form onSubmit={() => save.mutate()} gap="xs">
        <Title order={2} size="h4">{t('networkingInfo.mySubscription')}</Title>
        <Text size="sm" c="dimmed">{t('networkingInfo.subscriptionIntro')}</Text>
        <Checkbox label={t('networkingInfo.subscribed')} checked={v.active} onChange={(e) => setV({ ...v, active: e.currentTarget.checked })} />
        <TextInput label={t('networking.sectors')} description={t('networking.sectorsHelp')} value={v.sectors} error={errors['sectors.0']} onChange={(e) => setV({ ...v, sectors: e.currentTarget.value })} />
        <TextInput label={t('networking.hsCodes')} description={t('networking.hsHelp')} value={v.hsCodes} error={errors['hsCodes.0']} onChange={(e) => setV({ ...v, hsCodes: e.currentTarget.value })} />
        <TextInput label={t('networking.countries')} value={v.countries} error={errors['countries.0']} onChange={(e) => setV({ ...v, countries: e.currentTarget.value })} />
        <Checkbox.Group label={t('networkingInfo.type')} value={v.types} onChange={(types) => setV({ ...v, types: types as InfoSubscription['types'] })}>
          <Stack gap={4} mt={4}>{INFO_ENTRY_TYPES.map((x) => <Checkbox key={x} value={x} label={t(`networkingInfo.types.${x}`)} />)}</Stack>
        </Checkbox.Group>
        {initial.lastDigestAt && <Text size="xs" c="dimmed">{t('networkingInfo.lastDigest')}: {new Date(initial.lastDigestAt).toLocaleDateString()}</Text>}
        <Group justify="flex-end"><Button type="submit" mih={44} loading={save.isPending}>{t('ui.save')}</Button></Group>
        <ProblemAlert error={save.error} />
      </Form>
    </Paper>
  );
}

function EnquiriesTab() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const enquiries = useCursorPages<Enquiry>(infoKeys.myEnquiries, myEnquiriesPath, {});
  const [v, setV] = useState({ subject: '', question: '' });
  const ask = useMutation({
    mutationFn: () => askEnquiry(v),
    onSuccess: async () => { setV({ subject: '', question: '' }); await queryClient.invalidateQueries({ queryKey: infoKeys.myEnquiries }); notify(t('ui.saved')); },
  });
  const errors = ask.error instanceof ApiError ? ask.error.fieldErrors : {};
  return (
    <Stack gap="sm">
      <Paper withBorder p="sm">
        <Form onSubmit={() => ask.mutate()} gap="xs">
          <Title order={2} size="h4">{t('networkingInfo.askQuestion')}</Title>
          <TextInput required label={t('networkingInfo.subject')} maxLength={200} value={v.subject} error={errors.subject} onChange={(e) => setV({ ...v, subject: e.currentTarget.value })} />
          <Textarea required label={t('networkingInfo.question')} autosize minRows={3} maxLength={5000} value={v.question} error={errors.question} onChange={(e) => setV({ ...v, question: e.currentTarget.value })} />
          <Group justify="flex-end"><Button type="submit" mih={44} loading={ask.isPending}>{t('networkingInfo.askQuestion')}</Button></Group>
          <ProblemAlert error={ask.error} />
        </Form>
      </Paper>
      <Title order={2} size="h4">{t('networkingInfo.myEnquiries')}</Title>
      <ProblemAlert error={enquiries.error} />
      {enquiries.isPending ? <Loading /> : !enquiries.items.length && <EmptyState>{t('networkingInfo.noEnquiries')}</EmptyState>}
      {enquiries.items.map((q) => <EnquiryCard key={q.id} enquiry={q} />)}
      <LoadMore hasMore={Boolean(enquiries.hasNextPage)} loading={enquiries.isFetchingNextPage} onLoad={() => void enquiries.fetchNextPage()} />
    </Stack>
  );
}

/** A member firm: the information service's entries, what it follows (the weekly digest), its questions and their answers. */
export function MyInfoPage() {
  const { t } = useTranslation();
  const subscription = useQuery({ queryKey: infoKeys.subscription, queryFn: fetchInfoSubscription });
  return (
    <>
      <PageHeader title={t('networkingInfo.title')} />
      <Tabs defaultValue="entries" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="entries" mih={44}>{t('networkingInfo.entries')}</Tabs.Tab>
          <Tabs.Tab value="subscription" mih={44}>{t('networkingInfo.mySubscription')}</Tabs.Tab>
          <Tabs.Tab value="enquiries" mih={44}>{t('networkingInfo.myEnquiries')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="entries" pt="sm"><BrowseTab /></Tabs.Panel>
        <Tabs.Panel value="subscription" pt="sm">{subscription.data ? <SubscriptionForm initial={subscription.data} /> : subscription.error ? <ProblemAlert error={subscription.error} /> : <Loading />}</Tabs.Panel>
        <Tabs.Panel value="enquiries" pt="sm"><EnquiriesTab /></Tabs.Panel>
      </Tabs>
    </>
  );
}
