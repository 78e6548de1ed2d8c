import { z } from 'zod';

export const Email = z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254));
export const Password = z.string().min(10).max(200);
export const Uuid = z.uuid();
/** The `:id` of a route's path. */
export const IdParams = z.object({ id: Uuid });
/** A thing within another: `/…/:id/…/:childId`. */
export const ChildParams = z.object({ id: Uuid, childId: Uuid });
export const Name = z.string().trim().min(1).max(200);

/** Cursor pagination: `cursor` is opaque, returned as `nextCursor` by the previous page. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export function Page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  code: z.string(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof Problem>;

export const Ok = z.object({ ok: z.literal(true) });
