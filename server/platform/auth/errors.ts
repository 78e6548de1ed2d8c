export const authErrors = {
  'auth.invalid_credentials': 401,
  'auth.session_expired': 401,
  'auth.reset_token_invalid': 400,
  'auth.no_organisation': 403,
  'auth.not_in_organisation': 403,
  'auth.email_taken': 409,
  'auth.too_many_attempts': 429,
} as const;
