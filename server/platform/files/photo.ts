import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Metadata } from 'sharp';
import { AppError } from '../errors/app-error.js';
import { readUpload, type Upload } from './upload.js';

/**
 * Photos people upload from their phones (LED progress reports; later the
 * showcase of local products): checked by their bytes, never by their name or
 * the type the browser claims; turned upright; stored without any metadata
 * (EXIF carries the GPS position of where a field officer took the picture,
 * often their home, and the phone's serial); and kept twice — a size a phone
 * shows whole, and a thumbnail for lists on slow connections. The module that
 * owns the photo keeps the bytes (`photoColumns`) and decides who may see it.
 */

/** The formats taken, by the bytes they start with. */
export const PHOTO_FORMATS = ['jpeg', 'png', 'webp'] as const;
export type PhotoFormat = (typeof PHOTO_FORMATS)[number];
/** A phone's photo is 2–8 MB; 20 MB leaves room for a 50-megapixel one, under the app's 25 MB. */
export const MAX_PHOTO_BYTES = 20 * 1024 * 1024;
/**
 * Pixels decoded at most: a small file may declare a huge image (a PNG of
 * one colour at 20,000 × 20,000 is a few kilobytes and 1.6 GB decoded).
 * 60 megapixels takes the largest photos phones save by default.
 */
export const MAX_PHOTO_PIXELS = 60_000_000;
/** The long side of the stored photo (a phone's screen, whole) and of its thumbnail. */
export const PHOTO_LONG_SIDE = 1280;
export const THUMB_LONG_SIDE = 320;
/** What is stored: WebP, which every browser the app supports shows, at a fraction of JPEG's weight. */
export const PHOTO_CONTENT_TYPE = 'image/webp';

export interface PreparedPhoto {
  contentType: string;
  width: number;
  height: number;
  data: Buffer;
  thumbWidth: number;
  thumbHeight: number;
  thumb: Buffer;
}

/** The format an image's first bytes say it is, or null: the name and the browser's claim are not looked at. */
export function sniffPhoto(bytes: Buffer): PhotoFormat | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  return null;
}

const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));

/**
 * Checks an uploaded image and makes its stored versions. Refused, each with
 * its own translatable code: over `MAX_PHOTO_BYTES` (`photo.too_large`), not
 * a JPEG, PNG or WebP by its bytes (`photo.not_an_image`), declaring more
 * than `MAX_PHOTO_PIXELS` (`photo.too_many_pixels`, checked from the header
 * before anything is decoded), or broken (`photo.unreadable`). A larger photo
 * is scaled down, never refused for its size in pixels below the cap.
 */
export async function preparePhoto(bytes: Buffer): Promise<PreparedPhoto> {
  if (bytes.length > MAX_PHOTO_BYTES) throw new AppError('photo.too_large', { max: mb(MAX_PHOTO_BYTES) });
  const format = sniffPhoto(bytes);
  if (!format) throw new AppError('photo.not_an_image');
  // Loaded on first use (ARCHITECTURE.md): most requests never touch an image, and libvips is heavy to load.
  const { default: sharp } = await import('sharp');
  // Only the first frame of an animated WebP or PNG is read; `limitInputPixels` is libvips' own guard beside ours.
  const input = () => sharp(bytes, { failOn: 'error', limitInputPixels: MAX_PHOTO_PIXELS, animated: false });
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { failOn: 'error', limitInputPixels: false }).metadata();
  } catch {
    throw new AppError('photo.unreadable');
  }
  if (meta.format !== format || !meta.width || !meta.height) throw new AppError('photo.unreadable');
  if (meta.width * meta.height > MAX_PHOTO_PIXELS) throw new AppError('photo.too_many_pixels', { max: Math.round(MAX_PHOTO_PIXELS / 1_000_000) });
  try {
    // autoOrient turns the picture as the phone held it (EXIF orientation) before that tag goes with the rest:
    // sharp writes no metadata unless asked (no keepExif, keepMetadata or withMetadata here).
    const version = (side: number, quality: number) => input().autoOrient()
      .resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true })
      .webp({ quality })
      .toBuffer({ resolveWithObject: true });
    const large = await version(PHOTO_LONG_SIDE, 80);
    const small = await version(THUMB_LONG_SIDE, 70);
    return {
      contentType: PHOTO_CONTENT_TYPE,
      width: large.info.width, height: large.info.height, data: large.data,
      thumbWidth: small.info.width, thumbHeight: small.info.height, thumb: small.data,
    };
  } catch {
    throw new AppError('photo.unreadable');
  }
}

/**
 * The one photo of a multipart request and its text fields. Reading stops at
 * `MAX_PHOTO_BYTES`, said as `photo.too_large` with the limit rather than the
 * request's generic payload_too_large.
 */
export async function readPhotoUpload(request: FastifyRequest): Promise<Upload> {
  try {
    return await readUpload(request, { maxFileBytes: MAX_PHOTO_BYTES });
  } catch (error) {
    if (error instanceof AppError && error.code === 'payload_too_large') throw new AppError('photo.too_large', { max: mb(MAX_PHOTO_BYTES) });
    throw error;
  }
}

/**
 * A stored photo, shown in the page (inline) as the image it is, to the
 * signed-in reader the route let through. A photo never changes (a new one
 * gets a new id), so the reader's browser keeps it a day; `private` keeps it
 * out of shared caches, whatever sits between. `public` is for a photo the
 * owning module chose to show without sign-in (a published showcase product):
 * shared caches may keep it five minutes, as the public pages, so that one
 * taken off the page stops being served soon after.
 */
export function sendPhoto(request: FastifyRequest, reply: FastifyReply, photo: { contentType: string; data: Buffer }, etag: string, visibility: 'private' | 'public' = 'private') {
  reply.header('cache-control', visibility === 'public' ? 'public, max-age=300' : 'private, max-age=86400');
  reply.header('etag', `"${etag}"`);
  reply.header('x-content-type-options', 'nosniff');
  if (request.headers['if-none-match'] === `"${etag}"`) return reply.code(304).send();
  reply.header('content-disposition', 'inline');
  reply.type(photo.contentType);
  return reply.send(photo.data);
}
