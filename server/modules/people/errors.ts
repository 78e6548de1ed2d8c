export const peopleErrors = {
  'people.not_found': 404,
  'people.merged': 409,
  'people.possible_duplicate': 409,
  'people.merge_self': 400,
  'people.bad_phone': 400,
  'people.band_with_birth_year': 400,
  'people.branch_not_ours': 400,
  'people.firm_not_found': 400,
} as const;
