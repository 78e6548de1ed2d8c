import { z } from 'zod';
import { LOCALES, ROLES } from './role-list.js';

export { LOCALES, ROLES };
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;
