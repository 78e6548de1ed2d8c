import type { Role } from './roles.js';

const ALL: readonly Role[] = ['admin', 'staff', 'member', 'official', 'viewer'];

/**
 * Who may do what: the one table the server enforces and the web app uses
 * to show only what a person may do. Deny by default: a role not listed is
 * refused, and a permission not listed is refused to everyone.
 */
export const PERMISSIONS = {
  'org.read': ALL,
  'org.update': ['admin'],
  'branches.read': ['admin', 'staff', 'viewer'],
  'branches.manage': ['admin'],
  // The list of branches as a file: for those who work with them, not for viewers.
  'branches.export': ['admin', 'staff'],
  // Staff see the people they work with; members, officials and viewers see
  // only themselves, through their session.
  'people.read': ['admin', 'staff'],
  'people.manage': ['admin'],
  'tokens.manage': ['admin'],
  'audit.read': ['admin'],
  // Member registry: staff run it, viewers (e.g. donors) read it, a member
  // firm's own user sees only its own record (members.self).
  'members.read': ['admin', 'staff', 'viewer'],
  'members.write': ['admin', 'staff'],
  'members.export': ['admin', 'staff'],
  'members.import': ['admin', 'staff'],
  'members.settings': ['admin'],
  'members.privacy': ['admin'],
  'members.self': ['member'],
  'membership.manage': ['admin', 'staff'],
  'mail.read': ['admin'],
  // Consultations: staff build forms, send them and enter answers from calls
  // and interviews; viewers read the results. Respondents use their link.
  'surveys.read': ['admin', 'staff', 'viewer'],
  'surveys.manage': ['admin', 'staff'],
  'surveys.export': ['admin', 'staff'],
  // Issue intake: member firms raise problems and say "this affects us too";
  // everyone in the organisation sees the issues and their counts; staff
  // triage, merge and forward them, and see which firms are behind each.
  'intake.read': ['admin', 'staff', 'viewer', 'member'],
  'intake.raise': ['admin', 'staff', 'member'],
  'intake.triage': ['admin', 'staff'],
  // Advocacy: staff build the case and run the campaign; viewers (board,
  // donors) follow it; the director (admin) approves position papers.
  'advocacy.read': ['admin', 'staff', 'viewer'],
  'advocacy.manage': ['admin', 'staff'],
  'advocacy.approve': ['admin'],
  // Public-private dialogue: staff run the forums; officials invited to a
  // forum see that forum only, and may report progress on its decisions.
  'dialogue.read': ['admin', 'staff', 'viewer', 'official'],
  'dialogue.manage': ['admin', 'staff'],
  'dialogue.follow_up': ['admin', 'staff', 'official'],
  // An official sees only the forums they sit in; everyone else with dialogue.read sees them all.
  'dialogue.own_forums_only': ['official'],
  // People the programmes reach (trainees, trainers, new jobs): staff record
  // and merge them; their names and phones are not for viewers, who see the
  // counts in results.
  'people_reached.read': ['admin', 'staff'],
  'people_reached.manage': ['admin', 'staff'],
  // Events (shared by networking, training and LED): staff run them and take
  // attendance; everyone in the organisation sees the published calendar; a
  // member firm's user registers the firm's own people (only theirs).
  'events.read': ALL,
  'events.manage': ['admin', 'staff'],
  'events.register': ['admin', 'staff', 'member'],
  'events.check_in': ['admin', 'staff'],
  // Training: staff run courses, take attendance (through events) and certify
  // trainers; participants' names are not for viewers, who see the counts in results.
  'training.read': ['admin', 'staff'],
  'training.manage': ['admin', 'staff'],
  // The key that signs certificates in the organisation's name: replaced by an admin only.
  'training.keys': ['admin'],
  // The BMO's own capacity: staff fill the yearly self-assessment, the board
  // and donors (viewers) read it; only an admin reopens a submitted one.
  'capacity.read': ['admin', 'staff', 'viewer'],
  'capacity.fill': ['admin', 'staff'],
  'capacity.reopen': ['admin'],
  // B2B meetings at an event: staff open matchmaking and run the scheduler, acting
  // for any participant; a member firm's user acts only for the firm's own
  // registrations (as members.self: the service checks the firm).
  'b2b.manage': ['admin', 'staff'],
  'b2b.take_part': ['admin', 'staff', 'member'],
  // SME networking: staff run the directory, review offers, introduce firms
  // and set the matching weights; viewers read it; a member firm's user edits
  // its own profile and offers and says it is interested (as members.self).
  'networking.read': ['admin', 'staff', 'viewer'],
  'networking.manage': ['admin', 'staff'],
  'networking.settings': ['admin', 'staff'],
  'networking.self': ['member'],
  // LED: staff run the regions' analysis, bottlenecks and measures; viewers
  // (donors, board) read them.
  'led.read': ['admin', 'staff', 'viewer'],
  'led.manage': ['admin', 'staff'],
  // Scoring a call's applications: the service also requires a seat on the call's panel.
  'led.rate': ['admin', 'staff', 'viewer'],
  // Results: staff build the frameworks and draft the reports; the director
  // (admin) approves them; viewers (donors, board) read them.
  'results.read': ['admin', 'staff', 'viewer'],
  'results.manage': ['admin', 'staff'],
  'results.approve': ['admin'],
  // Home pages: the organisation's state in numbers and charts, for the board
  // and donors (viewers) and the director (admin); staff keep their work lists.
  'home.figures': ['admin', 'viewer'],
  // The staff's home: their work lists and the organisation's settings at a glance.
  'home.work': ['admin', 'staff'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role | null | undefined, permission: string): boolean {
  if (!role) return false;
  return (PERMISSIONS as Record<string, readonly Role[]>)[permission]?.includes(role) ?? false;
}

export function knownPermission(permission: string): boolean {
  return permission in PERMISSIONS;
}
