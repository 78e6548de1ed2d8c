import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Certificate, CredentialCheck, CredentialCheckInput, IssueCertificateInput, IssueEligibleCertificatesInput, RevokeCertificateInput, SigningKeys } from '../../../../contracts/certificates.js';
import { IdParams } from '../../../../contracts/common.js';
import { LOCALES } from '../../../../contracts/roles.js';
import { clock } from '../../../platform/clock.js';
import { withTenant } from '../../../platform/db/tenancy.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { translator } from '../../../platform/i18n/i18n.js';
import { orgClock } from '../../../platform/org-clock.js';
import { clockFormat } from '../../../platform/time.js';
import { getCurrentOrg } from '../../orgs/org-service.js';
import { certificatePdf } from '../certificate-pdf.js';
import { checkCredential, getCertificate, issueCertificate, issueEligibleCertificates, issuerOrgOf, jwksOf, listCertificates, revokeCertificate, statusListCredential } from '../certificate-service.js';
import { publishedKeys, rotateSigningKey, type PublishedKey } from '../credential-keys.js';
import { VERIFY_SCRIPT, verifyPage } from '../verify-page.js';
import { VERIFY_WORKER_PATH, VERIFY_WORKER_SCOPE, VERIFY_WORKER_SCRIPT } from '../verify-worker.js';

const tags = ['training'];
const OrgParams = z.object({ orgId: z.uuid() });
const publicScope = (orgId: string, locale: string) => ({ orgId, role: 'viewer' as const, actor: { userId: null, name: 'Public' }, locale });

/**
 * Certificates: issued by staff to a course's completers (a ToT's: to the
 * trainers it certified), revoked with a reason, printed with a QR code; and
 * what anyone may read without signing in to verify one: the issuer's public
 * keys, its revocation list, the verification page and the check that names
 * the fields a presented credential changed.
 */
