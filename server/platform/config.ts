import path from 'node:path';
import { z } from 'zod';

// Configuration comes only from the environment so that the same build runs
// embedded on an office laptop and on PostgreSQL in production.
const schema = z.object({
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  PUBLIC_URL: z.string().url().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Roundtable <no-reply@roundtable.local>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ROUNDTABLE_DEMO: z.enum(['auto', 'on', 'off']).default('auto'),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  SECURE_COOKIES: z.enum(['auto', 'on', 'off']).default('auto'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  // Map tiles for picking a firm's location; "off" where browsers cannot reach a tile server.
  MAP_TILE_URL: z.union([z.literal('off'), z.string().regex(/^https:\/\/[^/]+\/.*\{z\}.*\{x\}.*\{y\}/, 'an https URL with {z}, {x} and {y}')])
    .default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
  MAP_ATTRIBUTION: z.string().default('© OpenStreetMap contributors'),
});

export type Config = z.infer<typeof schema> & { pgliteDir: string; publicUrl: string; secureCookies: boolean; map: { tileUrl: string; attribution: string } | null };

/** The origin of a tile URL for the content security policy; a {s} subdomain becomes a wildcard. */
export function tileOrigin(tileUrl: string): string {
  return /^https:\/\/[^/]+/.exec(tileUrl)![0].replace('{s}', '*');
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const publicUrl = (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, '');
  return {
    ...c,
    pgliteDir: path.resolve(c.DATA_DIR, 'pglite'),
    publicUrl,
    secureCookies: c.SECURE_COOKIES === 'on' || (c.SECURE_COOKIES === 'auto' && publicUrl.startsWith('https:')),
    map: c.MAP_TILE_URL === 'off' ? null : { tileUrl: c.MAP_TILE_URL, attribution: c.MAP_ATTRIBUTION },
  };
}
