import { eq, sql } from 'drizzle-orm';
import { DEFAULT_WEIGHTS, type NetworkingSettings } from '../../../contracts/networking.js';
import { changedFields, recordAudit } from '../../platform/audit/record.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { nothingChanged } from '../../platform/audit/audited-writes.js';
import { networkingSettings } from './tables.js';

export const DEFAULT_SETTINGS: NetworkingSettings = {
  expiryMonths: 12, reminderDays: 30, weights: DEFAULT_WEIGHTS,
  shareInfoWithFederation: false, shareOffersWithFederation: false, federationContact: '',
};

/** The organisation's networking settings, or the defaults (12 months, 30 days, the default weights, nothing shared with the federation). */
export async function getNetworkingSettings(ctx: TenantCtx): Promise<NetworkingSettings> {
  const [row] = await ctx.tx.select().from(networkingSettings).where(eq(networkingSettings.orgId, ctx.orgId));
  return row
    ? {
      expiryMonths: row.expiryMonths, reminderDays: row.reminderDays, weights: { ...DEFAULT_WEIGHTS, ...row.weights },
      shareInfoWithFederation: row.shareInfoWithFederation, shareOffersWithFederation: row.shareOffersWithFederation, federationContact: row.federationContact,
    }
    : DEFAULT_SETTINGS;
}

export async function saveNetworkingSettings(ctx: TenantCtx, input: NetworkingSettings): Promise<NetworkingSettings> {
  const before = await getNetworkingSettings(ctx);
  const changed = changedFields({ ...before }, { ...input });
  if (!Object.keys(changed.after).length) {
    nothingChanged();
    return before;
  }
  await ctx.tx
    .insert(networkingSettings)
    .values({ orgId: ctx.orgId, ...input })
    .onConflictDoUpdate({ target: networkingSettings.orgId, set: { ...input, updatedAt: sql`now()` } });
  await recordAudit(ctx, { action: 'networking_settings.update', entityType: 'networking_settings', entityId: ctx.orgId, ...changed });
  return input;
}

/** An instant `months` later, for expiry: the same day of the month (or its last day). */
export function addMonths(at: Date, months: number): Date {
  const out = new Date(at.getTime());
  const day = out.getUTCDate();
  out.setUTCDate(1);
  out.setUTCMonth(out.getUTCMonth() + months);
  const last = new Date(Date.UTC(out.getUTCFullYear(), out.getUTCMonth() + 1, 0)).getUTCDate();
  out.setUTCDate(Math.min(day, last));
  return out;
}
