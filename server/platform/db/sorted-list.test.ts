import { sql } from 'drizzle-orm';
import { PgDialect, pgTable, text, timestamp, uuid, integer } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SortParam } from '../../../contracts/common.js';
import { AppError } from '../errors/app-error.js';
import { decodeSortedCursor, parseSort, sortedQuery } from './sorted-list.js';

const things = pgTable('things', { id: uuid('id').primaryKey(), name: text('name').notNull(), born: integer('born'), createdAt: timestamp('created_at', { withTimezone: true }).notNull() });
const ORDER = {
  name: { by: things.name, type: 'text' as const },
  born: { by: things.born, type: 'int' as const, nullable: true },
  created: { by: things.createdAt, type: 'timestamptz' as const },
};
const ID = '0b5f7a5e-3f0e-4c1b-9a57-3d3c8f5b2a11';
const dialect = new PgDialect();
const render = (q: ReturnType<typeof sql>) => dialect.sqlToQuery(q);
const cursorOf = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString('base64url');
const refused = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fieldErrors).toEqual([expect.objectContaining({ path: 'cursor', code: 'invalid_cursor' })]);
    return;
  }
  throw new Error('not refused');
};

describe('a list\'s order in its contract', () => {
  it('accepts each declared column both ways, defaults, and refuses the rest', () => {
    const Sort = SortParam(['name', 'born'], 'name');
    expect(Sort.parse(undefined)).toBe('name');
    expect(Sort.parse('-born')).toBe('-born');
    expect(Sort.safeParse('phone').success).toBe(false);
    expect(Sort.safeParse('--name').success).toBe(false);
    expect(z.object({ sort: Sort }).parse({}).sort).toBe('name');
    expect(parseSort('-born')).toEqual({ column: 'born', desc: true });
    expect(parseSort('name')).toEqual({ column: 'name', desc: false });
  });
});

describe('sorted pages', () => {
  it('orders by the column then the id, the same way, empty keys last', () => {
    const up = sortedQuery(ORDER, things.id, 'name', undefined);
    expect(up.after).toBeUndefined();
    expect(up.orderBy.map((o) => render(o).sql)).toEqual(['"things"."name" ASC', '"things"."id" ASC']);
    // A column with no empty keys is ordered plainly, so a descending page can walk an index backwards.
    expect(sortedQuery(ORDER, things.id, '-name', undefined).orderBy.map((o) => render(o).sql)).toEqual(['"things"."name" DESC', '"things"."id" DESC']);
    const down = sortedQuery(ORDER, things.id, '-born', undefined);
    expect(down.orderBy.map((o) => render(o).sql)).toEqual(['"things"."born" DESC NULLS LAST', '"things"."id" DESC']);
    expect(render(down.key).sql).toBe('("things"."born")::text');
  });

  it('writes a cursor holding the order, the key as text and the id, and reads it back into the condition', () => {
    const first = sortedQuery(ORDER, things.id, '-created', undefined);
    const rows = [{ k: '2026-01-05 10:00:00.123+00', id: ID }, { k: '2026-01-04 10:00:00+00', id: ID }];
    const page = first.page(rows, 1, (r) => r.id);
    expect(page.items).toHaveLength(1);
    expect(JSON.parse(Buffer.from(page.nextCursor!, 'base64url').toString())).toEqual(['-created', '2026-01-05 10:00:00.123+00', ID]);
    expect(first.page(rows.slice(0, 1), 1, (r) => r.id).nextCursor).toBeNull();
    const next = render(sortedQuery(ORDER, things.id, '-created', page.nextCursor!).after!);
    expect(next.sql).toBe('("things"."created_at", "things"."id") < ($1::timestamptz, $2::uuid)');
    expect(next.params).toEqual(['2026-01-05 10:00:00.123+00', ID]);
  });

  it('pages past empty keys: after a row with a key, its followers and every empty one; after an empty one, the empty ones by id', () => {
    const withKey = render(sortedQuery(ORDER, things.id, 'born', cursorOf(['born', '1990', ID])).after!);
    expect(withKey.sql).toBe('("things"."born" IS NULL OR ("things"."born", "things"."id") > ($1::int, $2::uuid))');
    const empty = render(sortedQuery(ORDER, things.id, '-born', cursorOf(['-born', null, ID])).after!);
    expect(empty.sql).toBe('("things"."born" IS NULL AND "things"."id" < $1::uuid)');
    // A column that is never empty takes no empty key.
    refused(() => sortedQuery(ORDER, things.id, 'name', cursorOf(['name', null, ID])));
  });

  it('refuses a cursor of another order, of another column\'s type, forged or unreadable', () => {
    refused(() => sortedQuery(ORDER, things.id, '-name', cursorOf(['name', 'Ama', ID])));
    refused(() => sortedQuery(ORDER, things.id, 'born', cursorOf(['born', 'not a number', ID])));
    refused(() => sortedQuery(ORDER, things.id, 'created', cursorOf(['created', '2026-02-30 10:00:00+00', ID])));
    refused(() => sortedQuery(ORDER, things.id, 'name', cursorOf(['name', 'Ama', 'not-an-id'])));
    refused(() => sortedQuery(ORDER, things.id, 'name', '%%%'));
    refused(() => sortedQuery(ORDER, things.id, 'name', cursorOf(['name', 'A\u0000', ID])));
    expect(decodeSortedCursor(undefined, 'name', ORDER.name)).toBeNull();
    // A bigint identity breaks ties where ids are numbers (the audit log).
    expect(decodeSortedCursor(cursorOf(['-at', '42', 41]), '-at', { by: things.id, type: 'bigint' }, 'bigint')).toEqual({ key: '42', id: 41 });
  });
});
