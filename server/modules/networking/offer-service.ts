import { and, count, eq, gt, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { Interest, OFFER_SORTS, Offer, OfferDetail, OfferInput, OfferQuery, OfferState } from '../../../contracts/networking.js';
import { nothingChanged } from '../../platform/audit/audited-writes.js';
import { changedFields, recordAudit } from '../../platform/audit/record.js';
import { sortedPage, type SortedList } from '../../platform/db/sorted-list.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { directoryFirms, firmNames } from '../members/audience-service.js';
import { introductionsOf } from './introduction-service.js';
import { offerState, presentInterest, presentOffer, type OfferRow } from './present.js';
import { addMonths, getNetworkingSettings } from './settings-service.js';
import { networkingInterests, networkingOffers } from './tables.js';

/**
 * An offer of the organisation; with `ownerId`, only if it is that firm's (a
 * member firm's user acting on its own offers: another's is not found).
 */
export async function offerRow(ctx: TenantCtx, id: string, ownerId?: string, lock = false): Promise<OfferRow> {
  const query = ctx.tx.select().from(networkingOffers).where(and(eq(networkingOffers.orgId, ctx.orgId), eq(networkingOffers.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('networking.offer_not_found');
  if (ownerId && row.memberId !== ownerId) throw new AppError('networking.not_your_offer');
  return row;
}

const values = (i: OfferInput) => ({ kind: i.kind, side: i.side, title: i.title, offered: i.offered, sought: i.sought, hsCodes: [...new Set(i.hsCodes)], sectors: [...new Set(i.sectors)], countries: [...new Set(i.countries)] });

export async function createOffer(ctx: TenantCtx, memberId: string, input: OfferInput): Promise<string> {
  if (!(await directoryFirms(ctx, [memberId])).has(memberId)) throw new AppError('networking.firm_not_found');
  const v = values(input);
  const [row] = await ctx.tx.insert(networkingOffers).values({ orgId: ctx.orgId, memberId, ...v }).returning({ id: networkingOffers.id });
  await recordAudit(ctx, { action: 'networking_offer.create', entityType: 'networking_offer', entityId: row!.id, after: { memberId, ...v } });
  return row!.id;
}

/** Changes an offer in draft or returned; a published one is withdrawn and entered anew. */
export async function updateOffer(ctx: TenantCtx, id: string, input: OfferInput, ownerId?: string) {
  const before = await offerRow(ctx, id, ownerId, true);
  if (!['draft', 'returned'].includes(before.state)) throw new AppError('networking.wrong_state');
  const v = values(input);
  const changed = changedFields(values(before as unknown as OfferInput), v);
  if (!Object.keys(changed.after).length) return nothingChanged();
  await ctx.tx.update(networkingOffers).set({ ...v, updatedAt: sql`now()` }).where(and(eq(networkingOffers.orgId, ctx.orgId), eq(networkingOffers.id, id)));
  await recordAudit(ctx, { action: 'networking_offer.update', entityType: 'networking_offer', entityId: id, ...changed });
}

export type OfferAction = 'submit' | 'approve' | 'return' | 'withdraw' | 'renew';
const FROM: Record<OfferAction, readonly OfferState[]> = {
  submit: ['draft', 'returned'],
  approve: ['submitted'],
  return: ['submitted'],
  withdraw: ['draft', 'submitted', 'returned', 'published', 'expired'],
  renew: ['published', 'expired'],
};

/**
 * Moves an offer along draft → submitted → published (staff approve, or
 * return it with a reason) → expired | withdrawn. Publishing and renewing list
 * it for the organisation's expiry period from now.
 */
export async function moveOffer(ctx: TenantCtx, id: string, action: OfferAction, now: Date, opts: { reason?: string; ownerId?: string } = {}) {
  const row = await offerRow(ctx, id, opts.ownerId, true);
  const from = offerState(row, now);
  if (!FROM[action].includes(from)) throw new AppError('networking.wrong_state', { state: from });
  const { expiryMonths } = await getNetworkingSettings(ctx);
  const listed = { publishedAt: row.publishedAt ?? now, expiresAt: addMonths(now, expiryMonths), remindedAt: null };
  const change = {
    submit: { state: 'submitted', returnReason: null },
    approve: { state: 'published', returnReason: null, ...listed, publishedAt: now },
    return: { state: 'returned', returnReason: opts.reason ?? '' },
    withdraw: { state: 'withdrawn' },
    renew: { state: 'published', ...listed },
  }[action];
  await ctx.tx.update(networkingOffers).set({ ...change, updatedAt: sql`now()` }).where(and(eq(networkingOffers.orgId, ctx.orgId), eq(networkingOffers.id, id)));
  await recordAudit(ctx, {
    action: `networking_offer.${action}`, entityType: 'networking_offer', entityId: id,
    before: { state: from }, after: { state: change.state, ...(opts.reason ? { reason: opts.reason } : {}), ...('expiresAt' in change ? { expiresAt: change.expiresAt.toISOString() } : {}) },
  });
}

async function interestCounts(ctx: TenantCtx, ids: string[]) {
  if (!ids.length) return new Map<string, number>();
  const rows = await ctx.tx.select({ offerId: networkingInterests.offerId, n: count() }).from(networkingInterests)
    .where(and(eq(networkingInterests.orgId, ctx.orgId), inArray(networkingInterests.offerId, ids))).groupBy(networkingInterests.offerId);
  return new Map(rows.map((r) => [r.offerId, Number(r.n)]));
}

export async function presentOffers(ctx: TenantCtx, rows: OfferRow[], now: Date): Promise<Offer[]> {
  const names = await firmNames(ctx, rows.map((r) => r.memberId));
  const counts = await interestCounts(ctx, rows.map((r) => r.id));
  return rows.map((r) => presentOffer(r, { firmName: names.get(r.memberId) ?? '', interests: counts.get(r.id) ?? 0, now }));
}

/** The condition for an offer's state as shown: a published offer past its expiry counts as expired. */
function stateIs(state: OfferState, now: Date) {
  const o = networkingOffers;
  if (state === 'published') return and(eq(o.state, 'published'), or(sql`${o.expiresAt} IS NULL`, gt(o.expiresAt, now)));
  if (state === 'expired') return or(eq(o.state, 'expired'), and(eq(o.state, 'published'), isNotNull(o.expiresAt), lte(o.expiresAt, now)));
  return eq(o.state, state);
}

const OFFER_LIST: SortedList<(typeof OFFER_SORTS)[number]> = {
  id: networkingOffers.id,
  columns: {
    updated: { by: networkingOffers.updatedAt, type: 'timestamptz' },
    expires: { by: networkingOffers.expiresAt, type: 'timestamptz', nullable: true },
  },
};

/** A page of offers: all of them for staff, a firm's own (`memberId`), or the published ones of others (`othersThan`). */
export async function listOfferPage(ctx: TenantCtx, query: OfferQuery, now: Date, scope: { othersThan?: string } = {}) {
  const o = networkingOffers;
  const page = await sortedPage(OFFER_LIST, query, (k) => ctx.tx.select({ row: o, k }).from(o).$dynamic(), [
    eq(o.orgId, ctx.orgId),
    query.state ? stateIs(query.state, now) : undefined,
    query.side ? eq(o.side, query.side) : undefined,
    query.kind ? eq(o.kind, query.kind) : undefined,
    query.memberId ? eq(o.memberId, query.memberId) : undefined,
    scope.othersThan ? and(stateIs('published', now), sql`${o.memberId} <> ${scope.othersThan}`) : undefined,
  ], (r) => r.row.id);
  return { items: await presentOffers(ctx, page.items.map((r) => r.row), now), nextCursor: page.nextCursor };
}

export async function interestsWhere(ctx: TenantCtx, where: { offerId?: string; memberId?: string; open?: boolean }): Promise<Interest[]> {
  const i = networkingInterests;
  const rows = await ctx.tx.select().from(i).where(and(
    eq(i.orgId, ctx.orgId),
    where.offerId ? eq(i.offerId, where.offerId) : undefined,
    where.memberId ? eq(i.memberId, where.memberId) : undefined,
    where.open ? eq(i.state, 'open') : undefined,
  )).orderBy(sql`${i.createdAt} DESC`, i.id).limit(500);
  const offers = rows.length ? await ctx.tx.select({ id: networkingOffers.id, title: networkingOffers.title }).from(networkingOffers)
    .where(and(eq(networkingOffers.orgId, ctx.orgId), inArray(networkingOffers.id, rows.map((r) => r.offerId)))) : [];
  const titles = new Map(offers.map((x) => [x.id, x.title]));
  const names = await firmNames(ctx, rows.map((r) => r.memberId));
  return rows.map((r) => presentInterest(r, { offerTitle: titles.get(r.offerId) ?? '', firmName: names.get(r.memberId) ?? '' }));
}

/**
 * An offer with its expressions of interest and the introductions made on it.
 * Its own firm (`ownerId`) sees no interests — they go to the chamber, which
 * chooses whom to introduce — and only the introductions it is part of.
 */
export async function getOfferDetail(ctx: TenantCtx, id: string, now: Date, ownerId?: string): Promise<OfferDetail> {
  const row = await offerRow(ctx, id, ownerId);
  const [offer] = await presentOffers(ctx, [row], now);
  if (ownerId) return { ...offer!, interestList: [], introductions: await introductionsOf(ctx, { offerId: id, memberId: ownerId }) };
  return { ...offer!, interestList: await interestsWhere(ctx, { offerId: id }), introductions: await introductionsOf(ctx, { offerId: id }) };
}

/** Another firm's interest in a published offer: it goes to the chamber, which may introduce the firms. */
export async function expressInterest(ctx: TenantCtx, offerId: string, memberId: string, message: string, now: Date): Promise<string> {
  const row = await offerRow(ctx, offerId);
  if (offerState(row, now) !== 'published') throw new AppError('networking.not_published');
  if (row.memberId === memberId) throw new AppError('networking.own_offer');
  const [held] = await ctx.tx.select({ id: networkingInterests.id }).from(networkingInterests)
    .where(and(eq(networkingInterests.orgId, ctx.orgId), eq(networkingInterests.offerId, offerId), eq(networkingInterests.memberId, memberId)));
  if (held) throw new AppError('networking.already_interested');
  // Two taps at once: the second finds the first's row (one interest per firm and offer).
  const [created] = await ctx.tx.insert(networkingInterests).values({ orgId: ctx.orgId, offerId, memberId, message }).onConflictDoNothing().returning({ id: networkingInterests.id });
  if (!created) throw new AppError('networking.already_interested');
  await recordAudit(ctx, { action: 'networking_offer.interest', entityType: 'networking_offer', entityId: offerId, after: { interestId: created!.id, memberId, message } });
  return created!.id;
}

/**
 * Offers for matching: with `listedAt` the published ones not expired then (any other is kept out of
 * a ranking), all of them however many; with `memberIds` every offer of these firms (for "why not").
 */
export async function offersForMatching(ctx: TenantCtx, where: { listedAt?: Date; memberIds?: string[] }): Promise<OfferRow[]> {
  const o = networkingOffers;
  return ctx.tx.select().from(o).where(and(
    eq(o.orgId, ctx.orgId),
    where.listedAt ? and(eq(o.state, 'published'), or(isNull(o.expiresAt), gt(o.expiresAt, where.listedAt))) : undefined,
    where.memberIds ? inArray(o.memberId, where.memberIds) : undefined,
  ));
}
