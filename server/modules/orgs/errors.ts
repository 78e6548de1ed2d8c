export const orgErrors = {
  'orgs.not_found': 404,
  'orgs.branch_cycle': 400,
  'orgs.already_branch': 409,
  'orgs.not_admin_of_branch': 403,
  'orgs.last_admin': 409,
  'orgs.user_not_found': 404,
  'orgs.already_in_organisation': 409,
  'orgs.invitation_not_found': 404,
  'orgs.invitation_invalid': 400,
  'orgs.invitation_email_mismatch': 400,
  'orgs.token_not_found': 404,
  'orgs.region_not_in_country': 400,
} as const;
