import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, generateKeyPairSync, hkdfSync, randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { trainingCredentialKeys, trainingCredentialSecrets } from './tables.js';

/**
 * The organisation's Ed25519 key pair that signs its certificates, made on
 * its first certificate. The private key never leaves the server: it is kept
 * encrypted with AES-256-GCM under a key derived by HKDF-SHA256 from a secret
 * of 32 random bytes. The server's configuration holds no secret
 * (server/platform/config.ts), so that secret has a table of its own
 * (training_credential_secrets, migration 0042); whoever holds both tables
 * (a full backup) can sign in the organisation's name.
 */
export interface SigningKey {
  id: string;
  publicJwk: { kty: string; crv: string; x: string };
  privateKey: KeyObject;
}

const INFO = 'roundtable training credential signing key v1';

function wrappingKey(secret: string, orgId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'base64'), Buffer.from(orgId), INFO, 32));
}

export function encryptPrivateKey(pkcs8: Buffer, secret: string, orgId: string, keyId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey(secret, orgId), iv);
  cipher.setAAD(Buffer.from(`${orgId}:${keyId}`));
  const sealed = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), sealed.toString('base64url')].join('.');
}

export function decryptPrivateKey(stored: string, secret: string, orgId: string, keyId: string): Buffer {
  const [version, iv, tag, sealed] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || !sealed) throw new Error('unknown private key format');
  const decipher = createDecipheriv('aes-256-gcm', wrappingKey(secret, orgId), Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(`${orgId}:${keyId}`));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]);
}

async function secretOf(ctx: TenantCtx, create: boolean): Promise<string | null> {
  const read = async () => (await ctx.tx.select().from(trainingCredentialSecrets).where(eq(trainingCredentialSecrets.orgId, ctx.orgId)))[0]?.secret ?? null;
  const found = await read();
  if (found || !create) return found;
  await ctx.tx.insert(trainingCredentialSecrets).values({ orgId: ctx.orgId, secret: randomBytes(32).toString('base64') }).onConflictDoNothing();
  return read();
}

/** The organisation's public key, or null before its first certificate. */
export async function publicKeyOf(ctx: TenantCtx): Promise<{ id: string; publicJwk: SigningKey['publicJwk'] } | null> {
  const [row] = await ctx.tx.select({ id: trainingCredentialKeys.id, publicJwk: trainingCredentialKeys.publicJwk }).from(trainingCredentialKeys).where(eq(trainingCredentialKeys.orgId, ctx.orgId));
  return row ?? null;
}

/**
 * The signing key, made on first use, its row locked until the transaction
 * ends: issues of one organisation take their place in the status list one
 * after the other.
 */
export async function signingKey(ctx: TenantCtx, create: boolean): Promise<SigningKey | null> {
  const secret = await secretOf(ctx, create);
  if (!secret) return null;
  const locked = () => ctx.tx.select().from(trainingCredentialKeys).where(and(eq(trainingCredentialKeys.orgId, ctx.orgId))).for('update');
  let [row] = await locked();
  if (!row && create) {
    const id = randomUUID();
    const pair = generateKeyPairSync('ed25519');
    const jwk = pair.publicKey.export({ format: 'jwk' });
    const pkcs8 = pair.privateKey.export({ format: 'der', type: 'pkcs8' });
    await ctx.tx.insert(trainingCredentialKeys).values({
      orgId: ctx.orgId, id, publicJwk: { kty: jwk.kty!, crv: jwk.crv!, x: jwk.x! }, privateKey: encryptPrivateKey(pkcs8, secret, ctx.orgId, id),
    }).onConflictDoNothing();
    [row] = await locked();
  }
  if (!row) return null;
  const privateKey = createPrivateKey({ key: decryptPrivateKey(row.privateKey, secret, ctx.orgId, row.id), format: 'der', type: 'pkcs8' });
  return { id: row.id, publicJwk: row.publicJwk, privateKey };
}

export const publicKeyObject = (jwk: SigningKey['publicJwk']) => createPublicKey({ key: jwk, format: 'jwk' });
