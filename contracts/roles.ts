import { z } from 'zod';

export const ROLES = ['admin', 'staff', 'member', 'official', 'viewer'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const LOCALES = ['en', 'fr', 'es', 'ru'] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;
