import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../contracts/audit.js';
import type { Permission } from '../../contracts/permissions.js';

// An audit entry's change as a person reads it: each field by its label in the
// reader's language, each value as the page it came from shows it (dates in the
// reader's locale, codes by their names, ids of records by the records' names).
// What the modules' pages call their fields is reused here by record type
// (`LABELS`); a field no page names has its label under `audit.fields`. Nothing
// is shown as JSON or as an id: a record the server could not name reads as
// "another record", a field without a label as its name in words.

/** How the page shows values it cannot name from the entry alone (the reader's locale and reference data). */
export interface AuditReaders {
  t: TFunction;
  date(iso: string): string;
  dateTime(iso: string): string;
  number(n: number): string;
  money(minor: number): string;
  region(code: string): string;
  sector(code: string): string;
  country(code: string): string;
  currency(code: string): string;
  language(code: string): string;
}

/** One value: its words, and the record it names when it names one (for a link). */
export interface AuditValue {
  text: string;
  record?: { type: string; id: string };
}

export interface AuditChange {
  field: string;
  label: string;
  before: AuditValue | null;
  after: AuditValue | null;
}

/** Where each type of record keeps the labels of its fields (its own pages' words). */
const LABELS: Record<string, string[]> = {
  member: ['members'],
  member_contact: ['members.contacts', 'members'],
  invoice: ['members.invoices', 'members'],
  membership_tier: ['members.tiers'],
  member_settings: ['members.thresholds', 'members'],
  member_import: ['members.import'],
  org: ['org'],
  user: ['people'],
  invitation: ['people', 'auth'],
  api_token: ['tokens'],
  form: ['surveys'],
  consultation: ['surveys'],
  response: ['surveys'],
  member_issue: ['intake'],
  advocacy_issue: ['advocacy.fields', 'advocacy'],
  advocacy_action: ['advocacy.plan'],
  position_paper: ['advocacy.papers'],
  decision_maker: ['decisionMakers'],
  public_body: ['decisionMakers'],
  forum: ['dialogue'],
  meeting: ['dialogue'],
  decision: ['dialogue'],
  person_reached: ['peopleReached'],
  results_framework: ['results'],
  results_period: ['results'],
  training_course: ['training'],
  capacity_assessment: ['capacity', 'capacity.items'],
  event: ['events'],
  event_registration: ['events'],
  led_region: ['led'],
  led_bottleneck: ['led'],
  led_measure: ['led', 'led.impl'],
};

/** Fields whose codes have names, by record type (`*` for every type): field → where the names are. */
const CODES: Record<string, Record<string, string[]>> = {
  '*': {
    role: ['roles'],
    sizeClass: ['members.sizes'],
    formality: ['members.formalities'],
    ownerSex: ['members.sexes'],
    exportStatus: ['members.exports'],
    method: ['members.invoices.methods'],
    sex: ['peopleReached.sexes', 'members.sexes'],
    ageBand: ['peopleReached.bands'],
    side: ['dialogue.sides'],
    category: ['intake.categories', 'advocacy.categories'],
    via: ['intake.vias'],
    channel: ['surveys.channels'],
    purpose: ['surveys.purposes'],
    identity: ['surveys.identities'],
    state: ['results.states'],
    level: ['results.levels'],
    unit: ['results.units'],
    step: ['advocacy.steps'],
    outcome: ['advocacy.outcomes'],
    library: ['results.library'],
  },
  member: { status: ['members.statuses'], kind: ['members.timeline.kinds'], types: ['networkingInfo.types'] },
  member_issue: { status: ['intake.statuses'] },
  invoice: { status: ['members.invoices.statuses'] },
  advocacy_action: { status: ['advocacy.plan.statuses'], kind: ['advocacy.plan.kinds'] },
  advocacy_issue: { value: ['advocacy.steps', 'advocacy.outcomes', 'advocacy.papers.statuses', 'advocacy.plan.statuses', 'dialogue.decisionStatuses'] },
  position_paper: { status: ['advocacy.papers.statuses'] },
  meeting: { status: ['dialogue.meetingStatuses'] },
  decision: { status: ['dialogue.decisionStatuses'] },
  consultation: { status: ['surveys.statuses'] },
  forum: { kind: ['dialogue.kinds'], role: ['dialogue.roles'] },
  org: { kind: ['org.kinds'] },
  user: { status: ['people.statuses'] },
  results_framework: { kind: ['results.kinds'] },
  training_course: { kind: ['training.kinds'] },
  capacity_assessment: { status: ['capacity.statuses'], item: ['capacity.items'] },
  event: { kind: ['events.kinds'], state: ['events.states'], audience: ['events.audiences'] },
  event_registration: { kind: ['events.registrantKinds'], status: ['events.statuses'] },
  led_region: { sector: ['led.sectors'], body: ['led.bodies'], finding: ['led.findings'], topic: ['led.topics'] },
  led_measure: { status: ['led.statuses'], role: ['led.impl.roles'], source: ['led.impl.sources'] },
  task: { kind: ['audit.taskKinds'] },
  person_reached: { kind: ['peopleReached.sources', 'results.recordTypes'], source: ['peopleReached.sources', 'results.recordTypes'] },
  networking_product: { state: ['networking.showcase.states'] },
  networking_info_entry: { type: ['networkingInfo.types'], state: ['networkingInfo.states'] },
};

