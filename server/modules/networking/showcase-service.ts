import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import {
  DEFAULT_QUALITY_SCALE, MAX_PHOTOS_PER_PRODUCT, type PRODUCT_SORTS, type Product, type ProductInput, type ProductPhoto, type ProductQuery, type ProductState,
  type QualityScale, type StaffProductInput,
} from '../../../contracts/networking-showcase.js';
import { DEFAULT_WEIGHTS } from '../../../contracts/networking.js';
import { nothingChanged } from '../../platform/audit/audited-writes.js';
import { changedFields, recordAudit } from '../../platform/audit/record.js';
import { decodeSortedCursor, sortedPage, type SortedList } from '../../platform/db/sorted-list.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { PreparedPhoto } from '../../platform/files/photo.js';
import { directoryFirms, firmNames } from '../members/audience-service.js';
import { getCurrentOrg } from '../orgs/org-service.js';
import { presentProduct, presentPublicProduct, type ProductRow, type PublicProduct } from './showcase-present.js';
import { networkingProductPhotos, networkingProducts, networkingSettings } from './tables.js';

/**
 * The showcase of local products (issue 18.1): staff enter a product of a
 * member firm or of a producer group, rate it on the organisation's quality
 * scale, publish and unpublish it; a member firm proposes its own (draft →
 * submitted), which staff publish or return with a reason. Every change is
 * audited on the product; photos by their id and caption, never their bytes.
 * Public (the directory's showcase page and its photos) only while published.
 */

// The quality scale, kept in the organisation's networking settings.
export async function getQualityScale(ctx: TenantCtx): Promise<QualityScale> {
  const [row] = await ctx.tx.select({ scale: networkingSettings.qualityScale }).from(networkingSettings).where(eq(networkingSettings.orgId, ctx.orgId));
  return row?.scale ?? DEFAULT_QUALITY_SCALE;
}

export async function saveQualityScale(ctx: TenantCtx, scale: QualityScale): Promise<QualityScale> {
  const before = await getQualityScale(ctx);
  const changed = changedFields({ ...before }, { ...scale });
  if (!Object.keys(changed.after).length) {
    nothingChanged();
    return before;
  }
  await ctx.tx.insert(networkingSettings).values({ orgId: ctx.orgId, weights: DEFAULT_WEIGHTS, qualityScale: scale })
    .onConflictDoUpdate({ target: networkingSettings.orgId, set: { qualityScale: scale, updatedAt: sql`now()` } });
  await recordAudit(ctx, { action: 'networking_settings.quality_scale', entityType: 'networking_settings', entityId: ctx.orgId, ...changed });
  return scale;
}

