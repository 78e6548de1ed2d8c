import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, generateKeyPairSync, hkdfSync, randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { trainingCredentialKeys, trainingCredentialSecrets } from './tables.js';

/**
 * The organisation's Ed25519 key pair that signs its certificates, made on
 * its first certificate. The private key never leaves the server: it is kept
 * encrypted with AES-256-GCM under a key derived by HKDF-SHA256 from two
 * secrets: 32 random bytes of the organisation's, in a table of their own
 * (training_credential_secrets), and the server's `CREDENTIAL_SECRET`, which
 * lives only in its environment. A key sealed with both ("v2") cannot be
 * opened from a backup of the database alone; without a server secret
 * configured a key is sealed with the organisation's alone ("v1"), and it is
 * sealed again with both the next time the organisation signs once one is.
 */
export interface SigningKey {
  id: string;
  publicJwk: { kty: string; crv: string; x: string };
  privateKey: KeyObject;
}

/** The server's secret, from its configuration; null where none is set. */
export type ServerSecret = string | null;

const INFO = 'roundtable training credential signing key v1';

function wrappingKey(orgSecret: string, serverSecret: ServerSecret, orgId: string): Buffer {
  const material = serverSecret === null
    ? Buffer.from(orgSecret, 'base64')
    : Buffer.concat([Buffer.from(orgSecret, 'base64'), Buffer.from(serverSecret, 'utf8')]);
  return Buffer.from(hkdfSync('sha256', material, Buffer.from(orgId), INFO, 32));
}

export function encryptPrivateKey(pkcs8: Buffer, orgSecret: string, serverSecret: ServerSecret, orgId: string, keyId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey(orgSecret, serverSecret, orgId), iv);
  cipher.setAAD(Buffer.from(`${orgId}:${keyId}`));
  const sealed = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
  return [serverSecret === null ? 'v1' : 'v2', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), sealed.toString('base64url')].join('.');
}

/** Whether a stored key needs the server's secret to be opened. */
export const sealedWithServerSecret = (stored: string) => stored.startsWith('v2.');

/**
 * Opens a stored private key. A key sealed with a server secret that is not
 * configured, or with another one, cannot be opened: the organisation's
 * signing is unavailable until the secret is restored or the key replaced.
 */
export function decryptPrivateKey(stored: string, orgSecret: string, serverSecret: ServerSecret, orgId: string, keyId: string): Buffer {
  const [version, iv, tag, sealed] = stored.split('.');
  if ((version !== 'v1' && version !== 'v2') || !iv || !tag || !sealed) throw new Error('unknown private key format');
  if (version === 'v2' && serverSecret === null) throw new AppError('training.signing_key_locked');
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey(orgSecret, version === 'v2' ? serverSecret : null, orgId), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(`${orgId}:${keyId}`));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]);
  } catch {
    throw new AppError('training.signing_key_locked');
  }
}

async function secretOf(ctx: TenantCtx, create: boolean): Promise<string | null> {
  const read = async () => (await ctx.tx.select().from(trainingCredentialSecrets).where(eq(trainingCredentialSecrets.orgId, ctx.orgId)))[0]?.secret ?? null;
  const found = await read();
  if (found || !create) return found;
  await ctx.tx.insert(trainingCredentialSecrets).values({ orgId: ctx.orgId, secret: randomBytes(32).toString('base64') }).onConflictDoNothing();
  return read();
}

export interface PublishedKey { id: string; publicJwk: SigningKey['publicJwk']; createdAt: Date; retiredAt: Date | null; sealedWithServerSecret: boolean }

/** Every key the organisation has signed with, the signing one last; empty before its first certificate. */
export async function publishedKeys(ctx: TenantCtx): Promise<PublishedKey[]> {
  const rows = await ctx.tx.select().from(trainingCredentialKeys).where(eq(trainingCredentialKeys.orgId, ctx.orgId))
    .orderBy(sql`${trainingCredentialKeys.retiredAt} IS NULL`, asc(trainingCredentialKeys.retiredAt), asc(trainingCredentialKeys.createdAt));
  return rows.map((r) => ({ id: r.id, publicJwk: r.publicJwk, createdAt: r.createdAt, retiredAt: r.retiredAt, sealedWithServerSecret: sealedWithServerSecret(r.privateKey) }));
}

/**
 * The key that signs now. Locked for a write (issuing, replacing it); a read
 * (the public revocation list) takes no lock: it would otherwise wait behind
 * an issue of every eligible certificate, which holds the lock to its end.
 */
