import { ActionIcon, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconExternalLink, IconMinus, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_QUALITY_LEVELS, PRODUCT_STATES, type Product, type QualityScale } from '../../../contracts/networking-showcase.js';
import { ApiError } from '../../app/api.js';
import { useCan, useSession } from '../../app/session.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { Form } from '../../ui/Form.js';
import { LoadMore } from '../../ui/LoadMore.js';
import { Loading } from '../../ui/Loading.js';
import { notify } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import { useListParams } from '../../ui/use-list-params.js';
import { fetchQualityScale, myProductsPath, productsPath, saveQualityScale, showcaseKeys } from './showcase-api.js';
import { ProductCard, ProductForm } from './ShowcaseParts.js';

/** The organisation's quality scale: its name and one label per level (1 to 5), lowest first. */
function QualityScaleForm({ initial }: { initial: QualityScale }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [v, setV] = useState<QualityScale>(initial);
  const save = useMutation({
    mutationFn: () => saveQualityScale(v),
    onSuccess: (saved) => { queryClient.setQueryData(showcaseKeys.scale, saved); notify(t('ui.saved')); },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  const setLevel = (i: number, label: string) => setV({ ...v, levels: v.levels.map((l, j) => (j === i ? label : l)) });
  return (
    <Paper withBorder p="sm">
      <Form onSubmit={() => save.mutate()} gap="xs">
        <Title order={2} size="h4">{t('networking.showcase.scaleTitle')}</Title>
        <TextInput label={t('networking.showcase.scaleName')} description={t('networking.showcase.scaleNameHelp')} maxLength={100} value={v.name} error={errors.name}
          onChange={(e) => setV({ ...v, name: e.currentTarget.value })} />
        {v.levels.map((label, i) => (
          <TextInput key={i} label={t('networking.showcase.levelLabel', { n: i + 1 })} maxLength={100} value={label} error={errors[`levels.${i}`]} onChange={(e) => setLevel(i, e.currentTarget.value)} />
        ))}
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs">
            <ActionIcon size={44} variant="default" aria-label={t('networking.showcase.removeLevel')} disabled={v.levels.length <= 1} onClick={() => setV({ ...v, levels: v.levels.slice(0, -1) })}><IconMinus size={16} /></ActionIcon>
            <ActionIcon size={44} variant="default" aria-label={t('networking.showcase.addLevel')} disabled={v.levels.length >= MAX_QUALITY_LEVELS} onClick={() => setV({ ...v, levels: [...v.levels, ''] })}><IconPlus size={16} /></ActionIcon>
          </Group>
          <Button type="submit" mih={44} loading={save.isPending}>{t('ui.save')}</Button>
        </Group>
        <ProblemAlert error={save.error} />
      </Form>
    </Paper>
  );
}

function ProductList({ own, items, loading, hasMore, onMore }: { own: boolean; items: Product[]; loading: boolean; hasMore: boolean; onMore(): void }) {
  const { t } = useTranslation();
  if (loading) return <Loading />;
  return (
    <Stack gap="sm">
      {!items.length && <EmptyState>{t('networking.showcase.none')}</EmptyState>}
      {items.map((p) => <ProductCard key={p.id} own={own} product={p} />)}
      <LoadMore hasMore={hasMore} loading={loading} onLoad={onMore} />
    </Stack>
  );
}

/** Staff: the showcase of local products, its review queue and the quality scale. */
export function ShowcasePage() {
  const { t } = useTranslation();
  const can = useCan();
  const orgId = useSession().data?.org?.id;
  const list = useListParams({ state: '', sort: '-updated' }, []);
  const products = useCursorPages<Product>(showcaseKeys.products, productsPath, list.query);
  const scale = useQuery({ queryKey: showcaseKeys.scale, queryFn: fetchQualityScale });
  const [adding, setAdding] = useState(false);
  return (
    <>
      <PageHeader title={t('networking.showcase.title')}>
        <Group gap="xs">
          {orgId && <Button component="a" href={`/directory/${orgId}/products`} target="_blank" variant="default" mih={44} leftSection={<IconExternalLink size={16} />}>{t('networking.showcase.openPublic')}</Button>}
          {can('networking.manage') && !adding && <Button mih={44} leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>{t('networking.showcase.add')}</Button>}
        </Group>
      </PageHeader>
      <Stack gap="md">
        <Text c="dimmed">{t('networking.showcase.intro')}</Text>
        {adding && <ProductForm own={false} product={null} onDone={() => setAdding(false)} />}
        <Select w={240} label={t('networking.state')} placeholder={t('networking.showcase.allStates')} clearable
          data={PRODUCT_STATES.map((s) => ({ value: s, label: t(`networking.showcase.states.${s}`) }))} value={list.values.state || null} onChange={(v) => list.set('state', v ?? '')} />
        <ProblemAlert error={products.error} />
        <ProductList own={false} items={products.items} loading={products.isPending} hasMore={Boolean(products.hasNextPage)} onMore={() => void products.fetchNextPage()} />
        {can('networking.settings') && (scale.data ? <QualityScaleForm key={JSON.stringify(scale.data)} initial={scale.data} /> : <ProblemAlert error={scale.error} />)}
      </Stack>
    </>
  );
}

/** A member firm's own products: proposed for the showcase, reviewed by staff before they are public. */
export function MyProductsPage() {
  const { t } = useTranslation();
  const products = useCursorPages<Product>(showcaseKeys.myProducts, myProductsPath, {});
  const [adding, setAdding] = useState(false);
  return (
    <>
      <PageHeader title={t('networking.showcase.myTitle')}>
        {!adding && <Button mih={44} leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>{t('networking.showcase.add')}</Button>}
      </PageHeader>
      <Stack gap="md">
        <Text c="dimmed">{t('networking.showcase.myIntro')}</Text>
        {adding && <ProductForm own product={null} onDone={() => setAdding(false)} />}
        <ProblemAlert error={products.error} />
        <ProductList own items={products.items} loading={products.isPending} hasMore={Boolean(products.hasNextPage)} onMore={() => void products.fetchNextPage()} />
      </Stack>
    </>
  );
}
