import type { FastifyReply } from 'fastify';

/** An uploaded file's name, safe to store and to offer back as a download's name: no paths, no control characters. */
export function storedFileName(filename: string, fallback: string): string {
  return filename.replace(/[\u0000-\u001f\\/]/g, '_').trim().slice(0, 200) || fallback;
}

export function storedContentType(mimetype: string): string {
  return mimetype.slice(0, 100) || 'application/octet-stream';
}

/** Stored bytes as a download: always an attachment, never shown inline, whatever they claim to be. */
export function sendAttachment(reply: FastifyReply, name: string, data: Buffer) {
  reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
  reply.header('x-content-type-options', 'nosniff');
  reply.type('application/octet-stream');
  return reply.send(data);
}
