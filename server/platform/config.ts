import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

// Names proxy-addr understands for the usual private ranges.
const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGES.has(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

/**
 * Which proxies may tell the client's address in X-Forwarded-For: none by
 * default (a client could otherwise pick the address rate limits count on),
 * a hop count, or the proxies' addresses and CIDR ranges.
 */
const TrustProxy = z
  .string()
  .trim()
  .refine((v) => /^\d+$/.test(v) || v.split(',').every((e) => isProxyAddress(e.trim())), 'a hop count, or proxy addresses/CIDRs separated by commas (loopback, linklocal, uniquelocal allowed)')
  .transform((v): number | string[] => (/^\d+$/.test(v) ? Number(v) : v.split(',').map((e) => e.trim())));

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
  TRUST_PROXY: TrustProxy.optional(),
  SECURE_COOKIES: z.enum(['auto', 'on', 'off']).default('auto'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  // Map tiles for picking a firm's location; "off" where browsers cannot reach a tile server.
  MAP_TILE_URL: z.union([z.literal('off'), z.string().regex(/^https:\/\/[^/]+\/.*\{z\}.*\{x\}.*\{y\}/, 'an https URL with {z}, {x} and {y}')])
    .default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
  MAP_ATTRIBUTION: z.string().default('© OpenStreetMap contributors'),
  // Seals the organisations' certificate signing keys beside their own secrets, so that a copy
  // of the database alone cannot sign in their name. Kept outside the database and its backups.
  CREDENTIAL_SECRET: z.string().min(32, 'at least 32 characters, e.g. from `openssl rand -base64 32`').optional(),
});

export type Config = z.infer<typeof schema> & { pgliteDir: string; publicUrl: string; secureCookies: boolean; map: { tileUrl: string; attribution: string } | null; trustProxy: false | string[] | ((address: string, hop: number) => boolean) };

/** The origin of a tile URL for the content security policy; a {s} subdomain becomes a wildcard. */
export function tileOrigin(tileUrl: string): string {
  return /^https:\/\/[^/]+/.exec(tileUrl)![0].replace('{s}', '*');
}

const hopsOf = (hops: number) => (_address: string, hop: number) => hop < hops;

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
    // A hop count trusts that many proxies in front of the server, whatever their address.
    trustProxy: typeof c.TRUST_PROXY === 'number' ? hopsOf(c.TRUST_PROXY) : (c.TRUST_PROXY ?? false),
  };
}
