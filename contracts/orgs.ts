import { z } from 'zod';
import { Email, Name, PageQuery, SortParam, Uuid } from './common.js';
import { CountryCode, CurrencyCode, isSubdivisionOf, LanguageCode } from './geo.js';
import { Role } from './roles.js';
import { FormatLocale, TimeZone } from './time.js';

export const ORG_KINDS = ['chamber', 'association', 'federation', 'self_help_group'] as const;
export const OrgKind = z.enum(ORG_KINDS);

export const OrgInput = z
  .object({
    name: Name,
    kind: OrgKind,
    country: CountryCode,
    regions: z.array(z.string().trim().toUpperCase()).max(200).default([]),
    languages: z.array(LanguageCode).min(1).max(20),
    currency: CurrencyCode,
    /** IANA zone; left out when creating, the country's capital's. */
    timeZone: TimeZone.optional(),
    /** BCP 47 locale for dates and numbers; left out when creating, the country's (en-IN, fr-SN). */
    locale: FormatLocale.optional(),
    shareMemberDataUpward: z.boolean().default(false),
    /**
     * A branch shows its submitted capacity self-assessment's domain scores to
     * its sibling branches (training, capacity). Left out: unchanged (false for a new one).
     */
    shareCapacityWithSiblings: z.boolean().optional(),
  })
  .superRefine((org, ctx) => {
    org.regions.forEach((r, i) => {
      if (!isSubdivisionOf(r, org.country)) {
        ctx.addIssue({ code: 'custom', path: ['regions', i], params: { code: 'orgs.region_not_in_country', region: r, country: org.country } });
      }
    });
  });
export type OrgInput = z.infer<typeof OrgInput>;

export const Org = z.object({
  id: Uuid,
  parentId: Uuid.nullable(),
  name: z.string(),
  kind: OrgKind,
  country: z.string(),
  regions: z.array(z.string()),
  languages: z.array(z.string()),
  currency: z.string(),
  timeZone: z.string(),
  locale: z.string(),
  shareMemberDataUpward: z.boolean(),
  shareCapacityWithSiblings: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Org = z.infer<typeof Org>;

export const OrgSummary = z.object({ id: Uuid, name: z.string(), role: Role, parentId: Uuid.nullable() });
export type OrgSummary = z.infer<typeof OrgSummary>;

export const Branch = Org;
export type Branch = z.infer<typeof Branch>;

export const AttachBranchInput = z.object({ orgId: Uuid });

/** The columns the list of branches sorts by: the name, since when it is a branch's organisation (created). */
export const BRANCH_SORTS = ['name', 'since'] as const;
export const BranchFilter = z.object({
  /** Part of the branch's name. */
  q: z.string().trim().max(200).optional(),
  kind: OrgKind.optional(),
  sort: SortParam(BRANCH_SORTS, 'name'),
});
export type BranchFilter = z.infer<typeof BranchFilter>;
export const BranchQuery = PageQuery.extend(BranchFilter.shape);
export type BranchQuery = z.infer<typeof BranchQuery>;

export const Person = z.object({
  userId: Uuid,
  name: z.string(),
  email: z.string(),
  role: Role,
  since: z.iso.datetime(),
});
export type Person = z.infer<typeof Person>;

/** The columns the list of the organisation's people sorts by. */
export const PERSON_SORTS = ['name', 'since'] as const;
export const PersonFilter = z.object({ role: Role.optional(), sort: SortParam(PERSON_SORTS, 'name') });
export type PersonFilter = z.infer<typeof PersonFilter>;
export const PersonQuery = PageQuery.extend(PersonFilter.shape);
export type PersonQuery = z.infer<typeof PersonQuery>;

export const RoleChange = z.object({ role: Role });

export const InvitationInput = z.object({ email: Email, role: Role });
export const Invitation = z.object({
  id: Uuid,
  email: z.string(),
  role: Role,
  status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
export type Invitation = z.infer<typeof Invitation>;

/** The invitations listed are those not yet accepted (the accepted ones are people): pending, expired or revoked. */
export const OPEN_INVITATION_STATUSES = ['pending', 'expired', 'revoked'] as const;
/** The columns the list of invitations sorts by: the address, when it was sent (newest first by default), when it expires. */
export const INVITATION_SORTS = ['email', 'sent', 'expires'] as const;
export const InvitationFilter = z.object({
  /** Part of the invited address. */
  q: z.string().trim().max(200).optional(),
  status: z.enum(OPEN_INVITATION_STATUSES).optional(),
  role: Role.optional(),
  sort: SortParam(INVITATION_SORTS, '-sent'),
});
export type InvitationFilter = z.infer<typeof InvitationFilter>;
export const InvitationQuery = PageQuery.extend(InvitationFilter.shape);
export type InvitationQuery = z.infer<typeof InvitationQuery>;

export const InvitationPreview = z.object({
  orgName: z.string(),
  email: z.string(),
  role: Role,
  hasAccount: z.boolean(),
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

export const AcceptInvitationInput = z.object({
  name: Name.optional(),
  password: z.string().min(10).max(200).optional(),
});

export const ApiTokenInput = z.object({ name: Name, role: z.enum(['staff', 'viewer']) });
export const ApiToken = z.object({
  id: Uuid,
  name: z.string(),
  role: z.enum(['staff', 'viewer']),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;
export const CreatedApiToken = z.object({ token: ApiToken, secret: z.string() });

/** A token is active until revoked. */
export const API_TOKEN_STATUSES = ['active', 'revoked'] as const;
/** The columns the list of API tokens sorts by: name, creation, last use (never used last both ways). */
export const API_TOKEN_SORTS = ['name', 'created', 'used'] as const;
export const ApiTokenFilter = z.object({
  /** Part of the token's name. */
  q: z.string().trim().max(200).optional(),
  role: ApiToken.shape.role.optional(),
  status: z.enum(API_TOKEN_STATUSES).optional(),
  sort: SortParam(API_TOKEN_SORTS, 'name'),
});
export type ApiTokenFilter = z.infer<typeof ApiTokenFilter>;
export const ApiTokenQuery = PageQuery.extend(ApiTokenFilter.shape);
export type ApiTokenQuery = z.infer<typeof ApiTokenQuery>;
