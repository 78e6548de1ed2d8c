import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { CONTROL_CHARACTERS } from '../../../contracts/common.js';
import { AppError } from '../errors/app-error.js';

// Enough to show where the problem is without echoing a whole hostile body.
const MAX_REPORTED = 20;
const MAX_DEPTH = 64;

const shown = (key: string) => key.replace(new RegExp(CONTROL_CHARACTERS.source, 'g'), '?');

/** Dotted paths of every string (or object key) in `value` holding a control character. */
export function controlCharacterPaths(value: unknown): string[] {
  const found: string[] = [];
  const walk = (v: unknown, path: string[], depth: number) => {
    if (found.length >= MAX_REPORTED || depth > MAX_DEPTH) return;
    if (typeof v === 'string') {
      if (CONTROL_CHARACTERS.test(v)) found.push(path.join('.'));
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, [...path, String(i)], depth + 1));
    } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
      for (const [key, item] of Object.entries(v)) {
        if (CONTROL_CHARACTERS.test(key)) found.push([...path, shown(key)].join('.'));
        else walk(item, [...path, key], depth + 1);
      }
    }
  };
  walk(value, [], 0);
  return found;
}

/** Throws the validation problem for control characters anywhere in `value`, with field paths under `prefix`. */
export function refuseControlCharacters(value: unknown, prefix?: string): void {
  const paths = controlCharacterPaths(value);
  if (paths.length) {
    throw new AppError('validation_failed', {}, paths.map((p) => ({ path: [prefix, p].filter(Boolean).join('.'), code: 'invalid_characters' })));
  }
}

/**
 * Every route's path parameters, query and body are refused before validation
 * when a string in them holds a C0 control character (NUL above all, which
 * PostgreSQL cannot store): one check for every module, also for the many
 * text fields a contract declares as a plain `z.string()`, and before any
 * export starts streaming.
 */
export const inputGuard = fp(async (app: FastifyInstance) => {
  app.addHook('preValidation', async (request) => {
    refuseControlCharacters(request.params);
    refuseControlCharacters(request.query);
    refuseControlCharacters(request.body);
  });
});
