export const intakeErrors = {
  'intake.issue_not_found': 404,
  'intake.issue_merged': 409,
  'intake.merge_into_self': 409,
  'intake.issue_declined': 409,
  'intake.note_required': 400,
  'intake.firm_required': 400,
} as const;
