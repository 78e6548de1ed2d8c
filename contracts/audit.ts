import { z } from 'zod';
import { IsoDate, PageQuery } from './common.js';

export const AuditFilter = z.object({
  actor: z.string().trim().max(200).optional(),
  action: z.string().trim().max(100).optional(),
  entityType: z.string().trim().max(100).optional(),
  entityId: z.string().trim().max(100).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
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
