import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.js';
import { MAX_PHOTO_BYTES, preparePhoto, sniffPhoto } from './photo.js';

const plain = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#336699' } });
const codeOf = (work: Promise<unknown>) => work.then(() => 'stored', (e: unknown) => (e instanceof AppError ? e.code : String(e)));

describe('the photo piece', () => {
  it('knows JPEG, PNG and WebP by their first bytes, whatever else claims', async () => {
    expect(sniffPhoto(await plain(2, 2).jpeg().toBuffer())).toBe('jpeg');
    expect(sniffPhoto(await plain(2, 2).png().toBuffer())).toBe('png');
    expect(sniffPhoto(await plain(2, 2).webp().toBuffer())).toBe('webp');
    expect(sniffPhoto(await plain(2, 2).gif().toBuffer())).toBeNull();
    expect(sniffPhoto(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffPhoto(Buffer.from('RIFF\0\0\0\0WAVEfmt '))).toBeNull();
    expect(sniffPhoto(Buffer.alloc(0))).toBeNull();
  });

  it('refuses what it does not take, each with its own code', async () => {
    expect(await codeOf(preparePhoto(await plain(20, 20).gif().toBuffer()))).toBe('photo.not_an_image');
    expect(await codeOf(preparePhoto(await plain(20, 20).tiff().toBuffer()))).toBe('photo.not_an_image');
    expect(await codeOf(preparePhoto(Buffer.alloc(MAX_PHOTO_BYTES + 1, 0xff)))).toBe('photo.too_large');
    // JPEG's first bytes and nothing after them.
    expect(await codeOf(preparePhoto(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])))).toBe('photo.unreadable');
  });

  it('turns the photo as the phone held it, then drops every metadata', async () => {
    // 300 × 100 as the sensor saw it, EXIF orientation 6: shown turned a quarter, 100 × 300.
    const taken = await plain(300, 100).jpeg().withMetadata({ orientation: 6 }).withExif({ IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '1/1 17/1 0/1' } }).toBuffer();
    expect((await sharp(taken).metadata()).orientation).toBe(6);
    const photo = await preparePhoto(taken);
    expect([photo.contentType, photo.width, photo.height, photo.thumbWidth, photo.thumbHeight]).toEqual(['image/webp', 100, 300, 100, 300]);
    const stored = await sharp(photo.data).metadata();
    expect([stored.format, stored.orientation, stored.exif, stored.icc, stored.xmp]).toEqual(['webp', undefined, undefined, undefined, undefined]);
  });

  it('scales a large photo to 1280 and 320 on its long side, never enlarges a small one', async () => {
    const tall = await preparePhoto(await plain(1000, 4000).png().toBuffer());
    expect([tall.width, tall.height, tall.thumbWidth, tall.thumbHeight]).toEqual([320, 1280, 80, 320]);
    const small = await preparePhoto(await plain(64, 48).webp().toBuffer());
    expect([small.width, small.height, small.thumbWidth, small.thumbHeight]).toEqual([64, 48, 64, 48]);
    expect(small.data.length).toBeLessThan(5000);
  });
});
