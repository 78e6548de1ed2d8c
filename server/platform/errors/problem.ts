import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { pickLocale, translator, zodMessage } from '../i18n/i18n.js';
import { uniqueViolationField } from '../db/pg-errors.js';
import { AppError, type FieldError } from './app-error.js';
import { statusOf } from './catalogue.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
}

// Fastify's own failures (bad JSON, wrong content type, oversize body) get
// stable codes too, so no input ever reaches the client as a bare 500.
function codeOfFastifyError(error: FastifyError): string | undefined {
  // Malformed percent-encoding, and a path parameter longer than the router takes.
  if (error.code === 'FST_ERR_BAD_URL') return 'bad_url';
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return 'uri_too_long';
  if (error.statusCode === 429) return 'rate_limited';
  if (error.statusCode === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'payload_too_large';
  if (error.statusCode === 415 || error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return 'unsupported_media_type';
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return 'bad_request';
  return undefined;
}

/** What a request's body holds at a validation error's path ("/lines/0/value"), undefined when nothing is there. */
function valueAt(body: unknown, path: string): unknown {
  let at = body;
  for (const key of path.slice(1).split('/')) at = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
  return at;
}

export function toProblem(error: unknown, request: FastifyRequest): Problem {
  const locale = request.locale ?? pickLocale(request.headers['accept-language']);
  const t = translator(locale);
  const base = (code: string, params: Record<string, unknown> = {}, status = statusOf(code)) => ({
    type: `urn:roundtable:error:${code}`,
    title: t(`errors.${code}`, params),
    status,
    code,
    instance: request.url,
  });

  if (hasZodFastifySchemaValidationErrors(error)) {
    // A malformed id in the address (a link cut or mistyped) is no field a person
    // filled in: they read what is wrong with the link, not zod's "id: Invalid UUID".
    const badLink = (error as { validationContext?: string }).validationContext === 'params';
    return {
      ...base('validation_failed'),
      ...(badLink ? { title: t('errors.bad_link') } : {}),
      errors: error.validation.map((v) => {
        const issue = { ...v.params, code: v.keyword } as Record<string, unknown>;
        const custom = v.keyword === 'custom' && typeof issue.params === 'object' ? (issue.params as Record<string, unknown>) : null;
        const code = typeof custom?.code === 'string' ? custom.code : v.keyword;
        // An empty required text reads "Required.", not zod's "expected string to have >=1 characters";
        // so does a field left out (an empty number field sends nothing), not "expected number, received undefined".
        const empty = (v.keyword === 'too_small' && issue.origin === 'string' && issue.minimum === 1)
          || (v.keyword === 'invalid_type' && (error as { validationContext?: string }).validationContext === 'body' && v.instancePath !== '' && valueAt(request.body, v.instancePath) === undefined);
        const message = badLink ? t('errors.bad_link') : custom?.code ? t(`errors.${code}`, custom) : empty ? t('errors.required') : zodMessage(locale, issue);
        return { path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'), code, message };
      }),
    };
  }
  if (error instanceof AppError) {
    const problem: Problem = base(error.code, error.params);
    if (error.fieldErrors.length > 0) {
      // A form author's own message (a survey constraint) is already in the respondent's language.
      problem.errors = error.fieldErrors.map((f) => ({ path: f.path, code: f.code, message: f.message ?? t(`errors.${f.code}`, f.params ?? {}) }));
    }
    return problem;
  }
  // A unique key refused the value: the request conflicts with what exists,
  // and the transaction that tried it rolled back.
  const unique = uniqueViolationField(error);
  if (unique) {
    const problem: Problem = base('already_exists');
    if (unique.field) problem.errors = [{ path: unique.field, code: 'already_exists', message: t('errors.already_exists') }];
    return problem;
  }
  if (isResponseSerializationError(error)) return base('internal');
  const fastifyError = error as FastifyError;
  const code = codeOfFastifyError(fastifyError);
  if (code) return { ...base(code, {}, fastifyError.statusCode ?? statusOf(code)), detail: fastifyError.message };
  return base('internal');
}

export function sendProblem(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const problem = toProblem(error, request);
  if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: problem.code }, 'request refused');
  return reply.code(problem.status).type('application/problem+json').send(problem);
}
