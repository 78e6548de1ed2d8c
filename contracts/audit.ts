import { z } from 'zod';
import { IsoDate, PageQuery, SortParam } from './common.js';

export const AuditFilter = z.object({
  actor: z.string().trim().max(200).optional(),
  action: z.string().trim().max(100).optional(),
  entityType: z.string().trim().max(100).optional(),
  entityId: z.string().trim().max(100).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  /** The log is in the order it was written (`at`), newest first by default. */
  sort: SortParam(['at'], '-at'),
});
export type AuditFilter = z.infer<typeof AuditFilter>;
export const AuditQuery = PageQuery.extend(AuditFilter.shape);
export type AuditQuery = z.infer<typeof AuditQuery>;

/** A record an entry points at, as a person knows it (its type, for a link, and its name). */
export const AuditRef = z.object({ type: z.string(), name: z.string() });
export type AuditRef = z.infer<typeof AuditRef>;

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.iso.datetime(),
  actorName: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  /** The record's name now, or as the entry named it once the record is gone; null when neither is known. */
  entityName: z.string().nullable(),
  /** Whether the record is still there (a link to it opens it). */
  entityExists: z.boolean(),
  /** The records the changed fields point at by id, named: id → type and name. */
  refs: z.record(z.string(), AuditRef),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** What `t` needs of i18next here: contracts import no i18n library. */
type Translate = (key: string, options: { defaultValue: string }) => string;

/**
 * What an audit entry's action reads as, in the reader's language (the log's
 * screen and its download). An advocacy issue's steps are audited as
 * `advocacy_issue.<step>` and read as the history reads them
 * (`advocacy.events`); an action without a label shows its code rather than nothing.
 */
export function auditActionLabel(t: Translate, action: string): string {
  const step = /^advocacy_issue\.(.+)$/.exec(action)?.[1];
  if (step) return t(`advocacy.events.${step}`, { defaultValue: t(`audit.actions.${action}`, { defaultValue: action }) });
  return t(`audit.actions.${action}`, { defaultValue: action });
}
