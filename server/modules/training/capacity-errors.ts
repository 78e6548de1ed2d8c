/** Error codes of the capacity self-assessment (their words: `errors.capacity.*` in the locales). */
export const capacityErrors = {
  'capacity.not_found': 404,
  'capacity.year_taken': 409,
  'capacity.submitted': 409,
  'capacity.incomplete': 409,
  'capacity.not_submitted': 409,
  'capacity.not_a_gap': 409,
  'capacity.reason_required': 400,
} as const;
