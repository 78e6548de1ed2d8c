import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError } from '../errors/app-error.js';

export interface Upload {
  buffer: Buffer;
  filename: string;
  mimetype: string;
  fields: Record<string, string>;
}

/**
 * The one file and the text fields of a multipart request. `maxFileBytes`
 * (below the app's 25 MB) stops reading a larger file at that size, with
 * payload_too_large, rather than buffering the whole of it first.
 */
export async function readUpload(request: FastifyRequest, options: { maxFileBytes?: number } = {}): Promise<Upload> {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type');
  let file: { buffer: Buffer; filename: string; mimetype: string } | null = null;
  const fields: Record<string, string> = {};
  const parts = options.maxFileBytes ? request.parts({ limits: { fileSize: options.maxFileBytes } }) : request.parts();
  for await (const part of parts) {
    if (part.type === 'file') {
      const buffer = await part.toBuffer();
      if (part.file.truncated) throw new AppError('payload_too_large');
      file = { buffer, filename: part.filename, mimetype: part.mimetype };
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  if (!file) throw new AppError('validation_failed', {}, [{ path: 'file', code: 'required' }]);
  return { ...file, fields };
}

/** A JSON text field checked against a contract, with the same field errors as a JSON body. */
export function parseField<T>(fields: Record<string, string>, name: string, schema: z.ZodType<T>, fallback: unknown): T {
  let value: unknown = fallback;
  if (fields[name] !== undefined) {
    try {
      value = JSON.parse(fields[name]!);
    } catch {
      throw new AppError('validation_failed', {}, [{ path: name, code: 'bad_request' }]);
    }
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new AppError('validation_failed', {}, parsed.error.issues.map((i) => ({ path: [name, ...i.path].join('.'), code: 'bad_request' })));
  }
  return parsed.data;
}
