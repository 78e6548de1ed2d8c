import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors/app-error.js';
import { refuseControlCharacters } from './input-guard.js';

type Parts = ReturnType<FastifyRequest['parts']>;

// What fails while a multipart body is read is the body itself: busboy's plain
// errors ("Unexpected end of form", "Boundary not found", a malformed part
// header) say so without a status, and would otherwise end as a 500.
function asUploadError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const status = (error as { statusCode?: number } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return error;
  return new AppError('bad_multipart');
}

function decodedField(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

async function* readingParts(open: () => Parts): Parts {
  try {
    for await (const part of open()) {
      // Fields get the same refusal of control characters as a JSON body: they are JSON too.
      // A file's name is the person's file, not their typing: its control characters are
      // replaced, as a stored name's are, rather than refusing the file.
      if (part.type === 'file') part.filename = part.filename.replace(/[\u0000-\u001f\u007f]/g, '_');
      else refuseControlCharacters(decodedField(part.value), part.fieldname);
      if (part.type === 'file') {
        const toBuffer = part.toBuffer.bind(part);
        part.toBuffer = () => toBuffer().catch((error: unknown) => Promise.reject(asUploadError(error)));
      }
      yield part;
    }
  } catch (error) {
    throw asUploadError(error);
  }
}

/**
 * On every upload route: a malformed multipart body is a 400 problem
 * (`bad_multipart`), and control characters in a field or a file name are
 * refused like in any other input.
 */
export const multipartGuard = fp(async (app: FastifyInstance) => {
  app.addHook('preHandler', async (request) => {
    if (!request.isMultipart()) return;
    const parts = request.parts.bind(request);
    request.parts = ((options?: Parameters<FastifyRequest['parts']>[0]) => readingParts(() => parts(options))) as FastifyRequest['parts'];
  });
});
