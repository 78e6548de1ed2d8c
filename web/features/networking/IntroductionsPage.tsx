import { Button, Group, Select, Stack, Tabs, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INTRODUCTION_STATES, type Introduction } from '../../../contracts/networking.js';
import { useCan } from '../../app/session.js';
import { LoadMore } from '../../ui/LoadMore.js';
import { Loading } from '../../ui/Loading.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import { useListParams } from '../../ui/use-list-params.js';
import { useTabParam } from '../../ui/use-tab-param.js';
import { introductionsPath, networkingKeys } from './api.js';
import { DealFollowUpsSection } from './DealFollowUps.js';
import { IntroductionList } from './IntroductionList.js';
import { IntroduceTwoFirms } from './StaffForms.js';

/** Introductions the chamber made, followed from proposed to a deal or none. */
export function IntroductionsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [adding, setAdding] = useState(false);
  const list = useListParams({ state: '', sort: '-updated' });
  const intros = useCursorPages<Introduction>(networkingKeys.introductions, introductionsPath, list.query);
  const tabs = useTabParam('introductions');
  return (
    <>
      <PageHeader title={t('nav.networkingIntroductions')}>
        {can('networking.manage') && !adding && <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>{t('networking.introduceTwo')}</Button>}
      </PageHeader>
      <Tabs {...tabs} keepMounted={false}>
        <Tabs.List style={{ flexWrap: 'wrap' }}>
          <Tabs.Tab value="introductions">{t('nav.networkingIntroductions')}</Tabs.Tab>
          <Tabs.Tab value="follow-ups">{t('networking.dealFollowUps.title')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="follow-ups" pt="sm"><DealFollowUpsSection /></Tabs.Panel>
        <Tabs.Panel value="introductions" pt="sm">
          <Stack>
            <Text size="sm" c="dimmed">{t('networking.introductionsIntro')}</Text>
            {adding && <IntroduceTwoFirms onDone={() => setAdding(false)} />}
            <Group align="flex-end">
              <Select label={t('networking.state')} clearable data={INTRODUCTION_STATES.map((s) => ({ value: s, label: t(`networking.introductionStates.${s}`) }))} value={list.values.state || null} onChange={(v) => list.set('state', v ?? '')} />
              <Select label={t('networking.sort')} allowDeselect={false} value={list.values.sort} onChange={(v) => list.set('sort', v ?? '-updated')}
                data={['-updated', 'updated', '-created', 'created'].map((v) => ({ value: v, label: t(`networking.sorts.${v}`) }))} />
            </Group>
            <ProblemAlert error={intros.error} />
            {intros.isPending ? <Loading /> : <IntroductionList items={intros.items} />}
            <LoadMore hasMore={!!intros.hasNextPage} loading={intros.isFetchingNextPage} onLoad={() => void intros.fetchNextPage()} />
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
