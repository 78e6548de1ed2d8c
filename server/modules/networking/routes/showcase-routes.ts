import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, Page, Uuid } from '../../../../contracts/common.js';
import { PhotoCaption, PhotoSize } from '../../../../contracts/photos.js';
import { Product, ProductInput, ProductQuery, QualityScale, RatingInput, StaffProductInput } from '../../../../contracts/networking-showcase.js';
import { ReturnInput } from '../../../../contracts/networking.js';
import type { TenantCtx } from '../../../platform/db/tenancy.js';
import { preparePhoto, readPhotoUpload, sendPhoto } from '../../../platform/files/photo.js';
import { parseField } from '../../../platform/files/upload.js';
import { ownFirm } from '../../members/portal-service.js';
import {
  addProductPhoto, createProduct, deleteProduct, getProduct, getProductPhoto, getQualityScale, listProductPage, moveProduct, rateProduct, removeProductPhoto,
  saveQualityScale, updateProduct, type ProductAction,
} from '../showcase-service.js';

const tags = ['networking'];
const PhotoParams = z.object({ id: Uuid, photoId: Uuid });
const SizeQuery = z.object({ size: PhotoSize.default('large') });
const ownId = async (ctx: TenantCtx) => (await ownFirm(ctx)).id;

/**
 * The showcase of local products for staff (`networking.read`/`manage`) and
 * for a member firm's own user (`networking.self`: its own products, proposed
 * for review), and the organisation's quality scale (`networking.settings`).
 * The public showcase page and its photos are in `directory-routes.ts`.
 */
