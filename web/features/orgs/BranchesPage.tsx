import { Button, Group, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ORG_KINDS, OrgInput, type Branch } from '../../../contracts/orgs.js';
import { can as roleCan } from '../../../contracts/permissions.js';
import { formatDate } from '../../app/format.js';
import { useLanguageName, useRegionName } from '../../app/reference.js';
import { SESSION_KEY, switchOrg, useAcceptSession, useCan, useSession } from '../../app/session.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { useConfirm } from '../../ui/confirm.js';
import { DataTable } from '../../ui/DataTable.js';
import { ExportMenu } from '../../ui/ExportMenu.js';
import { LoadMore } from '../../ui/LoadMore.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import { useListParams } from '../../ui/use-list-params.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { applyServerErrors, useContractForm } from '../../ui/use-contract-form.js';
import { attachBranch, branchesPath, createBranch, detachBranch, orgKeys } from './api.js';
import { emptyOrg, OrgFields } from './OrgFields.js';
import { notify } from '../../ui/notify.js';

function NewBranch({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const queryClient = useQueryClient();
  const form = useContractForm(OrgInput, emptyOrg(session?.org?.country, session?.org?.currency));
  const create = useMutation({
    mutationFn: (values: typeof form.values) => createBranch(values),
    onSuccess: async (b) => {
      await queryClient.invalidateQueries({ queryKey: orgKeys.branches });
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      notify(t('branches.created', { name: b.name }));
      onDone();
    },
    onError: (error) => applyServerErrors(form, error),
  });
  return (
    <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate>
      <Stack>
        <ProblemAlert error={create.error} />
        <OrgFields form={form} branch />
        <Button type="submit" loading={create.isPending}>{t('branches.create')}</Button>
      </Stack>
    </form>
  );
}

function AttachBranch({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const queryClient = useQueryClient();
  // Organisations this person administers that have no umbrella yet.
  const candidates = (session?.orgs ?? []).filter((o) => roleCan(o.role, 'branches.manage') && !o.parentId && o.id !== session?.org?.id);
  const [ask, confirmDialog] = useConfirm();
  const [chosen, setChosen] = useState<string | null>(null);
  const attach = useMutation({
    mutationFn: attachBranch,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: orgKeys.branches });
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      onDone();
    },
  });
  if (candidates.length === 0) return <Text size="sm" c="dimmed">{t('branches.noCandidates')}</Text>;
  return (
    <Stack>
      <ProblemAlert error={attach.error} />
      {confirmDialog}
      <Select
        label={t('branches.attachWhich')}
        data={candidates.map((o) => ({ value: o.id, label: o.name }))}
        value={chosen}
        disabled={attach.isPending}
        onChange={(id) => {
          const branch = candidates.find((o) => o.id === id);
          if (!branch) return;
          setChosen(branch.id);
          // The umbrella will see the branch's summaries: asked first, as every change of who sees what is.
          void ask({ question: t('branches.attachQuestion', { branch: branch.name, umbrella: session?.org?.name ?? '' }), confirmLabel: t('branches.attach'), color: 'blue' })
            .then((ok) => (ok ? attach.mutate(branch.id) : setChosen(null)));
        }}
      />
    </Stack>
  );
}

export function BranchesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const accept = useAcceptSession();
  const { data: session } = useSession();
  const queryClient = useQueryClient();
  const manage = can('branches.manage');
  const [creating, createModal] = useDisclosure(false);
  const [attaching, attachModal] = useDisclosure(false);
  // The search, the type and the order stay in the address; the server sorts and pages.
  const list = useListParams({ q: '', kind: '', sort: 'name' });
  const branches = useCursorPages<Branch>(orgKeys.branches, branchesPath, list.query);
  const languageName = useLanguageName(branches.items.flatMap((b) => b.languages));
  const regionName = useRegionName(branches.items.flatMap((b) => b.regions));
  const detach = useMutation({
    mutationFn: detachBranch,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.branches }),
  });
  const myOrgs = new Set(session?.orgs.map((o) => o.id));
  const switchTo = async (orgId: string) => {
    await accept(await switchOrg(orgId));
    void navigate('/');
  };
  return (
    <Stack>
      <PageHeader title={t('nav.branches')}>
        {can('branches.export') && <ExportMenu path={branchesPath} query={list.query} />}
        {manage && <Button onClick={createModal.open}>{t('branches.new')}</Button>}
        {manage && <Button variant="default" onClick={attachModal.open}>{t('branches.attach')}</Button>}
      </PageHeader>
      <Text size="sm" c="dimmed">{t('branches.intro')}</Text>
      <Group align="flex-end">
        <TextInput label={t('branches.search')} leftSection={<IconSearch size={16} />} value={list.values.q} onChange={(e) => list.set('q', e.currentTarget.value)} />
        <Select label={t('org.kind')} clearable w={240} value={list.values.kind || null} onChange={(v) => list.set('kind', v ?? '')}
          data={ORG_KINDS.map((k) => ({ value: k, label: t(`org.kinds.${k}`) }))} />
      </Group>
      <ProblemAlert error={branches.error ?? detach.error} />
      <DataTable
        pending={branches.isPending}
        empty={branches.items.length === 0}
        emptyText={list.values.q || list.values.kind ? t('branches.noneMatch') : t('branches.empty')}
        minWidth={640}
        sort={list.sort}
        headers={[{ label: t('org.name'), sort: 'name' }, t('org.regions'), t('org.languages'), { label: t('branches.since'), sort: 'since' }, '']}
      >
        {branches.items.map((b) => (
          <Table.Tr key={b.id}>
            <Table.Td>{b.name}</Table.Td>
            <Table.Td title={b.regions.join(', ') || undefined}>{b.regions.map(regionName).join(', ') || '—'}</Table.Td>
            <Table.Td>{b.languages.map(languageName).join(', ')}</Table.Td>
            <Table.Td>{formatDate(b.createdAt)}</Table.Td>
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                {myOrgs.has(b.id) && <Button size="xs" variant="light" onClick={() => void switchTo(b.id)}>{t('branches.open')}</Button>}
                {manage && <ConfirmButton label={t('branches.detach')} question={t('branches.detachQuestion', { name: b.name })} onConfirm={() => detach.mutateAsync(b.id)} />}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <LoadMore hasMore={branches.hasNextPage} loading={branches.isFetchingNextPage} onLoad={() => void branches.fetchNextPage()} />
      <Modal opened={creating} onClose={createModal.close} title={t('branches.new')} size="lg">
        <NewBranch onDone={createModal.close} />
      </Modal>
      <Modal opened={attaching} onClose={attachModal.close} title={t('branches.attach')}>
        <AttachBranch onDone={attachModal.close} />
      </Modal>
    </Stack>
  );
}
