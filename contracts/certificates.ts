import { z } from 'zod';
import { IsoDate, Text, Uuid } from './common.js';

/**
 * Certificates of training (server/modules/training): verifiable credentials
 * (W3C VC 2.0, Open Badges 3.0) signed with the organisation's key, printed
 * as a PDF with a QR code that carries the credential to the public
 * verification page, and revoked through the organisation's status list.
 */
export const CERTIFICATE_LEVELS = ['participant', 'trainer'] as const;
export const CertificateLevel = z.enum(CERTIFICATE_LEVELS);

export const IssueCertificateInput = z.object({
  personId: Uuid,
  /** The last day the certificate is valid; none: it does not expire. */
  validUntil: IsoDate.nullable().default(null),
});
export type IssueCertificateInput = z.infer<typeof IssueCertificateInput>;

/** Certificates for every participant who may have one and has none yet: the last day they are valid, or none. */
export const IssueEligibleCertificatesInput = IssueCertificateInput.pick({ validUntil: true });
export type IssueEligibleCertificatesInput = z.infer<typeof IssueEligibleCertificatesInput>;

export const RevokeCertificateInput = z.object({
  reason: Text(1000).refine((s) => s.trim().length > 0, { params: { code: 'training.revoke_reason_required' } }),
});
export type RevokeCertificateInput = z.infer<typeof RevokeCertificateInput>;

export const Certificate = z.object({
  id: Uuid,
  courseId: Uuid,
  personId: Uuid,
  name: z.string(),
  level: CertificateLevel,
  issuedAt: z.string(),
  issuedBy: z.string(),
  validUntil: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
  revokedBy: z.string().nullable(),
  /** The public verification page, the credential in its fragment (what the QR code holds). */
  verifyUrl: z.string(),
});
export type Certificate = z.infer<typeof Certificate>;

/** A credential presented to the issuer, to learn which signed fields differ from the one it issued. */
export const CredentialCheckInput = z.object({ jws: z.string().max(20_000) });
export const SIGNED_FIELD_NAMES = ['name', 'course', 'level', 'hours', 'date', 'expiry', 'issuer', 'tot', 'status', 'id', 'other'] as const;
export const CredentialCheck = z.object({
  /** The issuer knows a credential of this id. */
  found: z.boolean(),
  /** The signature is the issuer's. */
  signed: z.boolean(),
  /** The signed fields whose values differ from the credential issued. */
  changed: z.array(z.enum(SIGNED_FIELD_NAMES)),
  revoked: z.boolean(),
});
export type CredentialCheck = z.infer<typeof CredentialCheck>;

/** A key the organisation signs certificates with; retired ones stay published for what they signed. */
export const SigningKey = z.object({
  id: z.uuid(),
  createdAt: z.string(),
  retiredAt: z.string().nullable(),
  /** Sealed with the server's CREDENTIAL_SECRET too, so a database backup alone cannot open it. */
  sealedWithServerSecret: z.boolean(),
});
export type SigningKey = z.infer<typeof SigningKey>;
export const SigningKeys = z.object({ items: z.array(SigningKey), serverSecretConfigured: z.boolean() });
export type SigningKeys = z.infer<typeof SigningKeys>;
