import { Badge, Button, FileInput, Group, Image, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconCamera, IconPhoto, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PHOTOS_PER_PRODUCT, type Product, type ProductInput, type ProductState } from '../../../contracts/networking-showcase.js';
import { ApiError } from '../../app/api.js';
import { formatDate } from '../../app/format.js';
import { useRegionChoices, useRegionName } from '../../app/reference.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { Form } from '../../ui/Form.js';
import { InlineForm } from '../../ui/InlineForm.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { fetchOrg, orgKeys } from '../orgs/api.js';
import { FirmPicker } from './parts.js';
import {
  addProductPhoto, createMyProduct, createProduct, deleteProduct, fetchQualityScale, moveProduct, productPhotoUrl, rateProduct, removeProductPhoto, returnProduct,
  showcaseKeys, submitMyProduct, updateProduct,
} from './showcase-api.js';

const wrap = { overflowWrap: 'anywhere' as const, minWidth: 0 };
const MAX_PHOTO_MB = 20;
const PHOTO_TYPES = 'image/jpeg,image/png,image/webp';
export const productColor: Record<ProductState, string> = { draft: 'gray', submitted: 'yellow', returned: 'orange', published: 'teal', unpublished: 'gray' };

/** After any change: the lists (staff and own) are read again. */
function useProductChange<A extends unknown[]>(fn: (...args: A) => Promise<unknown>, onDone?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: A) => fn(...args),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: showcaseKeys.products });
      await queryClient.invalidateQueries({ queryKey: showcaseKeys.myProducts });
      onDone?.();
    },
  });
}

type FormValues = ProductInput & { memberId: string; producerGroup: string };

/** A product's fields; staff also choose its producer (a member firm or a group) when entering it. */
export function ProductForm({ own, product, onDone }: { own: boolean; product: Product | null; onDone(): void }) {
  const { t } = useTranslation();
  const org = useQuery({ queryKey: orgKeys.org, queryFn: fetchOrg });
  const regions = useRegionChoices(org.data?.regions);
  const [v, setV] = useState<FormValues>({
    name: product?.name ?? '', description: product?.description ?? '', hsCode: product?.hsCode ?? '', originPlace: product?.originPlace ?? '',
    originRegion: product?.originRegion ?? null, memberId: product?.memberId ?? '', producerGroup: product?.producerGroup ?? '',
  });
  const save = useProductChange(() => {
    const { memberId, producerGroup, ...fields } = v;
    if (product) return updateProduct(own, product.id, own ? fields : { ...fields, producerGroup });
    return own ? createMyProduct(fields) : createProduct({ ...fields, memberId: memberId || null, producerGroup: memberId ? '' : producerGroup });
  }, onDone);
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  const set = (k: keyof FormValues) => (e: { currentTarget: { value: string } }) => setV({ ...v, [k]: e.currentTarget.value });
  return (
    <InlineForm onSubmit={() => save.mutate([])} onCancel={onDone} saving={save.isPending} error={save.error}>
      <TextInput label={t('networking.showcase.name')} required maxLength={200} value={v.name} error={errors.name} onChange={set('name')} />
      {!own && !product && <FirmPicker label={t('networking.showcase.producerFirm')} value={v.memberId} onChange={(memberId) => setV({ ...v, memberId })} error={errors.memberId} />}
      {!own && !v.memberId && (!product || !product.memberId) && (
        <TextInput label={t('networking.showcase.producerGroup')} description={t('networking.showcase.producerGroupHelp')} maxLength={200} value={v.producerGroup} error={errors.producerGroup} onChange={set('producerGroup')} />
      )}
      <Textarea label={t('networking.showcase.description')} autosize minRows={2} maxLength={3000} value={v.description} error={errors.description} onChange={set('description')} />
      <Group grow wrap="wrap" align="flex-start">
        <TextInput miw={160} label={t('networking.hsCode')} inputMode="numeric" maxLength={6} value={v.hsCode} error={errors.hsCode} onChange={set('hsCode')} />
        <TextInput miw={160} label={t('networking.showcase.originPlace')} maxLength={200} value={v.originPlace} error={errors.originPlace} onChange={set('originPlace')} />
        <Select miw={160} label={t('networking.showcase.originRegion')} clearable data={regions} value={v.originRegion} error={errors.originRegion} onChange={(originRegion) => setV({ ...v, originRegion })} />
      </Group>
    </InlineForm>
  );
}

