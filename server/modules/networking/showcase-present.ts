import type { Product, ProductPhoto, ProductState, QualityScale } from '../../../contracts/networking-showcase.js';
import type { networkingProducts } from './tables.js';

export type ProductRow = typeof networkingProducts.$inferSelect;

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

/** A showcase product for staff and for its firm: the row, its firm's name and its photos (never their bytes). */
export function presentProduct(row: ProductRow, beside: { firmName: string | null; photos: ProductPhoto[] }): Product {
  return {
    id: row.id,
    memberId: row.memberId,
    firmName: beside.firmName,
    producerGroup: row.producerGroup,
    name: row.name,
    description: row.description,
    hsCode: row.hsCode,
    originPlace: row.originPlace,
    originRegion: row.originRegion,
    state: row.state as ProductState,
    returnReason: row.returnReason,
    rating: row.rating,
    ratedBy: row.ratedBy,
    ratedAt: iso(row.ratedAt),
    publishedAt: iso(row.publishedAt),
    photos: beside.photos,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * What the public showcase shows of a published product: no firm id, no state,
 * no reviewer, no reason; the producer by name only; the rating with its label
 * only while the scale still has that level.
 */
export interface PublicProduct {
  id: string;
  name: string;
  description: string;
  hsCode: string;
  producer: string;
  originPlace: string;
  originRegion: string | null;
  rating: { value: number; max: number; label: string; scale: string } | null;
  photos: Array<Pick<ProductPhoto, 'id' | 'caption' | 'width' | 'height' | 'thumbWidth' | 'thumbHeight'>>;
}

export function presentPublicProduct(row: ProductRow, beside: { producer: string; photos: ProductPhoto[]; scale: QualityScale }): PublicProduct {
  const { scale } = beside;
  const rated = row.rating !== null && row.rating <= scale.levels.length;
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    hsCode: row.hsCode,
    producer: beside.producer,
    originPlace: row.originPlace,
    originRegion: row.originRegion,
    rating: rated ? { value: row.rating!, max: scale.levels.length, label: scale.levels[row.rating! - 1] ?? '', scale: scale.name } : null,
    photos: beside.photos.map(({ id, caption, width, height, thumbWidth, thumbHeight }) => ({ id, caption, width, height, thumbWidth, thumbHeight })),
  };
}
