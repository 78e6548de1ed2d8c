import { z } from 'zod';
import { Email, Int, IsoDate, PageQuery, Uuid, Version } from './common.js';
import { isIsicClass } from './isic.js';
import { EXPORT_STATUSES, INTERACTION_KINDS, MEMBER_SORTS, MEMBER_STATUSES, PAYMENT_METHODS, SEXES, SIZE_CLASSES } from './member-lists.js';

export { EXPORT_STATUSES, INTERACTION_KINDS, MEMBER_SORTS, MEMBER_STATUSES, PAYMENT_METHODS, SEXES, SIZE_CLASSES };
export const Sex = z.enum(SEXES);

export const SizeClass = z.enum(SIZE_CLASSES);
export type SizeClass = z.infer<typeof SizeClass>;
export const MemberStatus = z.enum(MEMBER_STATUSES);
export type MemberStatus = z.infer<typeof MemberStatus>;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null);
// Absent optional fields are null: a PUT replaces the whole record.
const count = z.number().int().min(0).max(10_000_000).nullable().default(null);
/** Money in minor units (e.g. pesewas), never floats. */
export const Minor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

// An empty field means "no e-mail"; anything else must be an address.
const OptionalEmail = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), Email.nullable()).default(null);

export const IsicClassCode = z
  .string()
  .trim()
  .refine(isIsicClass, { params: { code: 'members.isic_unknown' } });

export const MemberInput = z
  .object({
    legalName: z.string().trim().min(1).max(300),
    tradeName: optionalText(300),
    registrationNumber: optionalText(100),
    taxNumber: optionalText(100),
    isicClass: IsicClassCode.nullable().default(null),
    region: z.string().trim().toUpperCase().nullable().default(null),
    district: optionalText(200),
    address: optionalText(1000),
    latitude: z.number().min(-90).max(90).nullable().default(null),
    longitude: z.number().min(-180).max(180).nullable().default(null),
    employeesFemale: count,
    employeesMale: count,
    turnover: Minor.nullable().default(null),
    formality: z.enum(['formal', 'informal']).default('formal'),
    womenLed: z.boolean().default(false),
    youthLed: z.boolean().default(false),
    ownerSex: Sex.nullable().default(null),
    foundedYear: z.number().int().min(1800).max(2100).nullable().default(null),
    products: z.string().trim().max(2000).default(''),
    exportStatus: z.enum(EXPORT_STATUSES).default('none'),
    email: OptionalEmail,
    phone: optionalText(50),
    website: optionalText(300),
    tags: z.array(z.string().trim().toLowerCase().min(1).max(50)).max(30).default([]),
    tierId: Uuid.nullable().default(null),
  })
  .refine((m) => (m.latitude == null) === (m.longitude == null), { path: ['longitude'], params: { code: 'members.point_incomplete' } });
export type MemberInput = z.infer<typeof MemberInput>;

export const Member = z.object({
  id: Uuid,
  legalName: z.string(),
  tradeName: z.string().nullable(),
  registrationNumber: z.string().nullable(),
  taxNumber: z.string().nullable(),
  isicClass: z.string().nullable(),
  region: z.string().nullable(),
  district: z.string().nullable(),
  address: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  employeesFemale: z.number().nullable(),
  employeesMale: z.number().nullable(),
  turnover: z.number().nullable(),
  sizeClass: SizeClass.nullable(),
  formality: z.enum(['formal', 'informal']),
  womenLed: z.boolean(),
  youthLed: z.boolean(),
  ownerSex: Sex.nullable(),
  foundedYear: z.number().nullable(),
  products: z.string(),
  exportStatus: z.enum(EXPORT_STATUSES),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  tags: z.array(z.string()),
  tierId: Uuid.nullable(),
  status: MemberStatus,
  joinedOn: z.string().nullable(),
  renewalDueOn: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Member = z.infer<typeof Member>;

const csv = z
  .string()
  .max(2000)
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean));

/** Filters of the member list, also the shape of a saved view. */
export const MemberFilter = z.object({
  q: z.string().trim().max(200).optional(),
  sector: z.string().trim().max(4).optional(),
  region: z.string().trim().toUpperCase().max(10).optional(),
  size: csv.pipe(z.array(SizeClass)).optional(),
  status: csv.pipe(z.array(MemberStatus)).optional(),
  informal: z.enum(['true', 'false']).optional(),
  womenLed: z.enum(['true', 'false']).optional(),
  tag: z.string().trim().toLowerCase().max(50).optional(),
  sort: z.enum(MEMBER_SORTS).default('name'),
});
export type MemberFilter = z.infer<typeof MemberFilter>;
export const MemberQuery = PageQuery.extend(MemberFilter.shape);
export type MemberQuery = z.infer<typeof MemberQuery>;

