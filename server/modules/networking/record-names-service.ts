import type { RecordNamer, RecordVocabulary } from '../../platform/audit/record-names.js';
import { namesFrom } from '../../platform/audit/record-names.js';
import { firmNames } from '../members/audience-service.js';
import { networkingEnquiries, networkingInfoEntries, networkingIntroductions, networkingOffers, networkingProducts } from './tables.js';
import { and, eq, inArray } from 'drizzle-orm';

/** A profile is named by its firm (its id is the firm's). */
const profileNames: RecordNamer = (ctx, ids) => firmNames(ctx, ids);

/** An introduction is named by its two firms. */
const introductionNames: RecordNamer = async (ctx, ids) => {
  if (!ids.length) return new Map();
  const rows = await ctx.tx.select({ id: networkingIntroductions.id, a: networkingIntroductions.firmA, b: networkingIntroductions.firmB }).from(networkingIntroductions)
    .where(and(eq(networkingIntroductions.orgId, ctx.orgId), inArray(networkingIntroductions.id, ids)));
  const names = await firmNames(ctx, rows.flatMap((r) => [r.a, r.b]));
  return new Map(rows.map((r) => [r.id, `${names.get(r.a) ?? '?'} ↔ ${names.get(r.b) ?? '?'}`]));
};

/** What the audit log calls networking records. */
export const networkingRecordNames: RecordVocabulary = {
  names: {
    networking_profile: profileNames,
    networking_offer: namesFrom(networkingOffers, networkingOffers.id, networkingOffers.orgId, networkingOffers.title),
    networking_introduction: introductionNames,
    networking_info_entry: namesFrom(networkingInfoEntries, networkingInfoEntries.id, networkingInfoEntries.orgId, networkingInfoEntries.title),
    networking_enquiry: namesFrom(networkingEnquiries, networkingEnquiries.id, networkingEnquiries.orgId, networkingEnquiries.subject),
    networking_product: namesFrom(networkingProducts, networkingProducts.id, networkingProducts.orgId, networkingProducts.name),
  },
  references: { offerId: 'networking_offer', firmA: 'member', firmB: 'member' },
};
