export const dialogueErrors = {
  'dialogue.forum_not_found': 404,
  'dialogue.meeting_not_found': 404,
  'dialogue.member_not_found': 404,
  'dialogue.agenda_item_not_found': 404,
  'dialogue.decision_not_found': 404,
  'dialogue.account_not_in_org': 400,
  'dialogue.meeting_not_planned': 409,
  'dialogue.no_invitees': 409,
  'dialogue.ends_before_start': 400,
} as const;
