import { and, eq, inArray, sql } from 'drizzle-orm';
import type { RespondentView } from '../../../contracts/surveys.js';
import { checkAnswers, type AnswerProblem, type Answers } from '../../../contracts/surveys/check-answers.js';
import { pickLabel, type FormDefinition } from '../../../contracts/surveys/form-definition.js';
import { testPattern } from '../../../contracts/surveys/pattern.js';
import { hashSecret, newSecret } from '../../platform/auth/tokens.js';
import { nothingChanged } from '../../platform/audit/audited-writes.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { TenantCtx, Tx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { storedContentType, storedFileName } from '../../platform/files/attachment.js';
import { firmProfiles } from '../members/audience-service.js';
import { getCurrentOrg } from '../orgs/org-service.js';
import { getConsultationRow } from './consultation-service.js';
import { formVersion } from './form-service.js';
import { assertRoomForFile } from './response-files.js';
import { tallyResponses } from './response-tallies.js';
import { consultationInvitations, consultations, responseFiles, responses } from './tables.js';
import { orgToday } from '../orgs/org-service.js';
import { orgClock } from '../../platform/org-clock.js';

/** Whom a respondent link stands for: a firm's personal invitation, or the public link of an anonymous consultation. */
export interface RespondentLink {
  orgId: string;
  consultationId: string;
  memberId: string | null;
}

/**
 * Finds the organisation behind a link before any tenant is known (so as the
 * owner, reading only the link's own row). Personal links are stored hashed.
 */
export async function resolveLink(tx: Tx, token: string): Promise<RespondentLink> {
  if (token.startsWith('i-')) {
    const [row] = await tx
      .select({ orgId: consultationInvitations.orgId, consultationId: consultationInvitations.consultationId, memberId: consultationInvitations.memberId })
      .from(consultationInvitations)
      .where(eq(consultationInvitations.tokenHash, hashSecret(token)));
    if (row) return row;
  } else if (token.startsWith('p-')) {
    const [row] = await tx
      .select({ orgId: consultations.orgId, consultationId: consultations.id })
      .from(consultations)
      .where(and(eq(consultations.publicToken, token.slice(2)), eq(consultations.identity, 'anonymous')));
    if (row) return { ...row, memberId: null };
  }
  throw new AppError('surveys.link_invalid');
}

async function consultationState(ctx: TenantCtx, id: string, today: string) {
  const row = await getConsultationRow(ctx, id);
  const closed = row.status !== 'open' || (row.closesOn !== null && row.closesOn < today);
  return { row, closed };
}

async function findResponse(ctx: TenantCtx, link: RespondentLink, resumeKey: string | null) {
  const where = link.memberId
    ? and(eq(responses.consultationId, link.consultationId), eq(responses.memberId, link.memberId))
    : resumeKey
      ? and(eq(responses.consultationId, link.consultationId), eq(responses.resumeKeyHash, hashSecret(resumeKey)))
      : undefined;
  if (!where) return null;
  const [row] = await ctx.tx.select().from(responses).where(and(where, eq(responses.orgId, ctx.orgId)));
  return row ?? null;
}

export async function respondentView(ctx: TenantCtx, link: RespondentLink, resumeKey: string | null, today?: string): Promise<RespondentView> {
  return (await viewWithResponse(ctx, link, resumeKey, today ?? (await orgToday(ctx)))).view;
}

