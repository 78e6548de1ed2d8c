import type { z } from 'zod';
import type { ForgotPasswordInput, PasswordChangeInput, ResetPasswordInput, SessionInfo, SignupInput } from '../../../contracts/auth.js';
import type { InvitationPreview } from '../../../contracts/orgs.js';
import { api } from '../../app/api.js';

export const authKeys = {
  invitation: (token: string) => ['invitation', token] as const,
};

export const createAccount = (values: z.input<typeof SignupInput>) => api<SessionInfo>('/api/v1/auth/signup', { method: 'POST', body: values });
export const askPasswordReset = (values: z.input<typeof ForgotPasswordInput>) => api('/api/v1/auth/forgot-password', { method: 'POST', body: values });
export const resetPassword = (values: z.input<typeof ResetPasswordInput>) => api('/api/v1/auth/reset-password', { method: 'POST', body: values });
export const updatePassword = (values: z.input<typeof PasswordChangeInput>) => api('/api/v1/auth/password', { method: 'POST', body: values });

export const fetchInvitation = (token: string) => api<InvitationPreview>(`/api/v1/invitations/${token}`);
export const acceptInvitation = (token: string, values: { name?: string; password?: string }) => api<SessionInfo>(`/api/v1/invitations/${token}/accept`, { method: 'POST', body: values });
