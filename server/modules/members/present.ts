import { getTableColumns } from 'drizzle-orm';
import type { Contact, Interaction, Invoice, Member, MemberStatus } from '../../../contracts/members.js';
import { members, type invoices, type memberContacts, type memberInteractions, type memberPortalAccess, type membershipStatusHistory, type savedViews } from './tables.js';

// How the API shows this module's rows: a route or service answers through these, never by building fields itself.

/**
 * The columns a firm is shown from, which lists select instead of the whole
 * row: the search name, the derived ISIC levels and the import stay in the
 * database (a fifth of the columns each row of a page would carry and map).
 */
export const memberShownColumns = (() => {
  const { orgId: _org, isicSection: _section, isicDivision: _division, isicGroup: _group, remindedForRenewalOn: _reminded, importId: _import, searchName: _search, ...shown } = getTableColumns(members);
  return shown;
})();
export type MemberShownRow = Pick<typeof members.$inferSelect, keyof typeof memberShownColumns>;

export function presentMember(row: MemberShownRow): Member {
  return {
    id: row.id,
    legalName: row.legalName,
    tradeName: row.tradeName,
    registrationNumber: row.registrationNumber,
    taxNumber: row.taxNumber,
    isicClass: row.isicClass,
    region: row.region,
    district: row.district,
    address: row.address,
    latitude: row.latitude,
    longitude: row.longitude,
    employeesFemale: row.employeesFemale,
    employeesMale: row.employeesMale,
    turnover: row.turnover,
    sizeClass: row.sizeClass as Member['sizeClass'],
    formality: row.formality as Member['formality'],
    womenLed: row.womenLed,
    youthLed: row.youthLed,
    ownerSex: row.ownerSex as Member['ownerSex'],
    foundedYear: row.foundedYear,
    products: row.products,
    exportStatus: row.exportStatus as Member['exportStatus'],
    email: row.email,
    phone: row.phone,
    website: row.website,
    tags: row.tags,
    tierId: row.tierId,
    status: row.status as Member['status'],
    joinedOn: row.joinedOn,
    renewalDueOn: row.renewalDueOn,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentContact(row: typeof memberContacts.$inferSelect): Contact {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    email: row.email,
    phone: row.phone,
    sex: row.sex,
    consentToContact: row.consentToContact,
    consentRecordedAt: row.consentRecordedAt?.toISOString() ?? null,
    erased: row.erasedAt !== null,
  };
}

export function presentInvoice(row: typeof invoices.$inferSelect, paid: number): Invoice {
  return {
    id: row.id,
    memberId: row.memberId,
    number: row.number,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    amount: row.amount,
    paid,
    currency: row.currency,
    issuedOn: row.issuedOn,
    dueOn: row.dueOn,
    status: row.status as Invoice['status'],
  };
}

export function presentInteraction(row: typeof memberInteractions.$inferSelect): Interaction {
  return {
    id: row.id,
    kind: row.kind as Interaction['kind'],
    occurredOn: row.occurredOn,
    summary: row.summary,
    service: row.service,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentStatusChange(row: Omit<typeof membershipStatusHistory.$inferSelect, 'seq'>) {
  return {
    fromStatus: row.fromStatus as MemberStatus | null,
    toStatus: row.toStatus as MemberStatus,
    reason: row.reason,
    changedBy: row.changedBy,
    changedAt: row.changedAt.toISOString(),
  };
}

/** A firm in arrears; the sum comes from the database as text. */
export function presentArrear(row: { memberId: string; legalName: string; amount: string; oldestDue: string }) {
  return { ...row, amount: Number(row.amount) };
}

export function presentSavedView(row: typeof savedViews.$inferSelect) {
  return { id: row.id, name: row.name, query: row.query };
}

export function presentPortalAccess(row: typeof memberPortalAccess.$inferSelect) {
  return { email: row.email, grantedBy: row.grantedBy, createdAt: row.createdAt.toISOString() };
}
