import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Uuid } from '../../../../contracts/common.js';
import { PhotoCaption, PhotoSize } from '../../../../contracts/photos.js';
import { MeasureDetail } from '../../../../contracts/led-implementation.js';
import { preparePhoto, readPhotoUpload, sendPhoto } from '../../../platform/files/photo.js';
import { parseField } from '../../../platform/files/upload.js';
import { getMeasureDetail } from '../implementation-service.js';
import { addReportPhoto, getReportPhoto, removeReportPhoto } from '../photo-service.js';

const tags = ['led'];
const ReportParams = z.object({ id: Uuid, reportId: Uuid });
const PhotoParams = z.object({ id: Uuid, photoId: Uuid });

/**
 * Photos of a measure's progress reports: added by staff from the measure's
 * page (one file and a `caption` field), read by whoever may read LED
 * (`led.read`), removed by staff. Signed-in readers only: the public LED page
 * shows none (README).
 */
export const ledPhotoRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/api/v1/led/measures/:id/reports/:reportId/photos', {
    schema: { tags, params: ReportParams, consumes: ['multipart/form-data'], response: { 201: MeasureDetail } },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request, reply) => {
    const upload = await readPhotoUpload(request);
    const caption = parseField(upload.fields, 'caption', PhotoCaption, '');
    // Decoded and re-encoded outside the transaction: the database is not held while the image is worked on.
    const photo = await preparePhoto(upload.buffer);
    const detail = await app.tenant(request, async (ctx) => {
      await addReportPhoto(ctx, request.params.id, request.params.reportId, photo, caption);
      return getMeasureDetail(ctx, request.params.id);
    });
    reply.code(201);
    return detail;
  });

  app.get('/api/v1/led/measures/:id/photos/:photoId', {
    schema: { tags, params: PhotoParams, querystring: z.object({ size: PhotoSize.default('large') }) },
    config: { auth: 'tenant', permission: 'led.read' },
  }, async (request, reply) => {
    const { size } = request.query;
    const photo = await app.tenant(request, (ctx) => getReportPhoto(ctx, request.params.id, request.params.photoId, size));
    return sendPhoto(request, reply, photo, `${request.params.photoId}-${size}`);
  });

  app.delete('/api/v1/led/measures/:id/photos/:photoId', {
    schema: { tags, params: PhotoParams, response: { 200: MeasureDetail } },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await removeReportPhoto(ctx, request.params.id, request.params.photoId);
    return getMeasureDetail(ctx, request.params.id);
  }));
};
