import { clock } from '../clock.js';

/**
 * Sessions read in the last few seconds, per database, so that a request
 * does not pay a round trip to find out who sent it. Staleness is bounded
 * twice: a tenant transaction checks the session again in its opening
 * statement (`db/tenant-opening.ts`), and anything else trusts an entry for
 * `SESSION_CACHE_MS` at most. A sign-out, an organisation switch, a password
 * change or reset and a profile change forget the entries of this process
 * at once; other processes' entries expire.
 */
export const SESSION_CACHE_MS = 5_000;
const MAX_ENTRIES = 10_000;

interface Entry<T> {
  value: T;
  userId: string | null;
  until: number;
}

export class SessionCache<T> {
  private entries = new Map<string, Entry<T>>();
  /** Bumped by every forget, so a read that began before it is not stored after it. */
  private generation = 0;

  get(hash: string): T | undefined {
    const entry = this.entries.get(hash);
    if (!entry) return undefined;
    if (entry.until > clock.ms()) return entry.value;
    this.entries.delete(hash);
    return undefined;
  }

  /** Reads through `load`, storing what it found unless something was forgotten meanwhile. */
  async read(hash: string, userIdOf: (value: T) => string | null, load: () => Promise<T | null>): Promise<T | null> {
    const cached = this.get(hash);
    if (cached !== undefined) return cached;
    const generation = this.generation;
    const value = await load();
    if (value !== null && generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(hash, { value, userId: userIdOf(value), until: clock.ms() + SESSION_CACHE_MS });
    }
    return value;
  }

  forget(hash: string) {
    this.generation++;
    this.entries.delete(hash);
  }

  forgetUser(userId: string) {
    this.generation++;
    for (const [hash, entry] of this.entries) if (entry.userId === userId) this.entries.delete(hash);
  }
}

const caches = new WeakMap<object, SessionCache<unknown>>();

/** The cache of one database (tests run several apps, each on its own database, in one process). */
export function sessionCacheOf<T>(db: object): SessionCache<T> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new SessionCache<unknown>()));
  return cache as SessionCache<T>;
}
