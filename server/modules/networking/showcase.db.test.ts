import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Product } from '../../../contracts/networking-showcase.js';
import { Client, useTestApp } from '../../test/app.js';
import { createFirmUser, createMemberFirm, createOrg, createPerson } from '../../test/factories.js';

const t = useTestApp();
const ghana = { country: 'GH', regions: ['GH-AA', 'GH-NP'] };

/** A phone's photo, carrying where it was taken (EXIF GPS): the stored copies must not. */
const phonePhoto = (width = 1600, height = 1200) => sharp({ create: { width, height, channels: 3, background: { r: 180, g: 140, b: 60 } } })
  .jpeg()
  .withExif({ IFD0: { Make: 'ShowcasePhone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '9/1 24/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 50/1 0/1' } })
  .toBuffer();

async function activeFirm(admin: Client, fields: Record<string, unknown>) {
  const firm = await createMemberFirm(admin, fields);
  expect((await admin.post(`/api/v1/members/${firm.id}/status`, { status: 'active' })).statusCode).toBe(200);
  return firm;
}

const auditOf = async (admin: Client, id: string) =>
  (await admin.get(`/api/v1/audit?entityType=networking_product&entityId=${id}`)).json().items.map((e: { action: string }) => e.action).reverse();

describe('the showcase of local products', () => {
  it('staff enter, rate and publish; the public page shows published products only, never a contact detail; photos of others are not found', async () => {
    const { admin, orgId } = await createOrg(t.app, ghana);
    const shea = await activeFirm(admin, { legalName: 'Tamale Shea Women', isicClass: '1040', region: 'GH-NP', email: 'secret.sales@shea.example', phone: '+233 20 999 1111', website: 'https://shea.example' });
    const anon = new Client(t.app);

    // The organisation's scale: three levels of its own.
    expect((await admin.put('/api/v1/networking/quality-scale', { name: 'OVOP stars', levels: ['Local', 'Regional', 'National'] })).statusCode).toBe(200);
    expect((await admin.get('/api/v1/networking/quality-scale')).json()).toEqual({ name: 'OVOP stars', levels: ['Local', 'Regional', 'National'] });
    expect((await admin.put('/api/v1/networking/quality-scale', { name: 'Too many', levels: ['1', '2', '3', '4', '5', '6'] })).statusCode).toBe(400);

    const created = await admin.post('/api/v1/networking/products', {
      memberId: shea.id, name: 'Unrefined shea butter', description: 'Hand-kneaded by the Savelugu women group.', hsCode: '151590', originPlace: 'Savelugu', originRegion: 'GH-NP',
    });
    expect(created.statusCode, created.body).toBe(201);
    const butter = created.json() as Product;
    expect(butter).toMatchObject({ state: 'draft', firmName: 'Tamale Shea Women', producerGroup: '', rating: null, photos: [] });
    const group = (await admin.post('/api/v1/networking/products', { producerGroup: 'Bolga basket weavers', name: 'Bolga basket', originPlace: 'Bolgatanga' })).json() as Product;
    const draft = (await admin.post('/api/v1/networking/products', { producerGroup: 'Hidden group', name: 'Secret draft dawadawa' })).json() as Product;

    // Refused: no producer, a region not the organisation's, a bad HS code, a rating above the scale.
    const noProducer = await admin.post('/api/v1/networking/products', { name: 'Orphan' });
    expect([noProducer.statusCode, noProducer.json().code]).toEqual([400, 'networking.producer_required']);
    expect((await admin.post('/api/v1/networking/products', { producerGroup: 'G', name: 'X', originRegion: 'GH-WN' })).json().code).toBe('networking.unknown_region');
    expect((await admin.post('/api/v1/networking/products', { producerGroup: 'G', name: 'X', hsCode: '7701' })).statusCode).toBe(400);
    const tooHigh = await admin.put(`/api/v1/networking/products/${butter.id}/rating`, { rating: 4 });
    expect([tooHigh.statusCode, tooHigh.json().code]).toEqual([400, 'networking.rating_out_of_scale']);

    // A photo: stored without its metadata, in two sizes.
    const upload = await admin.upload(`/api/v1/networking/products/${butter.id}/photos`, await phonePhoto(), 'IMG_1.jpg', { caption: 'Butter in calabashes' });
    expect(upload.statusCode, upload.body.slice(0, 300)).toBe(201);
    const [photo] = (upload.json() as Product).photos;
    expect(photo).toMatchObject({ caption: 'Butter in calabashes', width: 1280, height: 960, thumbWidth: 320, thumbHeight: 240 });
    const notImage = await admin.upload(`/api/v1/networking/products/${butter.id}/photos`, Buffer.from('not a picture'), 'x.jpg');
    expect([notImage.statusCode, notImage.json().code]).toEqual([415, 'photo.not_an_image']);
    const draftPhoto = (await admin.upload(`/api/v1/networking/products/${draft.id}/photos`, await phonePhoto(400, 300), 'd.jpg')).json().photos[0];

    const rated = await admin.put(`/api/v1/networking/products/${butter.id}/rating`, { rating: 3 });
    expect(rated.json()).toMatchObject({ rating: 3, ratedBy: expect.any(String), ratedAt: expect.any(String) });
    expect((await admin.post(`/api/v1/networking/products/${butter.id}/publish`)).json().state).toBe('published');
    expect((await admin.post(`/api/v1/networking/products/${group.id}/publish`)).statusCode).toBe(200);

    // The public page: no sign-in, published products, the rating in the scale's words, schema.org Product data, lazy photos.
    const pageRes = await anon.get(`/directory/${orgId}/products`);
    expect(pageRes.statusCode).toBe(200);
    expect(pageRes.headers['content-type']).toContain('text/html');
    const html = pageRes.body;
    for (const shown of ['Unrefined shea butter', 'Tamale Shea Women', 'Bolga basket weavers', 'Savelugu', 'OVOP stars', 'National', '"@type":"Product"', 'loading="lazy"', 'srcset=']) expect(html).toContain(shown);
    expect(html).toContain(`/directory/${orgId}/products/${butter.id}/photos/${photo!.id}?size=thumb`);
    for (const hidden of ['secret.sales@shea.example', '999 1111', 'shea.example', 'Secret draft dawadawa', 'Hidden group', shea.id, draft.id]) expect(html).not.toContain(hidden);
    expect((await anon.get(`/directory/${orgId}`)).body).toContain(`/directory/${orgId}/products`);

    // Its photo is public while published, without the EXIF; a draft's photo, another organisation's path, a made-up id are not found.
    const publicPhoto = await anon.get(`/directory/${orgId}/products/${butter.id}/photos/${photo!.id}?size=thumb`);
    expect([publicPhoto.statusCode, publicPhoto.headers['content-type'], publicPhoto.headers['cache-control']]).toEqual([200, 'image/webp', 'public, max-age=300']);
    expect(Boolean((await sharp(publicPhoto.rawPayload).metadata()).exif)).toBe(false);
    expect(publicPhoto.rawPayload.includes(Buffer.from('ShowcasePhone'))).toBe(false);
    expect((await anon.get(`/directory/${orgId}/products/${draft.id}/photos/${draftPhoto.id}`)).statusCode).toBe(404);
    const other = await createOrg(t.app, ghana);
    expect((await anon.get(`/directory/${other.orgId}/products/${butter.id}/photos/${photo!.id}`)).statusCode).toBe(404);
    expect((await anon.get(`/directory/${orgId}/products/${group.id}/photos/${photo!.id}`)).statusCode).toBe(404);
    expect((await other.admin.get(`/api/v1/networking/products/${butter.id}`)).statusCode).toBe(404);

    // Unpublished: off the page, its photos no longer public (staff still see them).
    expect((await admin.post(`/api/v1/networking/products/${butter.id}/unpublish`)).json().state).toBe('unpublished');
    expect((await anon.get(`/directory/${orgId}/products`)).body).not.toContain('Unrefined shea butter');
    expect((await anon.get(`/directory/${orgId}/products/${butter.id}/photos/${photo!.id}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/v1/networking/products/${butter.id}/photos/${photo!.id}`)).statusCode).toBe(200);

    // A firm no longer active takes its products off the page, published or not.
    expect((await admin.post(`/api/v1/networking/products/${butter.id}/publish`)).statusCode).toBe(200);
    expect((await admin.post(`/api/v1/members/${shea.id}/status`, { status: 'lapsed' })).statusCode).toBe(200);
    expect((await anon.get(`/directory/${orgId}/products`)).body).not.toContain('Unrefined shea butter');
    expect((await anon.get(`/directory/${orgId}/products/${butter.id}/photos/${photo!.id}`)).statusCode).toBe(404);

    // Photos and products removed; every step audited on the product.
    expect((await admin.delete(`/api/v1/networking/products/${butter.id}/photos/${photo!.id}`)).json().photos).toEqual([]);
    expect(await auditOf(admin, butter.id)).toEqual([
      'networking_product.create', 'networking_product.photo_add', 'networking_product.rate', 'networking_product.publish',
      'networking_product.unpublish', 'networking_product.publish', 'networking_product.photo_remove',
    ]);
    expect((await admin.delete(`/api/v1/networking/products/${draft.id}`)).statusCode).toBe(200);
    expect((await admin.get(`/api/v1/networking/products/${draft.id}`)).statusCode).toBe(404);
    const listed = (await admin.get('/api/v1/networking/products?state=published&sort=name')).json().items.map((p: Product) => p.name);
    expect(listed).toEqual(['Bolga basket', 'Unrefined shea butter']);
  });

  it('a member firm proposes its own product; staff review it before it is public', async () => {
    const { admin, orgId } = await createOrg(t.app, ghana);
    const firm = await activeFirm(admin, { legalName: 'Keta Salt Makers', region: 'GH-AA' });
    const rival = await activeFirm(admin, { legalName: 'Ada Salt Rival', region: 'GH-AA' });
    const owner = await createFirmUser(t.app, admin, orgId, firm.id);
    const anon = new Client(t.app);
    const rivalProduct = (await admin.post('/api/v1/networking/products', { memberId: rival.id, name: 'Rival salt' })).json() as Product;

    const proposed = await owner.post('/api/v1/networking/my/products', { name: 'Keta lagoon salt', description: 'Sun-dried.', originPlace: 'Keta', originRegion: 'GH-AA' });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const salt = proposed.json() as Product;
    expect(salt).toMatchObject({ memberId: firm.id, state: 'draft' });
    expect((await owner.upload(`/api/v1/networking/my/products/${salt.id}/photos`, await phonePhoto(600, 400), 'salt.jpg')).statusCode).toBe(201);
    expect((await owner.post(`/api/v1/networking/my/products/${salt.id}/submit`)).json().state).toBe('submitted');

    // Its own only; not staff routes; not editable once submitted.
    expect((await owner.get(`/api/v1/networking/my/products/${rivalProduct.id}`)).statusCode).toBe(404);
    expect((await owner.get('/api/v1/networking/my/products')).json().items.map((p: Product) => p.name)).toEqual(['Keta lagoon salt']);
    expect((await owner.post(`/api/v1/networking/products/${salt.id}/publish`)).statusCode).toBe(403);
    expect((await owner.put(`/api/v1/networking/my/products/${salt.id}`, { name: 'Changed' })).json().code).toBe('networking.wrong_state');
    expect((await anon.get(`/directory/${orgId}/products`)).body).not.toContain('Keta lagoon salt');

    // Returned with a reason, corrected, submitted again, published by staff.
    expect((await admin.post(`/api/v1/networking/products/${salt.id}/return`, { reason: 'Add the village' })).json()).toMatchObject({ state: 'returned', returnReason: 'Add the village' });
    expect((await owner.put(`/api/v1/networking/my/products/${salt.id}`, { name: 'Keta lagoon salt', originPlace: 'Anyanui, Keta', originRegion: 'GH-AA' })).statusCode).toBe(200);
    expect((await owner.post(`/api/v1/networking/my/products/${salt.id}/submit`)).statusCode).toBe(200);
    expect((await admin.post(`/api/v1/networking/products/${salt.id}/publish`)).statusCode).toBe(200);
    const html = (await anon.get(`/directory/${orgId}/products`)).body;
    expect(html).toContain('Keta lagoon salt');
    expect(html).toContain('Anyanui, Keta');
    expect(html).not.toContain('Rival salt');
    expect(await auditOf(admin, salt.id)).toEqual([
      'networking_product.create', 'networking_product.photo_add', 'networking_product.submit', 'networking_product.return',
      'networking_product.update', 'networking_product.submit', 'networking_product.publish',
    ]);
    // A viewer reads but may not change the scale.
    const viewer = await createPerson(t.app, orgId, 'viewer', 'Viewer Kofi');
    const viewerClient = viewer.client;
    expect((await viewerClient.get('/api/v1/networking/products')).statusCode).toBe(200);
    expect((await viewerClient.put('/api/v1/networking/quality-scale', { name: 'x', levels: ['a'] })).statusCode).toBe(403);
  });

  it('the public page shows the showcase a page at a time, by name, with a link to the next page and back to the first', async () => {
    const { admin, orgId } = await createOrg(t.app, ghana);
    const anon = new Client(t.app);
    // 26 published products (two more than a page) and one draft, entered out of order.
    const names = Array.from({ length: 26 }, (_, i) => `Product ${String(i + 1).padStart(2, '0')}`);
    for (const name of [...names].reverse()) {
      const made = (await admin.post('/api/v1/networking/products', { producerGroup: 'Volta potters', name })).json() as Product;
      expect((await admin.post(`/api/v1/networking/products/${made.id}/publish`)).statusCode).toBe(200);
    }
    await admin.post('/api/v1/networking/products', { producerGroup: 'Volta potters', name: 'Product 00 draft' });
    const shownOn = (html: string) => [...html.matchAll(/<h2>(Product \d+[^<]*)<\/h2>/g)].map((m) => m[1]);
    const nextOf = (html: string) => /<a href="([^"]+)" rel="next">More products<\/a>/.exec(html)?.[1]?.replaceAll('&amp;', '&') ?? null;

    const first = await anon.get(`/directory/${orgId}/products?lang=en`);
    expect(first.statusCode).toBe(200);
    expect(shownOn(first.body)).toEqual(names.slice(0, 24));
    expect(first.body).toContain('Products shown: 24');
    expect(first.body).not.toContain('Back to the first products');
    const next = nextOf(first.body)!;
    expect(next).toMatch(new RegExp(`^/directory/${orgId}/products\\?lang=en&cursor=`));

    const second = await anon.get(next);
    expect(second.statusCode).toBe(200);
    expect(shownOn(second.body)).toEqual(names.slice(24));
    expect(nextOf(second.body)).toBeNull();
    expect(second.body).toContain(`<a href="/directory/${orgId}/products?lang=en">Back to the first products</a>`);
    // schema.org lists the page's products only.
    expect(second.body.match(/"@type":"Product"/g)).toHaveLength(2);

    // A cursor made up, or cut short, starts at the first page: a link, not an API.
    for (const cursor of ['nonsense', next.split('cursor=')[1]!.slice(0, 12), Buffer.from('["-updated","x","y"]').toString('base64url')]) {
      const res = await anon.get(`/directory/${orgId}/products?cursor=${encodeURIComponent(cursor)}`);
      expect(res.statusCode, cursor).toBe(200);
      expect(shownOn(res.body)[0]).toBe('Product 01');
    }
  });
});
