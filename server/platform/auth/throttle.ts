import { isIPv4, isIPv6 } from 'node:net';
import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { withSystem } from '../db/tenancy.js';
import { clock } from '../clock.js';

/** One counter: at most `max` counted attempts per window for this key. */
export interface ThrottleRule {
  key: string;
  max: number;
  windowMinutes: number;
}

export interface Refusal {
  /** Seconds until every refusing key's window has ended. */
  retryAfterSeconds: number;
}

/**
 * Counts one attempt on every rule, atomically in the database so that all
 * app processes share the counts. Returns a refusal when any key is past its
 * maximum; the attempt must then not be tried at all, even if it would
 * succeed (a lockout that lets the right password through is no lockout).
 */
export async function takeAttempt(db: NodePgDatabase, rules: ThrottleRule[]): Promise<Refusal | null> {
  try {
    await withSystem(db, async (tx) => {
      let until = 0;
      for (const rule of rules) {
        const result = await tx.execute<{ hits: number; window_ends: Date }>(sql`
          INSERT INTO auth_throttle (key, hits, window_ends)
          VALUES (${rule.key}, 1, now() + make_interval(mins => ${rule.windowMinutes}))
          ON CONFLICT (key) DO UPDATE SET
            hits = CASE WHEN auth_throttle.window_ends <= now() THEN 1 ELSE auth_throttle.hits + 1 END,
            window_ends = CASE WHEN auth_throttle.window_ends <= now() THEN excluded.window_ends ELSE auth_throttle.window_ends END
          RETURNING hits, window_ends`);
        const row = result.rows[0]!;
        if (row.hits > rule.max) until = Math.max(until, new Date(row.window_ends).getTime());
      }
      // A refused attempt counts on no key: requests from a locked-out address
      // must not go on to lock the accounts they name.
      if (until) throw new Refused(Math.max(1, Math.ceil((until - clock.ms()) / 1000)));
      // Windows that ended hold nothing worth keeping.
      await tx.execute(sql`DELETE FROM auth_throttle WHERE window_ends < now() - interval '1 hour'`);
    });
    return null;
  } catch (error) {
    if (error instanceof Refused) return { retryAfterSeconds: error.retryAfterSeconds };
    throw error;
  }
}

class Refused extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('refused');
  }
}

/** Takes back an attempt that succeeded: only failures count toward a lockout. */
export async function giveBackAttempt(db: NodePgDatabase, rules: ThrottleRule[]): Promise<void> {
  await withSystem(db, async (tx) => {
    for (const rule of rules) {
      await tx.execute(sql`UPDATE auth_throttle SET hits = greatest(hits - 1, 0) WHERE key = ${rule.key} AND window_ends > now()`);
    }
  });
}

/**
 * The source address as a throttle key. An IPv6 client usually holds a whole
 * /64, so the key is that network, not one of its 2^64 addresses.
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (isIPv4(ip) || !isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.padStart(4, '0')).join(':')}::/64`;
}
