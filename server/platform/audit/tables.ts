import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Append-only: the app role may insert and read, never update or delete
// (see the grants in migrations). No foreign keys, so history outlives the
// rows it describes.
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }),
    orgId: uuid('org_id').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull().default(sql`clock_timestamp()`),
  },
  (t) => [
    primaryKey({ name: 'audit_log_pkey', columns: [t.id, t.orgId] }),
    index('audit_log_org_at_idx').on(t.orgId, t.id),
    index('audit_log_org_entity_idx').on(t.orgId, t.entityType, t.entityId),
  ],
);
