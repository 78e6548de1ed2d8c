export const b2bErrors = {
  'b2b.not_open': 409,
  'b2b.event_closed': 409,
  'b2b.participant_not_found': 404,
  'b2b.request_not_found': 404,
  'b2b.not_yourself': 400,
  'b2b.already_requested': 409,
  'b2b.deadline_passed': 409,
  'b2b.expired': 409,
  'b2b.already_answered': 409,
  'b2b.slot_outside': 400,
  'b2b.too_many_table_names': 400,
  'b2b.break_outside': 400,
} as const;
