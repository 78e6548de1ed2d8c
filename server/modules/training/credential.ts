import { CompactSign, compactVerify, decodeProtectedHeader } from 'jose';
import type { KeyObject } from 'node:crypto';
import type { CourseKind } from '../../../contracts/training.js';

/**
 * A certificate as a verifiable credential: the W3C Verifiable Credentials
 * Data Model 2.0 with the Open Badges 3.0 context (an OpenBadgeCredential),
 * secured with VC-JOSE: a compact JWS (`typ: vc+jwt`, EdDSA over Ed25519)
 * whose payload is the credential itself. Its revocation is a place in the
 * organisation's Bitstring Status List (status-list.ts).
 */
export const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

/** What a certificate attests: completing a course, or certification as a trainer through a ToT. */
export type CertificateLevel = 'participant' | 'trainer';

export interface CredentialFacts {
  id: string;
  issuerUrl: string;
  orgName: string;
  course: { id: string; title: string; kind: CourseKind; hours: number };
  personName: string;
  level: CertificateLevel;
  validFrom: string;
  validUntil: string | null;
  status: { url: string; index: number };
  /** A trainer's certificate names the ToT that certified them. */
  certifiedThrough: { courseId: string; title: string; certifiedOn: string } | null;
}

/** The public addresses of an organisation as an issuer. */
export const issuerUrls = (publicUrl: string, orgId: string) => {
  const issuer = `${publicUrl}/credentials/${orgId}`;
  return { issuer, jwks: `${issuer}/jwks`, status: `${issuer}/status` };
};

export function buildCredential(f: CredentialFacts): Record<string, unknown> {
  return {
    '@context': [VC_CONTEXT, OB_CONTEXT],
    id: `urn:uuid:${f.id}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: f.course.title,
    issuer: { id: f.issuerUrl, type: ['Profile'], name: f.orgName },
    validFrom: f.validFrom,
    ...(f.validUntil ? { validUntil: f.validUntil } : {}),
    credentialSubject: {
      type: ['AchievementSubject'],
      name: f.personName,
      role: f.level,
      ...(f.certifiedThrough ? { activityEndDate: f.certifiedThrough.certifiedOn } : {}),
      achievement: {
        id: `${f.issuerUrl}/courses/${f.course.id}`,
        type: ['Achievement'],
        achievementType: f.level === 'trainer' ? 'Certification' : 'CertificateOfCompletion',
        name: f.course.title,
        courseKind: f.course.kind,
        hours: f.course.hours,
        criteria: { narrative: f.level === 'trainer' ? 'Completed the training of trainers and passed a teach-back.' : 'Attended the share of the sessions the course requires.' },
      },
    },
    ...(f.certifiedThrough ? {
      evidence: [{ id: `${f.issuerUrl}/courses/${f.certifiedThrough.courseId}`, type: ['Evidence'], name: f.certifiedThrough.title, description: 'Training of trainers' }],
    } : {}),
    credentialStatus: {
      id: `${f.status.url}#${f.status.index}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(f.status.index),
      statusListCredential: f.status.url,
    },
  };
}

/** Signs a credential (or a status list credential) as VC-JOSE: the payload is the credential. */
export function signCredential(credential: Record<string, unknown>, key: { kid: string; privateKey: KeyObject }): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(credential)))
    .setProtectedHeader({ alg: 'EdDSA', typ: 'vc+jwt', cty: 'vc', kid: key.kid })
    .sign(key.privateKey);
}

/** The credential a JWS carries, whatever its signature: null when it is not one. */
export function readCredential(jws: string): { header: { kid?: string }; credential: Record<string, unknown> } | null {
  const parts = jws.split('.');
  if (parts.length !== 3) return null;
  try {
    const credential = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as unknown;
    if (!credential || typeof credential !== 'object' || Array.isArray(credential)) return null;
    return { header: decodeProtectedHeader(jws) as { kid?: string }, credential: credential as Record<string, unknown> };
  } catch {
    return null;
  }
}

/** Whether the JWS is signed by this key, with the algorithm and type of a credential. */
export async function signedBy(jws: string, key: KeyObject): Promise<boolean> {
  try {
    const { protectedHeader } = await compactVerify(jws, key, { algorithms: ['EdDSA'] });
    return protectedHeader.typ === 'vc+jwt';
  } catch {
    return false;
  }
}

/**
 * The signed fields a verifier is shown, each a path in the credential: a
 * changed value is named by its field. Anything else changed is `other`.
 */
export const SIGNED_FIELDS = {
  name: ['credentialSubject.name'],
  course: ['credentialSubject.achievement.name', 'name', 'credentialSubject.achievement.id', 'credentialSubject.achievement.courseKind'],
  level: ['credentialSubject.role', 'credentialSubject.achievement.achievementType', 'credentialSubject.achievement.criteria'],
  hours: ['credentialSubject.achievement.hours'],
  date: ['validFrom', 'credentialSubject.activityEndDate'],
  expiry: ['validUntil'],
  issuer: ['issuer'],
  tot: ['evidence'],
  status: ['credentialStatus'],
  id: ['id'],
} as const;
export type SignedField = keyof typeof SIGNED_FIELDS | 'other';

function flatten(value: unknown, path: string, out: Map<string, string>) {
  if (value && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    if (!entries.length) out.set(path, JSON.stringify(value));
    for (const [k, v] of entries) flatten(v, path ? `${path}.${k}` : k, out);
  } else out.set(path, JSON.stringify(value));
}

const fieldOf = (path: string): SignedField => {
  for (const [field, prefixes] of Object.entries(SIGNED_FIELDS) as Array<[SignedField, readonly string[]]>) {
    if (prefixes.some((p) => path === p || path.startsWith(`${p}.`))) return field;
  }
  return 'other';
};

/** The fields in which a presented credential differs from the one issued, in the order of SIGNED_FIELDS. */
export function changedFields(issued: Record<string, unknown>, presented: Record<string, unknown>): SignedField[] {
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  flatten(issued, '', a);
  flatten(presented, '', b);
  const fields = new Set<SignedField>();
  for (const path of new Set([...a.keys(), ...b.keys()])) if (a.get(path) !== b.get(path)) fields.add(fieldOf(path));
  const order = [...Object.keys(SIGNED_FIELDS), 'other'] as SignedField[];
  return order.filter((f) => fields.has(f));
}