/** The respondent's view, and the response row it was read from (staff also want its channel). */
async function viewWithResponse(ctx: TenantCtx, link: RespondentLink, resumeKey: string | null, today: string) {
  const { row, closed } = await consultationState(ctx, link.consultationId, today);
  if (row.status === 'draft' || !row.formVersion) throw new AppError('surveys.link_invalid');
  const org = await getCurrentOrg(ctx);
  const response = await findResponse(ctx, link, resumeKey);
  const firm = link.memberId ? (await firmProfiles(ctx, [link.memberId])).get(link.memberId) : undefined;
  if (closed && response?.status !== 'submitted') throw new AppError('surveys.consultation_not_open');
  const view: RespondentView = {
    consultation: { title: row.title, orgName: org.name, closesOn: row.closesOn, identity: row.identity as RespondentView['consultation']['identity'], locale: orgClock(org).locale },
    firmName: firm?.name ?? null,
    form: await formVersion(ctx, row.formId, row.formVersion),
    answers: response?.answers ?? {},
    status: response ? (response.status as 'draft' | 'submitted') : 'new',
    resumeKey: link.memberId ? null : resumeKey && response ? resumeKey : null,
  };
  return { view, response };
}

/** Answer problems as field errors, with the form author's message in the respondent's language. */
export function answerErrors(problems: AnswerProblem[], form: FormDefinition, locale: string) {
  return problems.map((p) => ({ path: p.path, code: p.code, params: p.params, message: p.message ? pickLabel(p.message, locale, form.languages) : undefined }));
}

interface SaveInput {
  answers: Answers;
  submit: boolean;
  channel: 'web' | 'phone' | 'field';
  resumeKey?: string | null;
  submissionKey?: string | null;
}

/** The response a submission with this key already made, if any. */
async function submittedWithKey(ctx: TenantCtx, link: RespondentLink, key: string | null | undefined) {
  if (!key) return null;
  const [row] = await ctx.tx
    .select({ id: responses.id })
    .from(responses)
    .where(and(
      eq(responses.consultationId, link.consultationId), eq(responses.submissionKey, key), eq(responses.status, 'submitted'), eq(responses.orgId, ctx.orgId),
      link.memberId ? eq(responses.memberId, link.memberId) : undefined,
    ));
  return row ?? null;
}

/**
 * Keeps a respondent's answers: a draft as typed (to resume later), a
 * submission only when it passes every check of the form, the same checks
 * the respondent page ran. Submitting snapshots the firm's profile.
 */
