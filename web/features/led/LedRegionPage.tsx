import { Anchor, Badge, Button, Group, Stack, Switch, Tabs, Text } from '@mantine/core';
import { IconExternalLink, IconPencil } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useRegionName } from '../../app/reference.js';
import { useCan, useSession } from '../../app/session.js';
import { notify } from '../../ui/notify.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { Loading } from '../../ui/Loading.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { deleteRegion, fetchRegion, ledKeys, setRegionPublished } from './api.js';
import { BottlenecksTab } from './BottlenecksTab.js';
import { InterviewsTab } from './InterviewsTab.js';
import { MatrixTab } from './MatrixTab.js';
import { MeasuresTab } from './MeasuresTab.js';
import { ProfileTab } from './ProfileTab.js';
import { TeamTab } from './TeamTab.js';
import { useTabParam } from '../../ui/use-tab-param.js';

/** An LED region: its team and committee, profile, locational analysis, bottlenecks and measures. */
export function LedRegionPage() {
  const { t } = useTranslation();
  const tabs = useTabParam('team');
  const { id } = useParams();
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const region = useQuery({ queryKey: ledKeys.region(id!), queryFn: () => fetchRegion(id!) });
  const regionName = useRegionName([region.data?.region]);
  const { data: session } = useSession();
  const publish = useMutation({
    mutationFn: (published: boolean) => setRegionPublished(id!, published),
    onSuccess: (updated) => {
      queryClient.setQueryData(ledKeys.region(id!), updated);
      void queryClient.invalidateQueries({ queryKey: ledKeys.regions });
      notify(t('ui.saved'));
    },
  });
  if (region.isPending) return <Loading />;
  if (!region.data) return <ProblemAlert error={region.error} />;
  const r = region.data;
  return (
    <>
      <PageHeader title={r.name}>
        {can('led.manage') && (
          <>
            <Button component={Link} to={`/led/${r.id}/edit`} variant="default" leftSection={<IconPencil size={16} />}>{t('ui.edit')}</Button>
            <ConfirmButton variant="default" color="red" label={t('ui.remove')} question={t('led.removeRegionQuestion', { name: r.name })} onConfirm={async () => {
              await deleteRegion(r.id);
              await queryClient.invalidateQueries({ queryKey: ledKeys.regions });
              void navigate('/led');
            }} />
          </>
        )}
      </PageHeader>
      <Stack>
        <Group gap="xs">
          <Text c="dimmed">{[r.district, regionName(r.region)].filter(Boolean).join(', ')}</Text>
          {r.branchName && <Badge variant="light">{t('led.runBy', { branch: r.branchName })}</Badge>}
        </Group>
        {can('led.manage') && (
          <Switch checked={r.published} label={t('led.publish')} description={t('led.publishHelp')} onChange={(e) => publish.mutate(e.currentTarget.checked)} disabled={publish.isPending} />
        )}
        <ProblemAlert error={publish.error} />
        {r.published && session?.org && (
          <Anchor href={`/local-development/${session.org.id}/regions/${r.id}`} target="_blank" rel="noopener" mih={44} style={{ display: 'inline-flex', alignItems: 'center', gap: 4, alignSelf: 'flex-start' }}>
            <IconExternalLink size={16} />{t('led.openPublicPage')}
          </Anchor>
        )}
        <Tabs {...tabs} keepMounted={false}>
          <Tabs.List style={{ flexWrap: 'wrap' }}>
            <Tabs.Tab value="team" mih={44}>{t('led.tabs.team')}</Tabs.Tab>
            <Tabs.Tab value="profile" mih={44}>{t('led.tabs.profile')}</Tabs.Tab>
            <Tabs.Tab value="matrix" mih={44}>{t('led.tabs.matrix')}</Tabs.Tab>
            <Tabs.Tab value="interviews" mih={44}>{t('led.tabs.interviews')}</Tabs.Tab>
            <Tabs.Tab value="bottlenecks" mih={44}>{t('led.tabs.bottlenecks')}</Tabs.Tab>
            <Tabs.Tab value="measures" mih={44}>{t('led.tabs.measures')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="team" pt="md"><TeamTab region={r} /></Tabs.Panel>
          <Tabs.Panel value="profile" pt="md"><ProfileTab region={r} /></Tabs.Panel>
          <Tabs.Panel value="matrix" pt="md"><MatrixTab region={r} /></Tabs.Panel>
          <Tabs.Panel value="interviews" pt="md"><InterviewsTab region={r} /></Tabs.Panel>
          <Tabs.Panel value="bottlenecks" pt="md"><BottlenecksTab region={r} /></Tabs.Panel>
          <Tabs.Panel value="measures" pt="md"><MeasuresTab region={r} /></Tabs.Panel>
        </Tabs>
      </Stack>
    </>
  );
}