/** Bookkeeping a person has no use for: the ids of rows inside a record, versions, hashes. */
const HIDDEN = new Set(['id', 'orgId', 'itemId', 'valueId', 'followUpId', 'participationId', 'membershipId', 'fileId', 'version', 'searchName', 'checksum', 'isicSection', 'isicDivision', 'isicGroup', 'remindedForRenewalOn', 'taskId', 'sequence', 'submissionKey', 'row', 'milestoneId', 'budgetLineId', 'reportId', 'photoId', 'photoIds']);

const REGION = new Set(['region', 'regions', 'originRegion']);
const COUNTRY = new Set(['country', 'countries', 'exportMarkets']);
const SECTOR = new Set(['isicClass', 'sector', 'sectors']);
const LANGUAGE = new Set(['languages', 'language', 'locale']);
/** Money is stored in minor units of the organisation's currency (members/README). */
const MONEY = new Set(['amount', 'fee', 'budget', 'turnover', 'microMaxTurnover', 'smallMaxTurnover', 'mediumMaxTurnover']);
/** Groups whose parts are named by a list of codes and hold money: a tier's fees by size class. */
const GROUPS: Record<string, { labels: string; money: boolean }> = { fees: { labels: 'members.sizes', money: true } };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A translation that is a string (not a group of them), or null. */
function word(t: TFunction, key: string): string | null {
  const found: unknown = t(key, { returnObjects: true, defaultValue: '' });
  return typeof found === 'string' && found !== '' ? found : null;
}