// "Today" is the organisation's: a consultation closes at the end of its last day there, not in UTC.
export async function saveResponse(ctx: TenantCtx, link: RespondentLink, input: SaveInput, today?: string) {
  today ??= await orgToday(ctx);
  const { row, closed } = await consultationState(ctx, link.consultationId, today);
  // Sent again after a lost connection (even once the consultation closed): it is in, once.
  const repeated = input.submit ? await submittedWithKey(ctx, link, input.submissionKey) : null;
  if (repeated) {
    nothingChanged();
    return { id: repeated.id, status: 'submitted' as const, resumeKey: null };
  }
  if (closed) throw new AppError('surveys.consultation_not_open');
  const form = await formVersion(ctx, row.formId, row.formVersion!);
  const existing = await findResponse(ctx, link, input.resumeKey ?? null);
  if (existing?.status === 'submitted') throw new AppError('surveys.already_submitted');
  const { answers, problems } = checkAnswers(form, input.answers, { complete: input.submit, today, matches: testPattern });
  if (problems.length) throw new AppError('surveys.answers_invalid', { count: problems.length }, answerErrors(problems, form, ctx.locale));
  await checkFileAnswers(ctx, row.id, answers);

  let resumeKey = input.resumeKey ?? null;
  const firm = input.submit && link.memberId ? (await firmProfiles(ctx, [link.memberId])).get(link.memberId) : undefined;
  const values = {
    // checkAnswers keys answers on objects without a prototype; the query builder wants a plain one.
    answers: { ...answers },
    status: input.submit ? 'submitted' : 'draft',
    channel: input.channel,
    enteredBy: ctx.actor.userId,
    updatedAt: sql`now()`,
    submittedAt: input.submit ? sql`now()` : null,
    submissionKey: input.submit ? (input.submissionKey ?? null) : null,
    firm: firm ? { sector: firm.sector, region: firm.region, size: firm.size, ownership: firm.ownership, ownerSex: firm.ownerSex } : null,
  };
  let id: string;
  // Two attempts of one submission may arrive together: only a draft is
  // overwritten and a taken key inserts nothing, so the one that loses finds
  // the winner's response instead of counting the answers a second time.
  const lostRace = async (): Promise<{ id: string; status: 'draft' | 'submitted'; resumeKey: string | null }> => {
    const winner = input.submit ? await submittedWithKey(ctx, link, input.submissionKey) : null;
    if (winner) {
      // The other attempt saved (and audited) it; this one changed nothing.
      nothingChanged();
      return { id: winner.id, status: 'submitted', resumeKey: null };
    }
    // A firm's first two saves at once: the second now finds the first's row and goes on from it.
    if (!existing) return saveResponse(ctx, link, input, today);
    throw new AppError('surveys.already_submitted');
  };
  if (existing) {
    id = existing.id;
    const updated = await ctx.tx
      .update(responses)
      .set(values)
      .where(and(eq(responses.id, existing.id), eq(responses.orgId, ctx.orgId), eq(responses.status, 'draft')))
      .returning({ id: responses.id });
    if (!updated.length) return lostRace();
  } else {
    if (!link.memberId) resumeKey = newSecret();
    const [created] = await ctx.tx
      .insert(responses)
      .values({ ...values, orgId: ctx.orgId, consultationId: row.id, formVersion: row.formVersion!, memberId: link.memberId, resumeKeyHash: resumeKey ? hashSecret(resumeKey) : null })
      .onConflictDoNothing()
      .returning({ id: responses.id });
    if (!created) return lostRace();
    id = created.id;
  }
  if (input.submit) {
    await tallyResponses(ctx, row.id, form, [{ id, answers, firm: values.firm }]);
    await recordAudit(ctx, { action: 'response.submit', entityType: 'response', entityId: id, after: { consultation: row.title, channel: input.channel } });
  } else if (ctx.actor.userId) {
    // A draft kept by staff for a firm (by phone, from paper) is theirs to answer for; a respondent's own drafts are not audited.
    await recordAudit(ctx, { action: 'response.save', entityType: 'response', entityId: id, after: { consultation: row.title, channel: input.channel, memberId: link.memberId } });
  }
  return { id, status: values.status as 'draft' | 'submitted', resumeKey: link.memberId ? null : resumeKey };
}

/**
 * Staff enter a firm's answers from a phone call or a field interview. The
 * firm counts as invited from then on, so the response rate stays honest.
 */
export async function enterForFirm(ctx: TenantCtx, consultationId: string, input: { memberId: string; answers: Answers; submit: boolean; channel: 'web' | 'phone' | 'field'; submissionKey?: string | null }) {
  const link = await staffLink(ctx, consultationId, input.memberId);
  await ctx.tx
    .insert(consultationInvitations)
    .values({ orgId: ctx.orgId, consultationId, memberId: input.memberId, tokenHash: hashSecret(`i-${newSecret()}`) })
    .onConflictDoNothing();
  return saveResponse(ctx, link, { ...input, resumeKey: null });
}

/**
 * What staff see when they take a firm's answers by phone or in the field:
 * the same view as the firm's own link, so the same page and checks serve both.
 */
export async function staffView(ctx: TenantCtx, consultationId: string, memberId: string) {
  const link = await staffLink(ctx, consultationId, memberId);
  const { view, response } = await viewWithResponse(ctx, link, null, await orgToday(ctx));
  return { ...view, channel: (response?.channel ?? null) as 'web' | 'phone' | 'field' | null };
}

/** Staff act for a firm only in a consultation that records firms, and only for a firm of the registry. */
export async function staffLink(ctx: TenantCtx, consultationId: string, memberId: string): Promise<RespondentLink> {
  const row = await getConsultationRow(ctx, consultationId);
  if (row.identity !== 'firm') throw new AppError('surveys.anonymous_entry');
  const firm = (await firmProfiles(ctx, [memberId])).get(memberId);
  if (!firm) throw new AppError('members.not_found');
  return { orgId: ctx.orgId, consultationId, memberId };
}

