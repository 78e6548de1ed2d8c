export const advocacyErrors = {
  'advocacy.issue_not_found': 404,
  'advocacy.question_not_found': 400,
  'advocacy.evidence_exists': 409,
  'advocacy.evidence_not_found': 404,
  'advocacy.activity_not_found': 404,
  'advocacy.outcome_evidence_required': 400,
  'advocacy.bad_sector': 400,
  'advocacy.unknown_region': 400,
} as const;