/** A product of the organisation; with `ownerId`, only if it is that firm's (another's is not found). */
export async function productRow(ctx: TenantCtx, id: string, ownerId?: string, lock = false): Promise<ProductRow> {
  const query = ctx.tx.select().from(networkingProducts).where(and(eq(networkingProducts.orgId, ctx.orgId), eq(networkingProducts.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row || (ownerId && row.memberId !== ownerId)) throw new AppError('networking.product_not_found');
  return row;
}

async function checkRegion(ctx: TenantCtx, region: string | null) {
  if (!region) return;
  const org = await getCurrentOrg(ctx);
  if (!org.regions.includes(region)) throw new AppError('networking.unknown_region', {}, [{ path: 'originRegion', code: 'networking.unknown_region' }]);
}

const values = (i: ProductInput) => ({ name: i.name, description: i.description, hsCode: i.hsCode, originPlace: i.originPlace, originRegion: i.originRegion || null });

/** Staff enter a product (a draft) of a member firm or of a producer group named by text; a firm's user enters its own. */
export async function createProduct(ctx: TenantCtx, input: StaffProductInput): Promise<string> {
  const memberId = input.memberId ?? null;
  const producerGroup = memberId ? '' : input.producerGroup.trim();
  if (!memberId && !producerGroup) throw new AppError('networking.producer_required', {}, [{ path: 'producerGroup', code: 'networking.producer_required' }]);
  if (memberId && !(await directoryFirms(ctx, [memberId])).has(memberId)) throw new AppError('networking.firm_not_found');
  await checkRegion(ctx, input.originRegion);
  const v = values(input);
  const [row] = await ctx.tx.insert(networkingProducts).values({ orgId: ctx.orgId, memberId, producerGroup, ...v }).returning({ id: networkingProducts.id });
  await recordAudit(ctx, { action: 'networking_product.create', entityType: 'networking_product', entityId: row!.id, after: { memberId, producerGroup, ...v } });
  return row!.id;
}

/** Staff change a product in any state (the public page shows the change at once); a firm only its own draft or returned one. */
export async function updateProduct(ctx: TenantCtx, id: string, input: ProductInput & { producerGroup?: string }, ownerId?: string) {
  const before = await productRow(ctx, id, ownerId, true);
  if (ownerId && !['draft', 'returned'].includes(before.state)) throw new AppError('networking.wrong_state', { state: before.state });
  await checkRegion(ctx, input.originRegion);
  const v = { ...values(input), ...(!before.memberId && input.producerGroup?.trim() ? { producerGroup: input.producerGroup.trim() } : {}) };
  const changed = changedFields({ ...values(before), producerGroup: before.producerGroup }, { producerGroup: before.producerGroup, ...v });
  if (!Object.keys(changed.after).length) return nothingChanged();
  await ctx.tx.update(networkingProducts).set({ ...v, updatedAt: sql`now()` }).where(and(eq(networkingProducts.orgId, ctx.orgId), eq(networkingProducts.id, id)));
  await recordAudit(ctx, { action: 'networking_product.update', entityType: 'networking_product', entityId: id, ...changed });
}

export type ProductAction = 'submit' | 'publish' | 'return' | 'unpublish';
const FROM: Record<ProductAction, readonly ProductState[]> = {
  submit: ['draft', 'returned'],
  publish: ['draft', 'submitted', 'returned', 'unpublished'],
  return: ['submitted'],
  unpublish: ['published'],
};
const TO: Record<ProductAction, ProductState> = { submit: 'submitted', publish: 'published', return: 'returned', unpublish: 'unpublished' };

/** Moves a product: a firm submits its own; staff publish, return with a reason, unpublish. */
export async function moveProduct(ctx: TenantCtx, id: string, action: ProductAction, opts: { reason?: string; ownerId?: string } = {}) {
  const row = await productRow(ctx, id, opts.ownerId, true);
  const from = row.state as ProductState;
  if (!FROM[action].includes(from)) throw new AppError('networking.wrong_state', { state: from });
  const to = TO[action];
  await ctx.tx.update(networkingProducts).set({
    state: to,
    returnReason: action === 'return' ? opts.reason ?? '' : null,
    ...(action === 'publish' ? { publishedAt: sql`now()` } : {}),
    updatedAt: sql`now()`,
  }).where(and(eq(networkingProducts.orgId, ctx.orgId), eq(networkingProducts.id, id)));
  await recordAudit(ctx, {
    action: `networking_product.${action}`, entityType: 'networking_product', entityId: id,
    before: { state: from }, after: { state: to, ...(opts.reason ? { reason: opts.reason } : {}) },
  });
}

/** Staff rate a product on the organisation's scale (null clears it); who rated it and when are kept. */
export async function rateProduct(ctx: TenantCtx, id: string, rating: number | null) {
  const row = await productRow(ctx, id, undefined, true);
  const scale = await getQualityScale(ctx);
  if (rating !== null && rating > scale.levels.length) {
    throw new AppError('networking.rating_out_of_scale', { max: scale.levels.length }, [{ path: 'rating', code: 'networking.rating_out_of_scale' }]);
  }
  if (row.rating === rating) return nothingChanged();
  await ctx.tx.update(networkingProducts).set({
    rating, ratedBy: rating === null ? null : ctx.actor.name, ratedAt: rating === null ? null : sql`now()`, updatedAt: sql`now()`,
  }).where(and(eq(networkingProducts.orgId, ctx.orgId), eq(networkingProducts.id, id)));
  await recordAudit(ctx, { action: 'networking_product.rate', entityType: 'networking_product', entityId: id, before: { rating: row.rating }, after: { rating } });
}

/** Deletes a product and its photos; the entry keeps what it was (never the photos' bytes). */
export async function deleteProduct(ctx: TenantCtx, id: string) {
  const row = await productRow(ctx, id, undefined, true);
  await ctx.tx.delete(networkingProducts).where(and(eq(networkingProducts.orgId, ctx.orgId), eq(networkingProducts.id, id)));
  await recordAudit(ctx, {
    action: 'networking_product.delete', entityType: 'networking_product', entityId: id,
    before: { name: row.name, memberId: row.memberId, producerGroup: row.producerGroup, state: row.state },
  });
}

// Photos.
const listedPhoto = {
  id: networkingProductPhotos.id, productId: networkingProductPhotos.productId, caption: networkingProductPhotos.caption,
  width: networkingProductPhotos.width, height: networkingProductPhotos.height, thumbWidth: networkingProductPhotos.thumbWidth, thumbHeight: networkingProductPhotos.thumbHeight,
};

async function photosOf(ctx: TenantCtx, productIds: string[]): Promise<Map<string, ProductPhoto[]>> {
  const out = new Map<string, ProductPhoto[]>();
  if (!productIds.length) return out;
  const rows = await ctx.tx.select(listedPhoto).from(networkingProductPhotos)
    .where(and(eq(networkingProductPhotos.orgId, ctx.orgId), inArray(networkingProductPhotos.productId, productIds)))
    .orderBy(asc(networkingProductPhotos.position), asc(networkingProductPhotos.id));
  for (const { productId, ...photo } of rows) out.set(productId, [...(out.get(productId) ?? []), photo]);
  return out;
}

/** Adds a photo to a product (a firm: to its own draft or returned one); the product's lock makes two uploads count each other. */
export async function addProductPhoto(ctx: TenantCtx, id: string, photo: PreparedPhoto, caption: string, ownerId?: string): Promise<string> {
  const product = await productRow(ctx, id, ownerId, true);
  if (ownerId && !['draft', 'returned'].includes(product.state)) throw new AppError('networking.wrong_state', { state: product.state });
  const [{ count, last } = { count: 0, last: 0 }] = await ctx.tx.select({ count: sql<number>`count(*)::int`, last: sql<number>`coalesce(max(${networkingProductPhotos.position}), 0)::int` })
    .from(networkingProductPhotos).where(and(eq(networkingProductPhotos.orgId, ctx.orgId), eq(networkingProductPhotos.productId, id)));
  if (Number(count) >= MAX_PHOTOS_PER_PRODUCT) throw new AppError('networking.too_many_photos', { max: MAX_PHOTOS_PER_PRODUCT });
  const [row] = await ctx.tx.insert(networkingProductPhotos).values({ orgId: ctx.orgId, productId: id, caption, position: Number(last) + 1, ...photo })
    .returning({ id: networkingProductPhotos.id });
  await recordAudit(ctx, { action: 'networking_product.photo_add', entityType: 'networking_product', entityId: id, after: { photoId: row!.id, caption, width: photo.width, height: photo.height } });
  return row!.id;
}

export async function removeProductPhoto(ctx: TenantCtx, id: string, photoId: string, ownerId?: string) {
  const product = await productRow(ctx, id, ownerId, true);
  if (ownerId && !['draft', 'returned'].includes(product.state)) throw new AppError('networking.wrong_state', { state: product.state });
  const [row] = await ctx.tx.delete(networkingProductPhotos)
    .where(and(eq(networkingProductPhotos.orgId, ctx.orgId), eq(networkingProductPhotos.productId, id), eq(networkingProductPhotos.id, photoId)))
    .returning({ caption: networkingProductPhotos.caption });
  if (!row) throw new AppError('networking.photo_not_found');
  await recordAudit(ctx, { action: 'networking_product.photo_remove', entityType: 'networking_product', entityId: id, before: { photoId, caption: row.caption } });
}

/**
 * One photo's bytes. Signed in: any of the organisation's products (a firm's
 * user: its own only). `publicOnly`: only a published product's, of an active
 * member firm or a producer group — anything else is not found.
 */
export async function getProductPhoto(ctx: TenantCtx, id: string, photoId: string, size: 'large' | 'thumb', scope: { ownerId?: string; publicOnly?: boolean } = {}) {
  const product = await productRow(ctx, id, scope.ownerId).catch(() => null);
  if (!product || (scope.publicOnly && !(await isPublic(ctx, product)))) throw new AppError('networking.photo_not_found');
  const [row] = await ctx.tx.select({ contentType: networkingProductPhotos.contentType, data: size === 'thumb' ? networkingProductPhotos.thumb : networkingProductPhotos.data })
    .from(networkingProductPhotos)
    .where(and(eq(networkingProductPhotos.orgId, ctx.orgId), eq(networkingProductPhotos.productId, id), eq(networkingProductPhotos.id, photoId)));
  if (!row) throw new AppError('networking.photo_not_found');
  return row;
}

async function isPublic(ctx: TenantCtx, product: ProductRow) {
  if (product.state !== 'published') return false;
  if (!product.memberId) return true;
  return (await directoryFirms(ctx, [product.memberId])).get(product.memberId)?.active === true;
}

// Reading.
export async function presentProducts(ctx: TenantCtx, rows: ProductRow[]): Promise<Product[]> {
  const names = await firmNames(ctx, rows.flatMap((r) => (r.memberId ? [r.memberId] : [])));
  const photos = await photosOf(ctx, rows.map((r) => r.id));
  return rows.map((r) => presentProduct(r, { firmName: r.memberId ? names.get(r.memberId) ?? '' : null, photos: photos.get(r.id) ?? [] }));
}

export async function getProduct(ctx: TenantCtx, id: string, ownerId?: string): Promise<Product> {
  return (await presentProducts(ctx, [await productRow(ctx, id, ownerId)]))[0]!;
}

const PRODUCT_LIST: SortedList<(typeof PRODUCT_SORTS)[number]> = {
  id: networkingProducts.id,
  columns: {
    updated: { by: networkingProducts.updatedAt, type: 'timestamptz' },
    name: { by: networkingProducts.name, type: 'text' },
  },
};

/** A page of products: all the organisation's for staff, or one firm's own (`memberId`). */
export async function listProductPage(ctx: TenantCtx, query: ProductQuery, memberId?: string) {
  const p = networkingProducts;
  const page = await sortedPage(PRODUCT_LIST, query, (k) => ctx.tx.select({ row: p, k }).from(p).$dynamic(), [
    eq(p.orgId, ctx.orgId),
    query.state ? eq(p.state, query.state) : undefined,
    memberId ? eq(p.memberId, memberId) : undefined,
  ], (r) => r.row.id);
  return { items: await presentProducts(ctx, page.items.map((r) => r.row)), nextCursor: page.nextCursor };
}

/** How many products one page of the public showcase shows: each brings its thumbnails. */
export const PUBLIC_PRODUCTS_PAGE = 24;

/**
 * One page of the public showcase: published products of active member firms
 * and of producer groups, by name, after `cursor` (the page before's
 * `nextCursor`). A cursor ill-formed or of another order starts at the first
 * page (a link, not an API). A product of a firm no longer active is left out
 * of its page, so a page may show fewer than `limit`.
 */
export async function publishedProducts(ctx: TenantCtx, page: { cursor?: string | undefined; limit?: number } = {}): Promise<{ items: PublicProduct[]; nextCursor: string | null }> {
  const p = networkingProducts;
  let cursor: string | undefined = page.cursor;
  try {
    decodeSortedCursor(cursor, 'name', PRODUCT_LIST.columns.name);
  } catch {
    cursor = undefined;
  }
  const found = await sortedPage(PRODUCT_LIST, { sort: 'name', cursor, limit: page.limit ?? PUBLIC_PRODUCTS_PAGE }, (k) => ctx.tx.select({ row: p, k }).from(p).$dynamic(), [
    eq(p.orgId, ctx.orgId),
    eq(p.state, 'published'),
  ], (r) => r.row.id);
  const rows = found.items.map((r) => r.row);
  const firms = await directoryFirms(ctx, rows.flatMap((r) => (r.memberId ? [r.memberId] : [])));
  const shown = rows.filter((r) => !r.memberId || firms.get(r.memberId)?.active);
  const photos = await photosOf(ctx, shown.map((r) => r.id));
  const scale = await getQualityScale(ctx);
  return {
    items: shown.map((r) => presentPublicProduct(r, { producer: r.memberId ? firms.get(r.memberId)!.name : r.producerGroup, photos: photos.get(r.id) ?? [], scale })),
    nextCursor: found.nextCursor,
  };
}