function AddPhoto({ own, product, onDone }: { own: boolean; product: Product; onDone(): void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [caption, setCaption] = useState('');
  const add = useProductChange((f: File) => addProductPhoto(own, product.id, f, caption), onDone);
  const tooLarge = file !== null && file.size > MAX_PHOTO_MB * 1024 * 1024;
  return (
    <Form onSubmit={() => file && !tooLarge && add.mutate([file])} gap="xs">
      <Group align="flex-end" wrap="wrap" gap="xs">
        <FileInput style={{ flex: '1 1 200px' }} leftSection={<IconPhoto size={16} />} accept={PHOTO_TYPES} label={t('networking.showcase.addPhoto')} required
          description={t('networking.showcase.maxPhotos', { max: MAX_PHOTOS_PER_PRODUCT })} value={file} onChange={setFile} clearable
          error={tooLarge ? t('errors.photo.too_large', { max: MAX_PHOTO_MB }) : undefined} />
        <TextInput style={{ flex: '2 1 200px' }} label={t('networking.showcase.photoCaption')} maxLength={300} value={caption} onChange={(e) => setCaption(e.currentTarget.value)} />
      </Group>
      <Group justify="flex-end" gap="xs">
        <Button variant="default" mih={44} onClick={onDone}>{t('networking.showcase.cancel')}</Button>
        <Button type="submit" mih={44} disabled={!file || tooLarge} loading={add.isPending}>{t('networking.showcase.addPhoto')}</Button>
      </Group>
      <ProblemAlert error={add.error} />
    </Form>
  );
}

function Photos({ own, product, editable }: { own: boolean; product: Product; editable: boolean }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const remove = useProductChange((photoId: string) => removeProductPhoto(own, product.id, photoId));
  return (
    <Stack gap="xs">
      {product.photos.length > 0 && (
        <SimpleGrid cols={{ base: 3, sm: 6 }} spacing="xs">
          {product.photos.map((p) => (
            <Stack key={p.id} gap={2}>
              <Image src={productPhotoUrl(own, product.id, p.id, 'thumb')} alt={p.caption || product.name} loading="lazy" radius="sm" w="100%" fit="cover" style={{ aspectRatio: '1 / 1' }} />
              {editable && <ConfirmButton label={t('ui.remove')} icon={<IconTrash size={14} />} size="xs" mih={44} variant="subtle" question={t('networking.showcase.removePhotoQuestion')} onConfirm={() => remove.mutateAsync([p.id])} />}
            </Stack>
          ))}
        </SimpleGrid>
      )}
      <ProblemAlert error={remove.error} />
      {editable && product.photos.length < MAX_PHOTOS_PER_PRODUCT && (adding
        ? <AddPhoto own={own} product={product} onDone={() => setAdding(false)} />
        : <Group><Button variant="light" mih={44} leftSection={<IconCamera size={16} />} onClick={() => setAdding(true)}>{t('networking.showcase.addPhoto')}</Button></Group>)}
    </Stack>
  );
}

/** Staff's review and rating of one product: publish, take off, return with a reason, rate on the organisation's scale, delete. */
function StaffActions({ product }: { product: Product }) {
  const { t } = useTranslation();
  const scale = useQuery({ queryKey: showcaseKeys.scale, queryFn: fetchQualityScale });
  const [reason, setReason] = useState<string | null>(null);
  const move = useProductChange((action: 'publish' | 'unpublish') => moveProduct(product.id, action));
  const sendBack = useProductChange(() => returnProduct(product.id, reason ?? ''), () => setReason(null));
  const rate = useProductChange((rating: number | null) => rateProduct(product.id, rating));
  const remove = useProductChange(() => deleteProduct(product.id));
  const levels = scale.data?.levels ?? [];
  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="wrap" align="flex-end">
        <Select w={220} label={scale.data?.name || t('networking.showcase.rating')} placeholder={t('networking.showcase.noRating')} clearable
          data={levels.map((label, i) => ({ value: String(i + 1), label: `${i + 1} · ${label}` }))} value={product.rating ? String(product.rating) : null}
          onChange={(value) => rate.mutate([value ? Number(value) : null])} />
        {product.state !== 'published' && <Button mih={44} loading={move.isPending} onClick={() => move.mutate(['publish'])}>{t('networking.showcase.publish')}</Button>}
        {product.state === 'published' && <Button mih={44} variant="default" loading={move.isPending} onClick={() => move.mutate(['unpublish'])}>{t('networking.showcase.unpublish')}</Button>}
        {product.state === 'submitted' && reason === null && <Button mih={44} variant="default" onClick={() => setReason('')}>{t('networking.showcase.returnProduct')}</Button>}
        <ConfirmButton label={t('networking.showcase.delete')} icon={<IconTrash size={16} />} mih={44} variant="subtle" question={t('networking.showcase.deleteQuestion', { name: product.name })} onConfirm={() => remove.mutateAsync([])} />
      </Group>
      {reason !== null && (
        <InlineForm onSubmit={() => sendBack.mutate([])} onCancel={() => setReason(null)} saving={sendBack.isPending} error={sendBack.error}>
          <Textarea label={t('networking.returnReason')} required autosize minRows={2} maxLength={1000} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        </InlineForm>
      )}
      <ProblemAlert error={move.error ?? rate.error ?? remove.error} />
    </Stack>
  );
}