export const certificateRoutes: FastifyPluginAsyncZod = async (app) => {
  const publicUrl = app.config.publicUrl;
  const serverSecret = app.config.CREDENTIAL_SECRET ?? null;
  const presentKeys = (keys: PublishedKey[]) => ({
    items: keys.map((k) => ({ id: k.id, createdAt: k.createdAt.toISOString(), retiredAt: k.retiredAt?.toISOString() ?? null, sealedWithServerSecret: k.sealedWithServerSecret })),
    serverSecretConfigured: serverSecret !== null,
  });

  app.get('/api/v1/training/courses/:id/certificates', {
    schema: { tags, params: IdParams, response: { 200: z.object({ items: z.array(Certificate) }) } },
    config: { auth: 'tenant', permission: 'training.read' },
  }, async (request) => app.tenant(request, async (ctx) => ({ items: await listCertificates(ctx, request.params.id, publicUrl) })));

  app.post('/api/v1/training/courses/:id/certificates', {
    schema: { tags, params: IdParams, body: IssueCertificateInput, response: { 201: Certificate } },
    config: { auth: 'tenant', permission: 'training.manage' },
  }, async (request, reply) => {
    reply.code(201);
    return app.tenant(request, (ctx) => issueCertificate(ctx, request.params.id, request.body, publicUrl, serverSecret, clock.now()));
  });

  // Every completer (a ToT: every trainer it certified) without a certificate yet, the course's attendance computed once.
  app.post('/api/v1/training/courses/:id/certificates/eligible', {
    schema: { tags, params: IdParams, body: IssueEligibleCertificatesInput, response: { 201: z.object({ items: z.array(Certificate) }) } },
    config: { auth: 'tenant', permission: 'training.manage' },
  }, async (request, reply) => {
    reply.code(201);
    return app.tenant(request, async (ctx) => ({ items: await issueEligibleCertificates(ctx, request.params.id, request.body, publicUrl, serverSecret, clock.now()) }));
  });

  app.post('/api/v1/training/certificates/:id/revoke', {
    schema: { tags, params: IdParams, body: RevokeCertificateInput, response: { 200: Certificate } },
    config: { auth: 'tenant', permission: 'training.manage' },
  }, async (request) => app.tenant(request, (ctx) => revokeCertificate(ctx, request.params.id, request.body.reason, publicUrl)));

  app.get('/api/v1/training/certificates/:id/certificate.pdf', {
    schema: { tags, params: IdParams },
    config: { auth: 'tenant', permission: 'training.read' },
  }, async (request, reply) => {
    const { found, org, locale } = await app.tenant(request, async (ctx) => ({ found: await getCertificate(ctx, request.params.id, publicUrl), org: await getCurrentOrg(ctx), locale: ctx.locale }));
    // The paper says what was signed: the names and figures come from the credential itself.
    const c = found.credential as { issuer: { name: string }; credentialSubject: { achievement: { name: string; hours: number } }; evidence?: Array<{ name: string }> };
    const pdf = await certificatePdf(found.certificate, { course: c.credentialSubject.achievement.name, hours: c.credentialSubject.achievement.hours, issuer: c.issuer.name, tot: c.evidence?.[0]?.name ?? null },
      translator(locale), clockFormat(orgClock(org), locale));
    reply.header('content-type', 'application/pdf');
    reply.header('content-disposition', `attachment; filename="certificate-${request.params.id.slice(0, 8)}.pdf"`);
    return pdf;
  });

  app.get('/api/v1/training/signing-keys', {
    schema: { tags, response: { 200: SigningKeys } },
    config: { auth: 'tenant', permission: 'training.keys' },
  }, async (request) => app.tenant(request, async (ctx) => presentKeys(await publishedKeys(ctx))));

  app.post('/api/v1/training/signing-keys/rotate', {
    schema: { tags, response: { 200: SigningKeys } },
    config: { auth: 'tenant', permission: 'training.keys' },
  }, async (request) => app.tenant(request, async (ctx) => presentKeys(await rotateSigningKey(ctx, serverSecret))));

  // ---- public: no sign-in ----
  const rateLimit = { max: 120, timeWindow: '1 minute' };
  const verifyPages = new Map<string, string>();

  app.get('/credentials/:orgId/jwks', {
    schema: { tags, params: OrgParams },
    config: { auth: 'public', rateLimit },
  }, async (request, reply) => {
    const jwks = await withTenant(app.database.db, publicScope(request.params.orgId, request.locale), (ctx) => jwksOf(ctx, publicUrl));
    if (!jwks) throw new AppError('training.certificate_not_found');
    reply.type('application/jwk-set+json').header('cache-control', 'public, max-age=300').header('access-control-allow-origin', '*');
    return JSON.stringify(jwks);
  });

  app.get('/credentials/:orgId/status', {
    schema: { tags, params: OrgParams },
    config: { auth: 'public', rateLimit },
  }, async (request, reply) => {
    const jws = await withTenant(app.database.db, publicScope(request.params.orgId, request.locale), (ctx) => statusListCredential(ctx, publicUrl, serverSecret, clock.now()));
    if (!jws) throw new AppError('training.certificate_not_found');
    reply.type('application/vc+jwt').header('cache-control', 'no-cache').header('access-control-allow-origin', '*');
    return jws;
  });

  app.post('/api/v1/public/credentials/check', {
    schema: { tags, body: CredentialCheckInput, response: { 200: CredentialCheck } },
    config: { auth: 'public', rateLimit: { max: 30, timeWindow: '1 minute' }, unaudited: 'a read: compares a presented credential with the one issued, changes nothing' },
  }, async (request) => {
    const orgId = issuerOrgOf(request.body.jws, publicUrl);
    if (!orgId) return { found: false, signed: false, changed: ['issuer' as const], revoked: false };
    return withTenant(app.database.db, publicScope(orgId, request.locale), (ctx) => checkCredential(ctx, request.body.jws, publicUrl));
  });

  app.get('/verify', {
    schema: { tags, querystring: z.object({ lang: z.enum(LOCALES).optional() }) },
    config: { auth: 'public', rateLimit },
  }, async (request, reply) => {
    const locale = request.query.lang ?? request.locale;
    // Asked again each time (the reader's language, a new release); offline, the service worker answers with the copy it kept.
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').header('vary', 'accept-language');
    // The page depends on its language alone: written once per language and process, not per request.
    let page = verifyPages.get(locale);
    if (!page) verifyPages.set(locale, (page = verifyPage(translator(locale), locale, LOCALES)));
    return page;
  });

  app.get('/verify/verify.js', { config: { auth: 'public', rateLimit } }, async (_request, reply) => {
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache');
    return VERIFY_SCRIPT;
  });

  // The page's service worker: its folder is /verify/, so the header lets it control /verify itself (and nothing outside /verify).
  app.get(VERIFY_WORKER_PATH, { config: { auth: 'public', rateLimit } }, async (_request, reply) => {
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').header('service-worker-allowed', VERIFY_WORKER_SCOPE);
    return VERIFY_WORKER_SCRIPT;
  });
};
