import { z } from 'zod';
import { Int, IsoDateTime, Name, PageQuery, SortParam, Text, Uuid } from './common.js';
import { HsCode } from './networking.js';

/**
 * The showcase of local products (issue 18.1, server/modules/networking/
 * showcase-service.ts): a product of a member firm or of a producer group
 * named by text, with its origin, photos and a quality rating on the scale the
 * organisation configures (e.g. One-Village-One-Product stars). Staff enter and
 * publish; a member firm proposes its own, reviewed by staff before it is public.
 */

/** At most this many photos per product; the first is its cover. */
export const MAX_PHOTOS_PER_PRODUCT = 6;
/** A rating scale has 1 to 5 levels. */
export const MAX_QUALITY_LEVELS = 5;

export const QualityScale = z.object({
  /** What the rating is called (e.g. "OVOP stars"); empty: "Quality rating". */
  name: Text(100).trim().default(''),
  /** One label per level, lowest first: the scale's maximum is their number. */
  levels: z.array(Text(100).trim()).min(1).max(MAX_QUALITY_LEVELS),
});
export type QualityScale = z.infer<typeof QualityScale>;
export const DEFAULT_QUALITY_SCALE: QualityScale = { name: '', levels: ['★', '★★', '★★★', '★★★★', '★★★★★'] };

/** draft → submitted (a firm's proposal) → published | returned with a reason; published ⇄ unpublished. */
export const PRODUCT_STATES = ['draft', 'submitted', 'returned', 'published', 'unpublished'] as const;
export const ProductState = z.enum(PRODUCT_STATES);
export type ProductState = z.infer<typeof ProductState>;

export const ProductInput = z.object({
  name: Name,
  description: Text(3000).default(''),
  /** For a good: its HS code (2, 4 or 6 digits), as the directory's offerings. */
  hsCode: z.union([z.literal(''), HsCode]).default(''),
  /** Village, town or district, as people say it. */
  originPlace: Text(200).trim().default(''),
  /** ISO 3166-2 code of one of the organisation's regions. */
  originRegion: z.string().trim().toUpperCase().max(10).nullable().default(null),
});
export type ProductInput = z.infer<typeof ProductInput>;

/** Staff enter a product of a member firm, or of a producer group named by text (one of the two). */
export const StaffProductInput = ProductInput.extend({
  memberId: Uuid.nullable().default(null),
  producerGroup: Text(200).trim().default(''),
});
export type StaffProductInput = z.infer<typeof StaffProductInput>;

export const RatingInput = z.object({ rating: Int.min(1).max(MAX_QUALITY_LEVELS).nullable() });

export const ProductPhoto = z.object({ id: Uuid, caption: z.string(), width: z.number(), height: z.number(), thumbWidth: z.number(), thumbHeight: z.number() });
export type ProductPhoto = z.infer<typeof ProductPhoto>;

export const Product = z.object({
  id: Uuid,
  memberId: Uuid.nullable(),
  firmName: z.string().nullable(),
  producerGroup: z.string(),
  name: z.string(),
  description: z.string(),
  hsCode: z.string(),
  originPlace: z.string(),
  originRegion: z.string().nullable(),
  state: ProductState,
  returnReason: z.string().nullable(),
  rating: z.number().nullable(),
  ratedBy: z.string().nullable(),
  ratedAt: IsoDateTime.nullable(),
  publishedAt: IsoDateTime.nullable(),
  photos: z.array(ProductPhoto),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Product = z.infer<typeof Product>;

export const PRODUCT_SORTS = ['updated', 'name'] as const;
export const ProductFilter = z.object({
  state: ProductState.optional(),
  sort: SortParam(PRODUCT_SORTS, '-updated'),
});
export const ProductQuery = PageQuery.extend(ProductFilter.shape);
export type ProductQuery = z.infer<typeof ProductQuery>;