/** Keeps a file a respondent attached; the answer then refers to it by id. */
export async function storeResponseFile(ctx: TenantCtx, link: RespondentLink, file: { buffer: Buffer; filename: string; contentType: string }, today?: string) {
  today ??= await orgToday(ctx);
  await assertRoomForFile(ctx, link.consultationId, file.buffer.length, today);
  const name = storedFileName(file.filename, 'file');
  const [row] = await ctx.tx
    .insert(responseFiles)
    .values({ orgId: ctx.orgId, consultationId: link.consultationId, name, contentType: storedContentType(file.contentType), size: file.buffer.length, data: file.buffer })
    .returning({ id: responseFiles.id, name: responseFiles.name });
  if (ctx.actor.userId) await recordAudit(ctx, { action: 'response.file_attach', entityType: 'consultation', entityId: link.consultationId, after: { fileId: row!.id, name: row!.name, memberId: link.memberId } });
  return { fileId: row!.id, name: row!.name };
}

export async function responseFile(ctx: TenantCtx, consultationId: string, fileId: string) {
  const [row] = await ctx.tx.select().from(responseFiles).where(and(eq(responseFiles.id, fileId), eq(responseFiles.consultationId, consultationId), eq(responseFiles.orgId, ctx.orgId)));
  if (!row) throw new AppError('not_found');
  return row;
}

/**
 * Checks a submission to a published form version that another module keeps
 * the answers of (a course's evaluation, answered by a person: training): the
 * same checks as a consultation's submission. Files are refused, since they
 * belong to a consultation. Gives the answers as kept: hidden ones dropped,
 * calculations computed.
 */
export async function checkSubmission(ctx: TenantCtx, formId: string, version: number, input: Answers): Promise<Answers> {
  const form = await formVersion(ctx, formId, version);
  const { answers, problems } = checkAnswers(form, input, { complete: true, today: await orgToday(ctx), matches: testPattern });
  if (problems.length) throw new AppError('surveys.answers_invalid', { count: problems.length }, answerErrors(problems, form, ctx.locale));
  if (fileIdsOf(answers).length) throw new AppError('surveys.answers_invalid', { count: 1 }, [{ path: 'file', code: 'survey.invalid_answer' }]);
  return { ...answers };
}

/** The ids of the files answers name. */
function fileIdsOf(answers: Answers): string[] {
  const ids: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const f = v as { fileId?: unknown };
      if (typeof f.fileId === 'string') ids.push(f.fileId);
      else Object.values(v).forEach(walk);
    }
  };
  walk(answers);
  return ids;
}

/** Every file an answer refers to must have been attached to this consultation. */
async function checkFileAnswers(ctx: TenantCtx, consultationId: string, answers: Answers) {
  const ids = fileIdsOf(answers);
  if (!ids.length) return;
  const found = await ctx.tx.select({ id: responseFiles.id }).from(responseFiles).where(and(inArray(responseFiles.id, ids), eq(responseFiles.consultationId, consultationId), eq(responseFiles.orgId, ctx.orgId)));
  if (found.length !== new Set(ids).size) throw new AppError('surveys.answers_invalid', { count: 1 }, [{ path: 'file', code: 'survey.invalid_answer' }]);
}

/** A firm's answers to consultations, for its data subject request (members' privacy export). */
export async function responsesOfFirm(ctx: TenantCtx, memberId: string) {
  return ctx.tx
    .select({ consultation: consultations.title, status: responses.status, channel: responses.channel, answers: responses.answers, submittedAt: responses.submittedAt })
    .from(responses)
    .innerJoin(consultations, eq(consultations.id, responses.consultationId))
    .where(and(eq(responses.orgId, ctx.orgId), eq(responses.memberId, memberId)));
}