export const showcaseRoutes: FastifyPluginAsyncZod = async (app) => {
  // The quality scale (networking settings).
  app.get('/api/v1/networking/quality-scale', {
    schema: { tags, response: { 200: QualityScale } },
    config: { auth: 'tenant', permission: 'networking.read' },
  }, async (request) => app.tenant(request, getQualityScale));

  app.put('/api/v1/networking/quality-scale', {
    schema: { tags, body: QualityScale, response: { 200: QualityScale } },
    config: { auth: 'tenant', permission: 'networking.settings' },
  }, async (request) => app.tenant(request, (ctx) => saveQualityScale(ctx, request.body)));

  // Staff.
  app.get('/api/v1/networking/products', {
    schema: { tags, querystring: ProductQuery, response: { 200: Page(Product) } },
    config: { auth: 'tenant', permission: 'networking.read' },
  }, async (request) => app.tenant(request, (ctx) => listProductPage(ctx, request.query)));

  app.post('/api/v1/networking/products', {
    schema: { tags, body: StaffProductInput, response: { 201: Product } },
    config: { auth: 'tenant', permission: 'networking.manage' },
  }, async (request, reply) => {
    reply.code(201);
    return app.tenant(request, async (ctx) => getProduct(ctx, await createProduct(ctx, request.body)));
  });

  app.get('/api/v1/networking/products/:id', {
    schema: { tags, params: IdParams, response: { 200: Product } },
    config: { auth: 'tenant', permission: 'networking.read' },
  }, async (request) => app.tenant(request, (ctx) => getProduct(ctx, request.params.id)));

  app.put('/api/v1/networking/products/:id', {
    schema: { tags, params: IdParams, body: ProductInput.extend({ producerGroup: StaffProductInput.shape.producerGroup }), response: { 200: Product } },
    config: { auth: 'tenant', permission: 'networking.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await updateProduct(ctx, request.params.id, request.body);
    return getProduct(ctx, request.params.id);
  }));

  app.delete('/api/v1/networking/products/:id', {
    schema: { tags, params: IdParams, response: { 200: IdParams } },
    config: { auth: 'tenant', permission: 'networking.manage' },
  }, async (request) => {
    await app.tenant(request, (ctx) => deleteProduct(ctx, request.params.id));
    return { id: request.params.id };
  });

  for (const action of ['publish', 'unpublish'] as const satisfies ProductAction[]) {
    app.post(`/api/v1/networking/products/:id/${action}`, {
      schema: { tags, params: IdParams, response: { 200: Product } },
      config: { auth: 'tenant', permission: 'networking.manage' },
    }, async (request) => app.tenant(request, async (ctx) => {
      await moveProduct(ctx, request.params.id, action);
      return getProduct(ctx, request.params.id);
    }));
  }

  app.post('/api/v1/networking/products/:id/return', {
    schema: { tags, params: IdParams, body: ReturnInput, response: { 200: Product } },
    config: { auth: 'tenant', permission: 'networking.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await moveProduct(ctx, request.params.id, 'return', { reason: request.body.reason.trim() });
    return getProduct(ctx, request.params.id);
  }));

  app.put('/api/v1/networking/products/:id/rating', {
    schema: { tags, params: IdParams, body: RatingInput, response: { 200: Product } },
    config: { auth: 'tenant', permission: 'networking.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await rateProduct(ctx, request.params.id, request.body.rating);
    return getProduct(ctx, request.params.id);
  }));

  app.post('/api/v1/networking/products/:id/photos', {
    schema: { tags, params: IdParams, consumes: ['multipart/form-data'], response: { 201: Product } },
    config: { auth: 'tenant', permission: 'networking.manage' },
  }, async (request, reply) => {
    const upload = await readPhotoUpload(request);
    const caption = parseField(upload.fields, 'caption', PhotoCaption, '');
    // Decoded and re-encoded outside the transaction: the database is not held while the image is worked on.
    const photo = await preparePhoto(upload.buffer);
    const product = await app.tenant(request, async (ctx) => {
      await addProductPhoto(ctx, request.params.id, photo, caption);
      return getProduct(ctx, request.params.id);
    });
    reply.code(201);
    return product;
  });

  app.get('/api/v1/networking/products/:id/photos/:photoId', {
    schema: { tags, params: PhotoParams, querystring: SizeQuery },
    config: { auth: 'tenant', permission: 'networking.read' },
  }, async (request, reply) => {
    const { size } = request.query;
    const photo = await app.tenant(request, (ctx) => getProductPhoto(ctx, request.params.id, request.params.photoId, size));
    return sendPhoto(request, reply, photo, `${request.params.photoId}-${size}`);
  });

  app.delete('/api/v1/networking/products/:id/photos/:photoId', {
    schema: { tags, params: PhotoParams, response: { 200: Product } },
    config: { auth: 'tenant', permission: 'networking.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await removeProductPhoto(ctx, request.params.id, request.params.photoId);
    return getProduct(ctx, request.params.id);
  }));

  // The member firm's own products: proposed, then reviewed by staff before they are public.
  app.get('/api/v1/networking/my/products', {
    schema: { tags, querystring: ProductQuery, response: { 200: Page(Product) } },
    config: { auth: 'tenant', permission: 'networking.self' },
  }, async (request) => app.tenant(request, async (ctx) => listProductPage(ctx, request.query, await ownId(ctx))));

  app.post('/api/v1/networking/my/products', {
    schema: { tags, body: ProductInput, response: { 201: Product } },
    config: { auth: 'tenant', permission: 'networking.self' },
  }, async (request, reply) => {
    reply.code(201);
    return app.tenant(request, async (ctx) => {
      const me = await ownId(ctx);
      return getProduct(ctx, await createProduct(ctx, { ...request.body, memberId: me, producerGroup: '' }), me);
    });
  });

  app.get('/api/v1/networking/my/products/:id', {
    schema: { tags, params: IdParams, response: { 200: Product } },
    config: { auth: 'tenant', permission: 'networking.self' },
  }, async (request) => app.tenant(request, async (ctx) => getProduct(ctx, request.params.id, await ownId(ctx))));

  app.put('/api/v1/networking/my/products/:id', {
    schema: { tags, params: IdParams, body: ProductInput, response: { 200: Product } },
    config: { auth: 'tenant', permission: 'networking.self' },
  }, async (request) => app.tenant(request, async (ctx) => {
    const me = await ownId(ctx);
    await updateProduct(ctx, request.params.id, request.body, me);
    return getProduct(ctx, request.params.id, me);
  }));

  app.post('/api/v1/networking/my/products/:id/submit', {
    schema: { tags, params: IdParams, response: { 200: Product } },
    config: { auth: 'tenant', permission: 'networking.self' },
  }, async (request) => app.tenant(request, async (ctx) => {
    const me = await ownId(ctx);
    await moveProduct(ctx, request.params.id, 'submit', { ownerId: me });
    return getProduct(ctx, request.params.id, me);
  }));

  app.post('/api/v1/networking/my/products/:id/photos', {
    schema: { tags, params: IdParams, consumes: ['multipart/form-data'], response: { 201: Product } },
    config: { auth: 'tenant', permission: 'networking.self' },
  }, async (request, reply) => {
    const upload = await readPhotoUpload(request);
    const caption = parseField(upload.fields, 'caption', PhotoCaption, '');
    const photo = await preparePhoto(upload.buffer);
    const product = await app.tenant(request, async (ctx) => {
      const me = await ownId(ctx);
      await addProductPhoto(ctx, request.params.id, photo, caption, me);
      return getProduct(ctx, request.params.id, me);
    });
    reply.code(201);
    return product;
  });

  app.get('/api/v1/networking/my/products/:id/photos/:photoId', {
    schema: { tags, params: PhotoParams, querystring: SizeQuery },
    config: { auth: 'tenant', permission: 'networking.self' },
  }, async (request, reply) => {
    const { size } = request.query;
    const photo = await app.tenant(request, async (ctx) => getProductPhoto(ctx, request.params.id, request.params.photoId, size, { ownerId: await ownId(ctx) }));
    return sendPhoto(request, reply, photo, `${request.params.photoId}-${size}`);
  });

  app.delete('/api/v1/networking/my/products/:id/photos/:photoId', {
    schema: { tags, params: PhotoParams, response: { 200: Product } },
    config: { auth: 'tenant', permission: 'networking.self' },
  }, async (request) => app.tenant(request, async (ctx) => {
    const me = await ownId(ctx);
    await removeProductPhoto(ctx, request.params.id, request.params.photoId, me);
    return getProduct(ctx, request.params.id, me);
  }));
};
