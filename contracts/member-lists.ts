// The member contract's lists of codes, apart from its schemas (contracts/members.ts
// re-exports them): a page that only names or offers these codes does not download zod.
export const SIZE_CLASSES = ['micro', 'small', 'medium', 'large'] as const;
export const MEMBER_STATUSES = ['applicant', 'active', 'lapsed', 'suspended', 'resigned'] as const;
export const EXPORT_STATUSES = ['none', 'occasional', 'regular'] as const;
export const INTERACTION_KINDS = ['call', 'visit', 'email', 'meeting', 'service', 'note'] as const;
export const SEXES = ['female', 'male', 'other'] as const;
export const PAYMENT_METHODS = ['cash', 'bank_transfer', 'mobile_money', 'cheque', 'card', 'other'] as const;
export const MEMBER_SORTS = ['name', '-name', 'created', '-created', 'renewal', '-renewal'] as const;
