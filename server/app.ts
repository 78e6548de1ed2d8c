import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { memberRoutes } from './modules/members/routes/member-routes.js';
import { membershipRoutes } from './modules/members/routes/membership-routes.js';
import { importRoutes } from './modules/members/routes/import-routes.js';
import { portalPrivacyRoutes } from './modules/members/routes/portal-privacy-routes.js';
import { firmActivityRoutes } from './modules/members/routes/activity-routes.js';
import { orgRoutes } from './modules/orgs/routes.js';
import { consultationRoutes } from './modules/surveys/routes/consultation-routes.js';
import { formRoutes } from './modules/surveys/routes/form-routes.js';
import { respondRoutes } from './modules/surveys/routes/respond-routes.js';
import { followUpFormRoutes } from './modules/surveys/routes/follow-up-form-routes.js';
import { intakeRoutes } from './modules/intake/routes/intake-routes.js';
import { advocacyRoutes } from './modules/advocacy/routes/advocacy-routes.js';
import { dialogueRoutes } from './modules/dialogue/routes/dialogue-routes.js';
import { trackerRoutes } from './modules/advocacy/routes/tracker-routes.js';
import { paperRoutes } from './modules/advocacy/routes/paper-routes.js';
import { decisionMakerRoutes } from './modules/advocacy/routes/decision-maker-routes.js';
import { documentRoutes } from './modules/advocacy/routes/document-routes.js';
import { peopleRoutes } from './modules/people/routes/people-routes.js';
import { eventRoutes } from './modules/events/routes/event-routes.js';
import { selfCheckInRoutes } from './modules/events/routes/self-check-in-routes.js';
import { certificateRoutes } from './modules/training/routes/certificate-routes.js';
import { trainingRoutes } from './modules/training/routes/training-routes.js';
import { evaluationLinkRoutes } from './modules/training/routes/evaluation-link-routes.js';
import { capacityRoutes } from './modules/training/routes/capacity-routes.js';
import { b2bRoutes } from './modules/b2b/routes/b2b-routes.js';
import { ledRoutes } from './modules/led/routes/led-routes.js';
import { ledFollowUpRoutes, ledMeasureRoutes } from './modules/led/routes/measure-routes.js';
import { ledPublicRoutes } from './modules/led/routes/public-routes.js';
import { ledCallPublicRoutes, ledCallRoutes } from './modules/led/routes/call-routes.js';
import { ledInterviewRoutes } from './modules/led/routes/interview-routes.js';
import { ledRollupRoutes } from './modules/led/routes/rollup-routes.js';
import { ledRatingRoutes } from './modules/led/routes/rating-routes.js';
import { ledPhotoRoutes } from './modules/led/routes/photo-routes.js';
import { networkingRoutes } from './modules/networking/routes/networking-routes.js';
import { DEAL_SUBJECT, dealFollowUpAnswered } from './modules/networking/deal-service.js';
import { directoryRoutes } from './modules/networking/routes/directory-routes.js';
import { infoRoutes } from './modules/networking/routes/info-routes.js';
import { showcaseRoutes } from './modules/networking/routes/showcase-routes.js';
import { recordSessionAttendance } from './modules/training/attendance-service.js';
import { resultsRoutes } from './modules/results/routes/results-routes.js';
import { donorRoutes } from './modules/results/routes/donor-routes.js';
import { resultsFinanceRoutes } from './modules/results/routes/finance-routes.js';
import { homeRoutes } from './modules/home/routes/home-routes.js';
import { issuesBuiltOn } from './modules/advocacy/issue-service.js';
import { issuesCitingConsultation } from './modules/advocacy/evidence-service.js';
import { dialogueOfIssue, publicDecisionsOfIssues } from './modules/dialogue/decision-service.js';
import { forumSeatsOf } from './modules/dialogue/forum-service.js';
import { issuesOfFirm, issuesOfOwnFirm } from './modules/intake/intake-service.js';
import { responsesOfFirm } from './modules/surveys/respond-service.js';
import { answersOfFirm } from './modules/surveys/firm-answers-service.js';
import { auditedWrites } from './platform/audit/audited-writes.js';
import { auditRoutes } from './platform/audit/routes.js';
import { authRoutes } from './platform/auth/routes.js';
import { signInPageRoutes } from './platform/auth/sign-in-page-routes.js';
import { tileOrigin, type Config } from './platform/config.js';
import { logUrl } from './platform/http/log-url.js';
import type { Database } from './platform/db/database.js';
import { AppError } from './platform/errors/app-error.js';
import { sendProblem } from './platform/errors/problem.js';
import { authenticate } from './platform/http/authenticate.js';
import { compression, serveBuiltApp } from './platform/http/compression.js';
import { securityHeaders } from './platform/http/security-headers.js';
import { healthRoutes } from './platform/http/health-routes.js';
import { inputGuard } from './platform/http/input-guard.js';
import { presentedReplies } from './platform/http/presented-replies.js';
import { multipartGuard } from './platform/http/multipart-guard.js';
import { pickLocale } from './platform/i18n/i18n.js';
import './platform/http/types.js';
import { createMailer } from './platform/mail/mailer.js';
import { mailRoutes } from './platform/mail/routes.js';
import { projectFile } from './platform/project-files.js';
import { createTaskRunner } from './platform/tasks/task-runner.js';
import { taskRoutes } from './platform/tasks/routes.js';
import { recordVocabularies, registerModules } from './modules.js';

