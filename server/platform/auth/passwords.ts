import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id of @node-rs/argon2, a const enum that cannot be imported under isolatedModules.
const ARGON2ID = 2;

// Argon2id with the library's defaults (19 MiB, 2 passes), the OWASP minimum.
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  // Still spend the time when there is no hash, so timing does not reveal
  // which e-mail addresses have accounts.
  if (!passwordHash) {
    await hash(password, { algorithm: ARGON2ID });
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
