// The roles and interface languages as plain lists, apart from roles.ts (their
// zod schemas) so that the web app's first screen does not load zod.
export const ROLES = ['admin', 'staff', 'member', 'official', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ['en', 'fr', 'es', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];