const webDist = projectFile('web/dist');

export interface AppOptions {
  config: Config;
  database: Database;
  /** Serve the built web app (off in API tests). */
  serveWeb?: boolean;
  logger?: boolean | object;
  /** A write that succeeds without an audit entry fails with a 500 (tests) instead of being logged. */
  strictAudit?: boolean;
  /** Every reply is checked against its route's schema, long presented lists included (tests). */
  strictReplies?: boolean;
}

function onFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  request.locale = pickLocale(request.headers['accept-language']);
  void sendProblem(error, request, reply);
}

export async function buildApp({ config, database, serveWeb = true, logger, strictAudit = false, strictReplies = false }: AppOptions): Promise<FastifyInstance> {
  registerModules();
  const app = Fastify({
    logger: logger ?? {
      level: config.LOG_LEVEL,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
      // Personal links carry their token in the path: the log keeps the address without it.
      serializers: { req: (req: FastifyRequest) => ({ method: req.method, url: logUrl(req.url), host: req.host, remoteAddress: req.ip, remotePort: req.socket?.remotePort }) },
    },
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    // A malformed percent-encoding or an over-long path parameter fails in the
    // router, before any hook: answer it as a problem like every other failure.
    frameworkErrors: onFrameworkError,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('config', config);
  app.decorate('database', database);
  app.decorate('mailer', createMailer(database.db, { smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, log: app.log }));
  app.decorate('tasks', createTaskRunner(database, app.log));
  app.setErrorHandler((error, request, reply) => sendProblem(error, request, reply));

  await app.register(securityHeaders, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Mantine and swagger-ui set inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // Tile subdomains like {s}.tile… are allowed through the wildcard of their origin.
        imgSrc: ["'self'", 'data:', ...(config.map ? [tileOrigin(config.map.tileUrl)] : [])],
        scriptSrc: ["'self'"],
      },
    },
  });
  await app.register(compression);
  await app.register(cookie);
  // Uploads: one file of at most 25 MB and a few small fields.
  await app.register(multipart, { limits: { fileSize: 25 * 1024 * 1024, files: 1, fields: 10, fieldSize: 1024 * 1024, parts: 12 } });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => Object.assign(new Error(`Too many attempts; retry after ${context.after}`), { statusCode: 429 }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Roundtable API', version: '1' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'rt_session' }, token: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(authenticate);
  await app.register(auditedWrites, { strict: strictAudit });
  await app.register(inputGuard);
  await app.register(presentedReplies, { check: strictReplies });
  await app.register(multipartGuard);
  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(signInPageRoutes);
  await app.register(orgRoutes);
  await app.register(auditRoutes, { vocabularies: recordVocabularies });
  await app.register(mailRoutes);
  await app.register(taskRoutes);
  await app.register(memberRoutes);
  await app.register(membershipRoutes);
  await app.register(importRoutes);
  // A lower module shows what a higher one holds through functions handed
  // over here, never by importing upward (ARCHITECTURE.md, "Floors").
  await app.register(portalPrivacyRoutes, { firmDataElsewhere: { consultationResponses: responsesOfFirm, memberIssues: issuesOfFirm } });
  await app.register(firmActivityRoutes, { activityElsewhere: { answers: answersOfFirm, issues: (ctx, memberId) => issuesOfOwnFirm(ctx, memberId, 200) } });
  await app.register(formRoutes);
  await app.register(consultationRoutes, { issuesCiting: issuesCitingConsultation });
  await app.register(respondRoutes);
  await app.register(followUpFormRoutes, { answered: { [DEAL_SUBJECT]: dealFollowUpAnswered } });
  await app.register(intakeRoutes, { issuesBuiltOn });
  await app.register(advocacyRoutes, { dialogueOfIssue });
  await app.register(dialogueRoutes);
  await app.register(trackerRoutes, { publicDecisionsOfIssues });
  await app.register(paperRoutes);
  await app.register(decisionMakerRoutes, { forumSeatsOf });
  await app.register(documentRoutes);
  await app.register(peopleRoutes);
  await app.register(eventRoutes, { afterCheckIn: recordSessionAttendance });
  await app.register(selfCheckInRoutes, { afterCheckIn: recordSessionAttendance });
  await app.register(trainingRoutes);
  await app.register(evaluationLinkRoutes);
  await app.register(b2bRoutes);
  await app.register(certificateRoutes);
  await app.register(capacityRoutes);
  await app.register(ledRoutes);
  await app.register(ledMeasureRoutes);
  await app.register(ledPhotoRoutes);
  await app.register(ledFollowUpRoutes);
  await app.register(ledPublicRoutes);
  await app.register(ledCallRoutes);
  await app.register(ledCallPublicRoutes);
  await app.register(ledInterviewRoutes);
  await app.register(ledRollupRoutes);
  await app.register(ledRatingRoutes);
  await app.register(networkingRoutes);
  await app.register(directoryRoutes);
  await app.register(infoRoutes);
  await app.register(showcaseRoutes);
  await app.register(resultsRoutes);
  await app.register(donorRoutes);
  await app.register(resultsFinanceRoutes);
  await app.register(homeRoutes);

  const hasWeb = serveWeb && fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) await serveBuiltApp(app, webDist);
  // Client-side routes load the app shell; unknown API paths stay problems.
  app.setNotFoundHandler((request, reply) => {
    // A file of the build that is not there (a chunk of an earlier build asked for after a deploy) is
    // missing, not a page: the app's shell in its place would be read as a script and fail obscurely.
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/assets/')) {
      // A respondent's link opens the light respondent page, not the staff app.
      const page = request.url.startsWith('/r/') ? 'respond.html' : 'index.html';
      return reply.type('text/html').header('cache-control', 'no-cache').sendFile(page);
    }
    return sendProblem(new AppError('not_found'), request, reply);
  });

  // While shutting down, answers to requests still in flight ask the client
  // to close its keep-alive connection, so close() does not wait on it.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (request, reply) => {
    if (closing) reply.header('connection', 'close');
    // API answers are personal (a session's or a respondent's data): no browser
    // or proxy keeps them. Pages and assets set their own caching.
    if (request.url.startsWith('/api/v1/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
  app.addHook('onReady', async () => {
    app.tasks.begin();
  });
  app.addHook('onClose', async () => {
    await app.tasks.stop();
    await app.mailer.stop();
  });
  return app;
}
