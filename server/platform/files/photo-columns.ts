import { customType, integer, text } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * The columns of a stored photo (`preparePhoto`'s result), the same in every
 * module's table that keeps photos: the bytes live with the record they show,
 * so its module's rules (and row-level security) decide who reads them, and a
 * backup holds them. Read `data`/`thumb` only where they are sent.
 */
export const photoColumns = () => ({
  contentType: text('content_type').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  data: bytea('data').notNull(),
  thumbWidth: integer('thumb_width').notNull(),
  thumbHeight: integer('thumb_height').notNull(),
  thumb: bytea('thumb').notNull(),
});
