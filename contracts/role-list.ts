// The roles and interface languages as plain lists, apart from roles.ts (their
// zod schemas) so that the web app's first screen does not load zod.
export const ROLES = ['admin', 'staff', 'member', 'official', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ['en', 'fr', 'es', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];
export const isLocale = (value: string | null | undefined): value is Locale => !!value && (LOCALES as readonly string[]).includes(value);

/**
 * The interface language a reader chose, kept where both the web app and the
 * pages the server writes before sign-in (web/app/i18n.ts, the sign-in page)
 * read it: a cookie, since the server cannot read the app's localStorage.
 */
export const LOCALE_COOKIE = 'rt_locale';