/** One product: what it is, who makes it, where from, its rating and photos; staff review it, a firm edits and submits its own. */
export function ProductCard({ own, product }: { own: boolean; product: Product }) {
  const { t } = useTranslation();
  const region = useRegionName([product.originRegion]);
  const [editing, setEditing] = useState(false);
  const submit = useProductChange(() => submitMyProduct(product.id));
  const ownEditable = own && (product.state === 'draft' || product.state === 'returned');
  if (editing) return <Paper withBorder p="sm"><ProductForm own={own} product={product} onDone={() => setEditing(false)} /></Paper>;
  const origin = [product.originPlace, product.originRegion ? region(product.originRegion) : ''].filter(Boolean).join(', ');
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Text fw={600} style={wrap}>{product.name}</Text>
          <Badge color={productColor[product.state]} variant="light" style={{ flexShrink: 0 }}>{t(`networking.showcase.states.${product.state}`)}</Badge>
        </Group>
        <Text size="sm" style={wrap}>{[product.firmName ?? product.producerGroup, origin, product.hsCode ? `HS ${product.hsCode}` : ''].filter(Boolean).join(' · ')}</Text>
        {product.description && <Text size="sm" c="dimmed" style={{ ...wrap, whiteSpace: 'pre-wrap' }}>{product.description}</Text>}
        {product.rating !== null && product.ratedBy && product.ratedAt && (
          <Text size="sm">{t('networking.showcase.rating')}: {product.rating} · {t('networking.showcase.ratedBy', { name: product.ratedBy, when: formatDate(product.ratedAt) })}</Text>
        )}
        {product.returnReason && product.state === 'returned' && <Text size="sm" c="orange" style={wrap}>{t('networking.returnedBecause', { reason: product.returnReason })}</Text>}
        <Photos own={own} product={product} editable={own ? ownEditable : true} />
        {own ? ownEditable && (
          <Group gap="xs">
            <Button mih={44} variant="default" onClick={() => setEditing(true)}>{t('ui.edit')}</Button>
            <Button mih={44} loading={submit.isPending} onClick={() => submit.mutate([])}>{t('networking.submit')}</Button>
          </Group>
        ) : (
          <>
            <Group gap="xs"><Button mih={44} variant="default" onClick={() => setEditing(true)}>{t('ui.edit')}</Button></Group>
            <StaffActions product={product} />
          </>
        )}
        <ProblemAlert error={submit.error} />
      </Stack>
    </Paper>
  );
}
