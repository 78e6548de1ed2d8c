import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Audience } from '../../../contracts/surveys.js';
import type { TenantCtx, Tx } from '../../platform/db/tenancy.js';
import { memberContacts, members } from './tables.js';
import { sectorCondition } from './member-conditions.js';

/**
 * What other modules may know of member firms: who belongs to a segment,
 * whom to write to, and a firm's profile for evidence and cross-tabs.
 */

/** Active member firms in a segment of the registry. */
export async function firmsInAudience(ctx: TenantCtx, audience: Audience) {
  const conditions: Array<SQL | undefined> = [
    eq(members.orgId, ctx.orgId),
    eq(members.status, 'active'),
    audience.sector ? sectorCondition(audience.sector) : undefined,
    audience.region ? eq(members.region, audience.region) : undefined,
    audience.size?.length ? inArray(members.sizeClass, audience.size) : undefined,
    audience.womenLed === undefined ? undefined : eq(members.womenLed, audience.womenLed),
    audience.youthLed === undefined ? undefined : eq(members.youthLed, audience.youthLed),
    audience.informal === undefined ? undefined : eq(members.formality, audience.informal ? 'informal' : 'formal'),
  ];
  return ctx.tx.select({ id: members.id, legalName: members.legalName, email: members.email }).from(members).where(and(...conditions));
}

/** Addresses to write to about a firm: its contacts who agreed to be contacted, else the firm's own address. */
export async function firmRecipients(tx: Tx, member: { id: string; email: string | null }): Promise<string[]> {
  const contacts = await tx
    .select({ email: memberContacts.email })
    .from(memberContacts)
    .where(and(eq(memberContacts.memberId, member.id), eq(memberContacts.consentToContact, true), isNull(memberContacts.erasedAt), sql`${memberContacts.email} is not null`));
  return contacts.length ? contacts.map((c) => c.email!) : member.email ? [member.email] : [];
}

export interface FirmProfile {
  name: string;
  email: string | null;
  sector: string | null;
  region: string | null;
  size: string | null;
  ownership: string;
  ownerSex: string | null;
}

/** The firm as the dashboards group it: ISIC section, region, size class, ownership, owner's sex. */
export async function firmProfiles(ctx: TenantCtx, ids: string[]): Promise<Map<string, FirmProfile>> {
  if (!ids.length) return new Map();
  const rows = await ctx.tx
    .select({
      id: members.id, name: members.legalName, email: members.email, sector: members.isicSection, region: members.region, size: members.sizeClass,
      womenLed: members.womenLed, youthLed: members.youthLed, ownerSex: members.ownerSex,
    })
    .from(members)
    .where(and(eq(members.orgId, ctx.orgId), inArray(members.id, ids)));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        name: r.name, email: r.email, sector: r.sector, region: r.region, size: r.size, ownerSex: r.ownerSex,
        ownership: r.womenLed && r.youthLed ? 'women_and_youth_led' : r.womenLed ? 'women_led' : r.youthLed ? 'youth_led' : 'other',
      },
    ]),
  );
}