/** `consentToContact` → "Consent to contact": the last resort for a field nobody named. */
export function fieldInWords(field: string): string {
  const spaced = field.replace(/_/g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** A page's label reads as a label: not a sentence ("Records merged."), a lead-in ("Merged into:") or a template ("due {{date}}"). */
const asLabel = (text: string | null) => (text && !/\{\{|[:.]$/.test(text) ? text : null);

export function fieldLabel(t: TFunction, entityType: string, field: string): string {
  for (const ns of LABELS[entityType] ?? []) {
    const found = asLabel(word(t, `${ns}.${field}`));
    if (found) return found;
  }
  return word(t, `audit.fields.${field}`) ?? fieldInWords(field);
}

function codeName(t: TFunction, entityType: string, field: string, code: string): string | null {
  if (!/^[\w.-]{1,64}$/.test(code)) return null;
  for (const ns of CODES[entityType]?.[field] ?? CODES['*']![field] ?? []) {
    // A code with dots is a key of one level: written with underscores (`members_import_check`), or
    // as it is (`advocacy.reforms` in results.library, which i18next finds among nested keys).
    const found = word(t, `${ns}.${code.replace(/\./g, '_')}`) ?? (code.includes('.') ? word(t, `${ns}.${code}`) : null);
    if (found) return found;
  }
  return null;
}

/** One value as the reader reads it. */
export function valueInWords(entry: Pick<AuditEntry, 'entityType' | 'refs'>, field: string, value: unknown, r: AuditReaders): AuditValue {
  const { t } = r;
  if (value === null || value === undefined || value === '') return { text: '—' };
  if (typeof value === 'boolean') return { text: value ? t('ui.yes') : t('ui.no') };
  if (typeof value === 'number') return { text: MONEY.has(field) ? r.money(value) : r.number(value) };
  if (Array.isArray(value)) {
    if (value.length === 0) return { text: '—' };
    return { text: value.map((v) => valueInWords(entry, field, v, r).text).join(', ') };
  }
  if (typeof value === 'object') {
    const group = GROUPS[field];
    const parts = Object.entries(value as Record<string, unknown>)
      .filter(([k, v]) => !HIDDEN.has(k) && v !== null && v !== undefined && v !== '')
      .map(([k, v]) => {
        const label = (group && word(t, `${group.labels}.${k}`)) || fieldLabel(t, entry.entityType, k);
        return `${label}: ${valueInWords(entry, group?.money ? 'amount' : k, v, r).text}`;
      });
    return { text: parts.length ? parts.join('; ') : '—' };
  }
  const text = String(value);
  if (UUID.test(text)) {
    const ref = entry.refs[text];
    return ref ? { text: ref.name, record: { type: ref.type, id: text } } : { text: t('audit.otherRecord') };
  }
  if (REGION.has(field)) return { text: r.region(text) };
  // A record type's own names for a field come first: an LED team member's `sector` is private,
  // public or semi-public, not an ISIC class.
  const named = codeName(t, entry.entityType, field, text);
  if (named) return { text: named };
  if (SECTOR.has(field)) return { text: r.sector(text) };
  if (LANGUAGE.has(field)) return { text: r.language(text) };
  if (COUNTRY.has(field)) return { text: r.country(text) };
  if (field === 'currency') return { text: r.currency(text) };
  if (DATE.test(text)) return { text: r.date(text) };
  if (INSTANT.test(text)) return { text: r.dateTime(text) };
  return { text };
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * The fields an entry changed, set or removed, in the order the entry holds
 * them: the value before (null when the entry set it) and after (null when it
 * removed it).
 */
export function auditChanges(entry: AuditEntry, r: AuditReaders): AuditChange[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  // A field left empty on both sides (most of a new record's) says nothing.
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => !HIDDEN.has(f) && !(isEmpty(before[f]) && isEmpty(after[f])));
  return fields.map((field) => ({
    field,
    label: fieldLabel(r.t, entry.entityType, field),
    before: field in before ? valueInWords(entry, field, before[field], r) : null,
    after: field in after ? valueInWords(entry, field, after[field], r) : null,
  }));
}

/** Where a record of the log opens, for types that have a page; null for the others. */
export function recordPath(type: string, id: string): string | null {
  switch (type) {
    case 'member': return `/members/${id}`;
    case 'form': return `/forms/${id}`;
    case 'consultation': return `/consultations/${id}`;
    case 'member_issue': return `/issues/${id}`;
    case 'advocacy_issue': return `/advocacy/${id}`;
    case 'decision_maker': return `/decision-makers/${id}`;
    case 'forum': return `/dialogue/forums/${id}`;
    case 'meeting': return `/dialogue/meetings/${id}`;
    case 'person_reached': return `/people-reached/${id}`;
    case 'results_framework': return `/results/${id}`;
    case 'results_period': return `/results/periods/${id}`;
    case 'training_course': return `/training/${id}`;
    case 'capacity_assessment': return `/training/capacity/${id}`;
    case 'event': return `/events/${id}`;
    case 'led_region': return `/led/${id}`;
    case 'led_measure': return `/led/measures/${id}`;
    default: return null;
  }
}

/** The permission that opens a record's page (contracts/permissions.ts). */
export const recordPermission: Partial<Record<string, Permission>> = {
  member: 'members.read', form: 'surveys.read', consultation: 'surveys.read', member_issue: 'intake.read',
  advocacy_issue: 'advocacy.read', decision_maker: 'advocacy.read', forum: 'dialogue.read', meeting: 'dialogue.read',
  person_reached: 'people_reached.read', results_framework: 'results.read', results_period: 'results.read',
  training_course: 'training.read', capacity_assessment: 'capacity.read', event: 'events.read', led_region: 'led.read', led_measure: 'led.read',
};

/** What a type of record is called ("Member firm", "Meeting"), or its code in words. */
export function recordTypeLabel(t: TFunction, type: string): string {
  return word(t, `audit.types.${type}`) ?? fieldInWords(type);
}
