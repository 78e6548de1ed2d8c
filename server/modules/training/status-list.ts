import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * The W3C Bitstring Status List (v1.0): a list of bits, one per credential
 * (index 0 is the left-most bit of the first byte), GZIP-compressed and
 * encoded as multibase base64url without padding (a leading `u`). 131,072
 * bits at least (16 KB), so that one credential's place tells little.
 */
export const STATUS_LIST_BITS = 131_072;

export function encodeStatusList(setIndexes: Iterable<number>, bits = STATUS_LIST_BITS): string {
  let size = bits;
  const indexes = [...setIndexes];
  for (const i of indexes) if (i >= size) size = Math.ceil((i + 1) / STATUS_LIST_BITS) * STATUS_LIST_BITS;
  const bytes = Buffer.alloc(size / 8);
  for (const i of indexes) bytes[i >> 3]! |= 0x80 >> (i & 7);
  return 'u' + gzipSync(bytes).toString('base64url');
}

/** The bits of an encoded list; throws on what is not one. */
export function decodeStatusList(encoded: string): Buffer {
  if (!encoded.startsWith('u')) throw new Error('not multibase base64url');
  return gunzipSync(Buffer.from(encoded.slice(1), 'base64url'), { maxOutputLength: 16 * 1024 * 1024 });
}

export const bitAt = (list: Buffer, index: number) => index >= 0 && index < list.length * 8 && (list[index >> 3]! & (0x80 >> (index & 7))) !== 0;
