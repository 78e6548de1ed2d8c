import { z } from 'zod';
import { Email, Name, Password } from './common.js';
import { OrgInput, OrgSummary } from './orgs.js';
import { Locale, Role } from './roles.js';

export const LoginInput = z.object({ email: Email, password: z.string().min(1).max(200) });

export const SessionInfo = z.object({
  user: z.object({ id: z.uuid(), name: z.string(), email: z.string(), locale: Locale }),
  org: z.object({ id: z.uuid(), name: z.string(), role: Role, currency: z.string(), languages: z.array(z.string()), country: z.string(), timeZone: z.string(), locale: z.string() }).nullable(),
  orgs: z.array(OrgSummary),
  csrfToken: z.string(),
  /** Where map tiles come from; null when the deployment has no map (offline). */
  map: z.object({ tileUrl: z.string(), attribution: z.string() }).nullable(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const SignupInput = z.object({
  admin: z.object({ name: Name, email: Email, password: Password, locale: Locale.default('en') }),
  org: OrgInput,
});
export type SignupInput = z.infer<typeof SignupInput>;

export const SwitchOrgInput = z.object({ orgId: z.uuid() });
export const ForgotPasswordInput = z.object({ email: Email });
export const ResetPasswordInput = z.object({ token: z.string().min(10).max(200), password: Password });
export const ProfileInput = z.object({ name: Name, locale: Locale });
export const PasswordChangeInput = z.object({ currentPassword: z.string().min(1).max(200), newPassword: Password });
