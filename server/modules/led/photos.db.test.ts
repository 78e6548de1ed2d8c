import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { MeasureDetail } from '../../../contracts/led-implementation.js';
import { Client, useTestApp } from '../../test/app.js';
import { createOrg, createPerson } from '../../test/factories.js';

const t = useTestApp();
const ghana = { country: 'GH', regions: ['GH-AA', 'GH-AH'] };

/** A field officer's photo as a phone saves it: a JPEG carrying where it was taken (EXIF GPS) and the phone's make. */
const phonePhoto = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 60 } } })
  .jpeg()
  .withExif({ IFD0: { Make: 'FieldPhone', Model: 'FP-1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '5/1 36/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 11/1 0/1' } })
  .toBuffer();

async function measureWithReport(admin: Client) {
  const region = (await admin.post('/api/v1/led/regions', { name: 'Keta lagoon', region: 'GH-AA' })).json();
  const measure = (await admin.post(`/api/v1/led/regions/${region.id}/measures`, { title: 'Solar cold room', budget: 100_000, startsOn: '2026-03-01', endsOn: '2027-02-28' })).json().measureList[0];
  const url = `/api/v1/led/measures/${measure.id}`;
  const detail = (await admin.post(`${url}/reports`, { reportedOn: '2026-05-02', text: 'Cold room walls up.' })).json() as MeasureDetail;
  return { region, url, reportId: detail.reports[0]!.id };
}

describe('photos of LED progress reports', () => {
  it('keeps a phone-sized copy and a thumbnail without the EXIF (GPS) of the upload, served to staff only', async () => {
    const { admin, orgId } = await createOrg(t.app, ghana);
    const { url, reportId } = await measureWithReport(admin);
    const upload = await phonePhoto(2000, 1500);
    // The test's own photo does carry the position, so its absence below means something.
    const sent = await sharp(upload).metadata();
    expect([sent.format, Boolean(sent.exif), upload.includes(Buffer.from('FieldPhone'))]).toEqual(['jpeg', true, true]);

    const res = await admin.upload(`${url}/reports/${reportId}/photos`, upload, 'IMG_0001.jpg', { caption: 'Walls of the cold room' });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    const [photo] = (res.json() as MeasureDetail).reports[0]!.photos;
    // 2000 × 1500 scaled to 1280 on its long side, 320 for the thumbnail, the proportions kept.
    expect(photo).toMatchObject({ caption: 'Walls of the cold room', width: 1280, height: 960, thumbWidth: 320, thumbHeight: 240 });

    const large = await admin.get(`${url}/photos/${photo!.id}`);
    expect([large.statusCode, large.headers['content-type'], large.headers['cache-control'], large.headers['x-content-type-options']]).toEqual([200, 'image/webp', 'private, max-age=86400', 'nosniff']);
    const stored = large.rawPayload;
    const read = await sharp(stored).metadata();
    expect([read.format, read.width, read.height, read.exif, read.xmp, read.icc]).toEqual(['webp', 1280, 960, undefined, undefined, undefined]);
    // Nor anywhere in the bytes: no EXIF chunk, no trace of the phone.
    expect([stored.includes(Buffer.from('EXIF')), stored.includes(Buffer.from('Exif')), stored.includes(Buffer.from('FieldPhone'))]).toEqual([false, false, false]);
    const thumb = await admin.get(`${url}/photos/${photo!.id}?size=thumb`);
    const small = await sharp(thumb.rawPayload).metadata();
    expect([small.width, small.height, small.exif]).toEqual([320, 240, undefined]);
    // The browser's copy is asked again with its tag: nothing is sent twice.
    expect((await admin.get(`${url}/photos/${photo!.id}`, { 'if-none-match': large.headers.etag as string })).statusCode).toBe(304);

    // Viewers of the organisation see it and may not remove it; another organisation, and nobody signed in, get nothing.
    const viewer = (await createPerson(t.app, orgId, 'viewer')).client;
    expect((await viewer.get(`${url}/photos/${photo!.id}?size=thumb`)).statusCode).toBe(200);
    expect((await viewer.delete(`${url}/photos/${photo!.id}`)).statusCode).toBe(403);
    const other = await createOrg(t.app, ghana);
    const theirs = await measureWithReport(other.admin);
    const foreign = await other.admin.get(`${url}/photos/${photo!.id}`);
    expect([foreign.statusCode, foreign.json().code]).toEqual([404, 'led.photo_not_found']);
    // Their own measure's address with our photo's id: not found either (and row-level security would hide it).
    const crossed = await other.admin.get(`${theirs.url}/photos/${photo!.id}`);
    expect([crossed.statusCode, crossed.json().code]).toEqual([404, 'led.photo_not_found']);
    expect((await other.admin.delete(`${theirs.url}/photos/${photo!.id}`)).statusCode).toBe(404);
    expect((await new Client(t.app).get(`${url}/photos/${photo!.id}`)).statusCode).toBe(401);
  });

  it('refuses what is not a photo by its bytes, a picture too large to decode, and a seventh photo', async () => {
    const { admin } = await createOrg(t.app, ghana);
    const { url, reportId } = await measureWithReport(admin);
    const photos = `${url}/reports/${reportId}/photos`;
    const text = await admin.upload(photos, Buffer.from('Not a photo, whatever its name says.\n'), 'site.jpg');
    expect([text.statusCode, text.json().code]).toEqual([415, 'photo.not_an_image']);
    // A few bytes of PNG declaring 20,000 × 20,000 pixels (1.6 GB decoded): refused from its header.
    const bomb = await hugePng(20_000, 20_000);
    expect(bomb.length).toBeLessThan(1000);
    const huge = await admin.upload(photos, bomb, 'plain.png');
    expect([huge.statusCode, huge.json().code]).toEqual([413, 'photo.too_many_pixels']);
    // A JPEG cut short is broken, not stored.
    const whole = await phonePhoto(400, 300);
    const broken = await admin.upload(photos, whole.subarray(0, 200), 'cut.jpg');
    expect([broken.statusCode, broken.json().code]).toEqual([400, 'photo.unreadable']);
    // A small PNG is taken as it is (never enlarged), a caption too long is a field error.
    const long = await admin.upload(photos, await sharp({ create: { width: 200, height: 100, channels: 4, background: '#fff0' } }).png().toBuffer(), 'small.png', { caption: 'x'.repeat(301) });
    expect(long.json().errors[0]).toMatchObject({ path: 'caption' });
    let detail: MeasureDetail | null = null;
    for (let i = 0; i < 6; i++) {
      const res = await admin.upload(photos, await sharp({ create: { width: 200, height: 100, channels: 3, background: '#804020' } }).png().toBuffer(), `p${i}.png`, { caption: `Photo ${i + 1}` });
      expect(res.statusCode).toBe(201);
      detail = res.json();
    }
    expect(detail!.reports[0]!.photos.map((p) => [p.caption, p.width, p.height])).toEqual([1, 2, 3, 4, 5, 6].map((n) => [`Photo ${n}`, 200, 100]));
    const seventh = await admin.upload(photos, whole, 'seventh.jpg');
    expect([seventh.statusCode, seventh.json().code]).toEqual([409, 'led.too_many_photos']);
  });

  it('removes a photo, and a report with its photos, on the measure’s audit trail', async () => {
    const { admin } = await createOrg(t.app, ghana);
    const { url, reportId } = await measureWithReport(admin);
    const first = (await admin.upload(`${url}/reports/${reportId}/photos`, await phonePhoto(640, 480), 'a.jpg', { caption: 'Before' })).json() as MeasureDetail;
    const second = (await admin.upload(`${url}/reports/${reportId}/photos`, await phonePhoto(640, 480), 'b.jpg', { caption: 'After' })).json() as MeasureDetail;
    const [before, after] = second.reports[0]!.photos;
    expect(first.reports[0]!.photos.map((p) => p.id)).toEqual([before!.id]);
    const removed = await admin.delete(`${url}/photos/${before!.id}`);
    expect(removed.statusCode).toBe(200);
    expect((removed.json() as MeasureDetail).reports[0]!.photos.map((p) => p.id)).toEqual([after!.id]);
    expect((await admin.get(`${url}/photos/${before!.id}`)).statusCode).toBe(404);
    expect((await admin.delete(`${url}/photos/${before!.id}`)).json().code).toBe('led.photo_not_found');
    // The report goes with its remaining photo.
    expect((await admin.delete(`${url}/reports/${reportId}`)).statusCode).toBe(200);
    expect((await admin.get(`${url}/photos/${after!.id}`)).statusCode).toBe(404);

    const audit = (await admin.get(`/api/v1/audit?entityType=led_measure&entityId=${url.split('/').pop()}&limit=100`)).json();
    const entries = audit.items as Array<{ action: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null; entityName: string }>;
    expect(entries.filter((e) => e.action === 'led_measure.photo_add').map((e) => e.after?.caption).sort()).toEqual(['After', 'Before']);
    expect(entries.find((e) => e.action === 'led_measure.photo_remove')?.before).toEqual({ photoId: before!.id, reportId, caption: 'Before' });
    expect(entries.find((e) => e.action === 'led_measure.report_remove')?.before).toMatchObject({ reportId, photoIds: [after!.id] });
    expect(entries.every((e) => e.entityName === 'Solar cold room')).toBe(true);
  });

  it('gives the public LED page schema.org data for search engines, only what the page shows', async () => {
    const { admin, orgId } = await createOrg(t.app, ghana);
    const { region } = await measureWithReport(admin);
    await admin.post(`/api/v1/led/regions/${region.id}/publication`, { published: true });
    const base = `/local-development/${orgId}`;
    const ld = (html: string) => JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!);
    const index = ld((await new Client(t.app).get(base)).body);
    expect(index).toMatchObject({ '@context': 'https://schema.org', '@type': 'ItemList', itemListElement: [{ '@type': 'ListItem', position: 1, item: { '@type': 'Place', name: 'Keta lagoon', url: `${base}/regions/${region.id}` } }] });
    const page = ld((await new Client(t.app).get(`${base}/regions/${region.id}`)).body);
    expect(page).toMatchObject({ '@type': 'WebPage', name: 'Keta lagoon', about: { '@type': 'Place', address: { addressRegion: 'Greater Accra' } }, mentions: [{ '@type': 'Project', name: 'Solar cold room', foundingDate: '2026-03-01' }] });
    expect(JSON.stringify(page).includes('GH-AA')).toBe(false);
  });
});

/** A valid 1 × 1 PNG whose header says it is `width` × `height` (its IHDR rewritten, CRC and all). */
async function hugePng(width: number, height: number) {
  const { crc32 } = await import('node:zlib');
  const png = Buffer.from(await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } }).png().toBuffer());
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}