export const MemberUpdate = MemberInput.and(z.object({ version: Version }));

export const ContactInput = z.object({
  name: z.string().trim().min(1).max(200),
  role: z.string().trim().max(200).default(''),
  email: OptionalEmail,
  phone: optionalText(50),
  sex: Sex.nullable().default(null),
  consentToContact: z.boolean().default(false),
});
export const Contact = z.object({
  id: Uuid,
  name: z.string(),
  role: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  sex: z.string().nullable(),
  consentToContact: z.boolean(),
  consentRecordedAt: z.iso.datetime().nullable(),
  erased: z.boolean(),
});
export type Contact = z.infer<typeof Contact>;

export const InteractionInput = z.object({
  kind: z.enum(INTERACTION_KINDS),
  occurredOn: IsoDate,
  summary: z.string().trim().min(1).max(2000),
  service: optionalText(200),
});
export const Interaction = InteractionInput.extend({ id: Uuid, service: z.string().nullable(), createdAt: z.iso.datetime() });
export type Interaction = z.infer<typeof Interaction>;

export const StatusChangeInput = z.object({ status: MemberStatus, reason: z.string().trim().max(500).default('') });
export const StatusHistoryEntry = z.object({
  fromStatus: MemberStatus.nullable(),
  toStatus: MemberStatus,
  reason: z.string(),
  changedBy: z.string(),
  changedAt: z.iso.datetime(),
});

export const TierInput = z.object({
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(1000).default(''),
  active: z.boolean().default(true),
  fees: z.object({ micro: Minor, small: Minor, medium: Minor, large: Minor }),
});
export const Tier = z.object({
  id: Uuid,
  name: z.string(),
  description: z.string(),
  active: z.boolean(),
  fees: z.object({ micro: z.number().nullable(), small: z.number().nullable(), medium: z.number().nullable(), large: z.number().nullable() }),
});
export type Tier = z.infer<typeof Tier>;

export const Invoice = z.object({
  id: Uuid,
  memberId: Uuid,
  number: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  amount: z.number(),
  paid: z.number(),
  currency: z.string(),
  issuedOn: z.string(),
  dueOn: z.string(),
  status: z.enum(['open', 'paid', 'void']),
});
export type Invoice = z.infer<typeof Invoice>;

export const PaymentInput = z.object({
  amount: Minor.refine((n) => n > 0, { params: { code: 'members.payment_zero' } }),
  paidOn: IsoDate,
  method: z.enum(PAYMENT_METHODS),
  reference: z.string().trim().max(200).default(''),
});

export const MemberSettingsInput = z
  .object({
    microMaxEmployees: Int.min(0),
    smallMaxEmployees: Int.min(0),
    mediumMaxEmployees: Int.min(0),
    microMaxTurnover: Minor.nullable(),
    smallMaxTurnover: Minor.nullable(),
    mediumMaxTurnover: Minor.nullable(),
    districts: z.array(z.object({ region: z.string().trim().toUpperCase(), name: z.string().trim().min(1).max(200) })).max(2000),
  })
  .refine((s) => s.microMaxEmployees < s.smallMaxEmployees && s.smallMaxEmployees < s.mediumMaxEmployees, {
    path: ['smallMaxEmployees'],
    params: { code: 'members.thresholds_order' },
  });
export type MemberSettingsInput = z.infer<typeof MemberSettingsInput>;

/** A federation's membership: counts only, so a branch that keeps its member data shares these too. */
export const MembershipCounts = z.object({ firms: z.number(), active: z.number(), applicants: z.number(), lapsed: z.number(), womenLedActive: z.number(), informalActive: z.number() });
export type MembershipCounts = z.infer<typeof MembershipCounts>;
export const OrgMembership = MembershipCounts.extend({ orgId: Uuid, name: z.string(), sharesMemberData: z.boolean() });
export type OrgMembership = z.infer<typeof OrgMembership>;
/** The umbrella's own firms, each branch (with zeros where it has none), and their sum. */
export const Federation = z.object({ own: OrgMembership, items: z.array(OrgMembership), total: MembershipCounts });
export type Federation = z.infer<typeof Federation>;
/** A firm of a branch that shares its member data upward. */
export const SharedFirm = z.object({
  id: Uuid,
  legalName: z.string(),
  isicClass: z.string().nullable(),
  region: z.string().nullable(),
  sizeClass: z.string().nullable(),
  status: z.string(),
  womenLed: z.boolean(),
  formality: z.string(),
  joinedOn: z.string().nullable(),
});