const activeKeyRow = (ctx: TenantCtx, lock = true) => {
  const query = ctx.tx.select().from(trainingCredentialKeys)
    .where(and(eq(trainingCredentialKeys.orgId, ctx.orgId), isNull(trainingCredentialKeys.retiredAt)));
  return lock ? query.for('update') : query;
};

async function makeKey(ctx: TenantCtx, orgSecret: string, serverSecret: ServerSecret) {
  const id = randomUUID();
  const pair = generateKeyPairSync('ed25519');
  const jwk = pair.publicKey.export({ format: 'jwk' });
  const pkcs8 = pair.privateKey.export({ format: 'der', type: 'pkcs8' });
  await ctx.tx.insert(trainingCredentialKeys).values({
    orgId: ctx.orgId, id, publicJwk: { kty: jwk.kty!, crv: jwk.crv!, x: jwk.x! }, privateKey: encryptPrivateKey(pkcs8, orgSecret, serverSecret, ctx.orgId, id),
  }).onConflictDoNothing();
}

/**
 * The signing key. When `create` (a write: issuing), its row is locked until
 * the transaction ends, so issues of one organisation take their place in the
 * status list one after the other; the key is made on first use, and a key
 * sealed without the server's secret is sealed again with it once one is
 * configured. Otherwise (signing the revocation list) it is only read.
 */
export async function signingKey(ctx: TenantCtx, serverSecret: ServerSecret, create: boolean): Promise<SigningKey | null> {
  const orgSecret = await secretOf(ctx, create);
  if (!orgSecret) return null;
  let [row] = await activeKeyRow(ctx, create);
  if (!row && create) {
    await makeKey(ctx, orgSecret, serverSecret);
    [row] = await activeKeyRow(ctx);
  }
  if (!row) return null;
  const pkcs8 = decryptPrivateKey(row.privateKey, orgSecret, serverSecret, ctx.orgId, row.id);
  if (create && serverSecret !== null && !sealedWithServerSecret(row.privateKey)) {
    await ctx.tx.update(trainingCredentialKeys).set({ privateKey: encryptPrivateKey(pkcs8, orgSecret, serverSecret, ctx.orgId, row.id) })
      .where(and(eq(trainingCredentialKeys.orgId, ctx.orgId), eq(trainingCredentialKeys.id, row.id)));
    await recordAudit(ctx, { action: 'training_key.seal', entityType: 'training_key', entityId: row.id, after: { sealedWithServerSecret: true } });
  }
  return { id: row.id, publicJwk: row.publicJwk, privateKey: createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }) };
}

/**
 * Replaces the signing key: the current one is retired (its public half still
 * published, so the certificates it signed keep verifying; its private half
 * erased) and a new one, sealed with the
 * secrets configured now, signs from here on. The way out when the server's
 * secret was lost or changed, and a routine a chamber may keep yearly.
 */
export async function rotateSigningKey(ctx: TenantCtx, serverSecret: ServerSecret): Promise<PublishedKey[]> {
  const orgSecret = (await secretOf(ctx, true))!;
  const [current] = await activeKeyRow(ctx);
  if (current) {
    // The private half goes: a key replaced because a copy of the database leaked signs nothing more.
    await ctx.tx.update(trainingCredentialKeys).set({ retiredAt: sql`now()`, privateKey: '' })
      .where(and(eq(trainingCredentialKeys.orgId, ctx.orgId), eq(trainingCredentialKeys.id, current.id)));
  }
  await makeKey(ctx, orgSecret, serverSecret);
  const [made] = await activeKeyRow(ctx);
  await recordAudit(ctx, { action: 'training_key.rotate', entityType: 'training_key', entityId: made!.id, before: current ? { keyId: current.id } : null, after: { keyId: made!.id, sealedWithServerSecret: serverSecret !== null } });
  return publishedKeys(ctx);
}

/**
 * A public key as a key object, made once per key and kept: an Ed25519 public
 * key is its `x` and never changes, so a check need not import it again (the
 * public check imported it on every request). Bounded: a server holds a few
 * keys per organisation; past that many the one kept longest goes.
 */
const publicKeys = new Map<string, KeyObject>();
const KEPT_PUBLIC_KEYS = 1000;
export function publicKeyObject(jwk: SigningKey['publicJwk']): KeyObject {
  const id = `${jwk.kty}:${jwk.crv}:${jwk.x}`;
  let key = publicKeys.get(id);
  if (!key) {
    key = createPublicKey({ key: jwk, format: 'jwk' });
    if (publicKeys.size >= KEPT_PUBLIC_KEYS) publicKeys.delete(publicKeys.keys().next().value!);
    publicKeys.set(id, key);
  }
  return key;
}
