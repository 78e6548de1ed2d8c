import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { NEXT_INTRODUCTION_STATES, type INTRODUCTION_SORTS, type Introduction, type IntroductionInput, type IntroductionQuery, type IntroductionState } from '../../../contracts/networking.js';
import { recordAudit } from '../../platform/audit/record.js';
import { fieldError, AppError } from '../../platform/errors/app-error.js';
import { sortedPage, type SortedList } from '../../platform/db/sorted-list.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { firmNames } from '../members/audience-service.js';
import { scheduleDealFollowUps, stopDealFollowUps } from './deal-service.js';
import { presentIntroduction, type IntroductionRow } from './present.js';
import { networkingInterests, networkingIntroductions, networkingOffers } from './tables.js';

async function present(ctx: TenantCtx, rows: IntroductionRow[]): Promise<Introduction[]> {
  const names = await firmNames(ctx, rows.flatMap((r) => [r.firmA, r.firmB]));
  const offerIds = [...new Set(rows.map((r) => r.offerId).filter((x): x is string => !!x))];
  const offers = offerIds.length ? await ctx.tx.select({ id: networkingOffers.id, title: networkingOffers.title }).from(networkingOffers)
    .where(and(eq(networkingOffers.orgId, ctx.orgId), inArray(networkingOffers.id, offerIds))) : [];
  const titles = new Map(offers.map((o) => [o.id, o.title]));
  return rows.map((r) => presentIntroduction(r, { names, offerTitle: r.offerId ? (titles.get(r.offerId) ?? null) : null }));
}

async function introductionRow(ctx: TenantCtx, id: string): Promise<IntroductionRow> {
  const [row] = await ctx.tx.select().from(networkingIntroductions).where(and(eq(networkingIntroductions.orgId, ctx.orgId), eq(networkingIntroductions.id, id))).for('update');
  if (!row) throw new AppError('networking.introduction_not_found');
  return row;
}

export async function getIntroduction(ctx: TenantCtx, id: string): Promise<Introduction> {
  const [row] = await ctx.tx.select().from(networkingIntroductions).where(and(eq(networkingIntroductions.orgId, ctx.orgId), eq(networkingIntroductions.id, id)));
  if (!row) throw new AppError('networking.introduction_not_found');
  return (await present(ctx, [row]))[0]!;
}

/**
 * The chamber introduces two firms, on an offer (one of them its firm) and on
 * an expression of interest (the other firm's, on that offer) where there is one.
 */
export async function createIntroduction(ctx: TenantCtx, input: IntroductionInput): Promise<string> {
  if (input.firmA === input.firmB) throw fieldError('firmB', 'networking.same_firm');
  const names = await firmNames(ctx, [input.firmA, input.firmB]);
  if (!names.has(input.firmA)) throw fieldError('firmA', 'networking.firm_not_found');
  if (!names.has(input.firmB)) throw fieldError('firmB', 'networking.firm_not_found');
  if (input.offerId) {
    const [offer] = await ctx.tx.select().from(networkingOffers).where(and(eq(networkingOffers.orgId, ctx.orgId), eq(networkingOffers.id, input.offerId)));
    if (!offer) throw fieldError('offerId', 'networking.offer_not_found');
    if (![input.firmA, input.firmB].includes(offer.memberId)) throw fieldError('offerId', 'networking.interest_mismatch');
  }
  if (input.interestId) {
    const [interest] = await ctx.tx.select().from(networkingInterests).where(and(eq(networkingInterests.orgId, ctx.orgId), eq(networkingInterests.id, input.interestId)));
    if (!interest || interest.offerId !== input.offerId || ![input.firmA, input.firmB].includes(interest.memberId)) throw fieldError('interestId', 'networking.interest_mismatch');
    await ctx.tx.update(networkingInterests).set({ state: 'introduced' }).where(and(eq(networkingInterests.orgId, ctx.orgId), eq(networkingInterests.id, input.interestId)));
  }
  const [row] = await ctx.tx.insert(networkingIntroductions)
    .values({ orgId: ctx.orgId, firmA: input.firmA, firmB: input.firmB, offerId: input.offerId, interestId: input.interestId, note: input.note })
    .returning({ id: networkingIntroductions.id });
  await recordAudit(ctx, {
    action: 'networking_introduction.create', entityType: 'networking_introduction', entityId: row!.id,
    after: { state: 'proposed', firmA: input.firmA, firmB: input.firmB, offerId: input.offerId, interestId: input.interestId, note: input.note },
  });
  return row!.id;
}

/** proposed → accepted → met → deal | no_deal (no_deal closes it at any step); each change is audited; `met` plans the deal follow-ups, `no_deal` takes back those not sent. */
export async function moveIntroduction(ctx: TenantCtx, id: string, state: IntroductionState, note: string) {
  const row = await introductionRow(ctx, id);
  const from = row.state as IntroductionState;
  if (!NEXT_INTRODUCTION_STATES[from].includes(state)) throw new AppError('networking.wrong_state', { state: from });
  await ctx.tx.update(networkingIntroductions).set({ state, note: note || row.note, updatedAt: sql`now()` })
    .where(and(eq(networkingIntroductions.orgId, ctx.orgId), eq(networkingIntroductions.id, id)));
  await recordAudit(ctx, { action: 'networking_introduction.state', entityType: 'networking_introduction', entityId: id, before: { state: from }, after: { state, ...(note ? { note } : {}) } });
  // The firms met: whether it led to a deal is asked of each 3, 6 and 12 months on.
  if (state === 'met') await scheduleDealFollowUps(ctx, row);
  // Closed without a deal: the follow-ups not yet sent are not sent.
  if (state === 'no_deal') await stopDealFollowUps(ctx, id);
}

const INTRODUCTION_LIST: SortedList<(typeof INTRODUCTION_SORTS)[number]> = {
  id: networkingIntroductions.id,
  columns: {
    updated: { by: networkingIntroductions.updatedAt, type: 'timestamptz' },
    created: { by: networkingIntroductions.createdAt, type: 'timestamptz' },
  },
};

const involves = (memberId: string) => or(eq(networkingIntroductions.firmA, memberId), eq(networkingIntroductions.firmB, memberId));

export async function listIntroductionPage(ctx: TenantCtx, query: IntroductionQuery) {
  const n = networkingIntroductions;
  const page = await sortedPage(INTRODUCTION_LIST, query, (k) => ctx.tx.select({ row: n, k }).from(n).$dynamic(), [
    eq(n.orgId, ctx.orgId), query.state ? eq(n.state, query.state) : undefined, query.memberId ? involves(query.memberId) : undefined,
  ], (r) => r.row.id);
  return { items: await present(ctx, page.items.map((r) => r.row)), nextCursor: page.nextCursor };
}

/** The introductions on an offer, or of a firm (either side), newest first. */
export async function introductionsOf(ctx: TenantCtx, where: { offerId?: string; memberId?: string }): Promise<Introduction[]> {
  const n = networkingIntroductions;
  const rows = await ctx.tx.select().from(n).where(and(
    eq(n.orgId, ctx.orgId), where.offerId ? eq(n.offerId, where.offerId) : undefined, where.memberId ? involves(where.memberId) : undefined,
  )).orderBy(sql`${n.createdAt} DESC`, n.id).limit(200);
  return present(ctx, rows);
}
