import { and, eq, inArray } from 'drizzle-orm';
import { DEAL_FOLLOW_UP_MONTHS, DEAL_NO_DEAL, DEAL_QUESTIONS, DEAL_TYPES, DEFAULT_WEIGHTS, type DealFollowUp, type DealReport } from '../../../contracts/networking.js';
import { currencyDigits } from '../../../contracts/money.js';
import { LOCALES } from '../../../contracts/role-list.js';
import type { FormDefinition } from '../../../contracts/surveys/form-definition.js';
import type { FollowUpFormState } from '../../../contracts/surveys.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { orgMailLocale, translator } from '../../platform/i18n/i18n.js';
import { firmNames, firmRecipientsById } from '../members/audience-service.js';
import { getCurrentOrg, orgToday } from '../orgs/org-service.js';
import { answeredFollowUpsOf, cancelFollowUps, followUpsOf, scheduleFollowUps, type AnsweredFollowUp, type FollowUpForm } from '../surveys/follow-up-form-service.js';
import { createForm, getFormRow, publishForm } from '../surveys/form-service.js';
import { networkingIntroductions, networkingSettings } from './tables.js';

/** The subject type networking's follow-ups carry in the surveys module. */
export const DEAL_SUBJECT = 'networking_introduction';

/**
 * The default deal form, in each interface language the organisation works in:
 * agreement signed (yes, not yet, or no and none expected: DEAL_NO_DEAL, which
 * stops the later follow-ups), then, when signed, its type, its value in the
 * organisation's currency and the jobs it created (both asked as totals so far,
 * so a later answer replaces an earlier one: figures-service.ts). Staff may reword it as any
 * form; the answers are read by the question names (DEAL_QUESTIONS).
 */
export function dealFormDefinition(languages: string[], currency: string): FormDefinition {
  const langs = languages.filter((l): l is (typeof LOCALES)[number] => (LOCALES as readonly string[]).includes(l));
  const used = langs.length ? langs : ['en' as const];
  const text = (key: string, params: Record<string, string> = {}) => Object.fromEntries(used.map((l) => [l, translator(l)(key, params)]));
  const signed = `\${${DEAL_QUESTIONS.signed}} = 'yes'`;
  return {
    title: text('networking.dealForm.title'),
    languages: used,
    questions: [
      { name: DEAL_QUESTIONS.signed, type: 'select_one', label: text('networking.dealForm.signed'), required: true, choices: [
        { value: 'yes', label: text('networking.dealForm.yes') }, { value: 'no', label: text('networking.dealForm.no') },
        { value: DEAL_NO_DEAL, label: text('networking.dealForm.noDeal') },
      ] },
      { name: DEAL_QUESTIONS.type, type: 'select_one', label: text('networking.dealForm.type'), required: true, relevant: signed,
        choices: DEAL_TYPES.map((k) => ({ value: k, label: text(k === 'other' ? 'networking.dealForm.otherType' : `networking.kinds.${k}`) })) },
      { name: DEAL_QUESTIONS.value, type: 'decimal', label: text('networking.dealForm.value', { currency }), relevant: signed, constraint: '. >= 0' },
      { name: DEAL_QUESTIONS.jobs, type: 'integer', label: text('networking.dealForm.jobs'), relevant: signed, constraint: '. >= 0' },
    ],
  };
}

/** The organisation's deal form, made and published from the default definition the first time it is needed. */
export async function dealForm(ctx: TenantCtx): Promise<string> {
  const [settings] = await ctx.tx.select({ dealFormId: networkingSettings.dealFormId }).from(networkingSettings).where(eq(networkingSettings.orgId, ctx.orgId)).for('update');
  if (settings?.dealFormId && (await getFormRow(ctx, settings.dealFormId)).publishedVersion) return settings.dealFormId;
  const org = await getCurrentOrg(ctx);
  const form = await createForm(ctx, { purpose: 'survey', definition: dealFormDefinition(org.languages, org.currency) });
  await publishForm(ctx, form.id);
  await ctx.tx.insert(networkingSettings).values({ orgId: ctx.orgId, weights: DEFAULT_WEIGHTS, dealFormId: form.id })
    .onConflictDoUpdate({ target: networkingSettings.orgId, set: { dealFormId: form.id } });
  await recordAudit(ctx, { action: 'networking_settings.deal_form', entityType: 'networking_settings', entityId: ctx.orgId, before: { dealFormId: settings?.dealFormId ?? null }, after: { dealFormId: form.id } });
  return form.id;
}

/**
 * Two firms met: each firm's contacts get the deal form 3, 6 and 12 months
 * from today (the organisation's day), once per introduction. A firm without
 * a consenting address keeps its follow-ups due, for staff to see.
 */
export async function scheduleDealFollowUps(ctx: TenantCtx, introduction: { id: string; firmA: string; firmB: string }) {
  const formId = await dealForm(ctx);
  const names = await firmNames(ctx, [introduction.firmA, introduction.firmB]);
  const t = translator(orgMailLocale((await getCurrentOrg(ctx)).languages, ctx.locale));
  const recipient = async (firm: string, partner: string) => {
    const found = await firmRecipientsById(ctx.tx, ctx.orgId, firm);
    return { id: firm, name: found?.name ?? names.get(firm) ?? '', emails: found?.to ?? [], about: t('networking.dealForm.about', { partner: names.get(partner) ?? '' }) };
  };
  return scheduleFollowUps(ctx, {
    formId, subjectType: DEAL_SUBJECT, subjectId: introduction.id, from: await orgToday(ctx), months: [...DEAL_FOLLOW_UP_MONTHS],
    recipients: [await recipient(introduction.firmA, introduction.firmB), await recipient(introduction.firmB, introduction.firmA)],
  });
}

/**
 * Which deal follow-ups are still to be sent: none after a firm answered that
 * there was no deal and none is expected (the later ones of the introduction,
 * both firms', are taken back; those already sent stay). Called on every answer
 * (server/app.ts hands it to the follow-up routes), in the answer's transaction.
 */
export async function dealFollowUpAnswered(ctx: TenantCtx, answered: AnsweredFollowUp): Promise<void> {
  if (answered.subjectType !== DEAL_SUBJECT || answered.answers[DEAL_QUESTIONS.signed] !== DEAL_NO_DEAL) return;
  await cancelFollowUps(ctx, { subjectType: DEAL_SUBJECT, subjectId: answered.subjectId, afterMonths: answered.months, reason: 'no_deal_answered' });
}

/** Staff closed an introduction as no deal: none of its follow-ups not yet sent will be. */
export async function stopDealFollowUps(ctx: TenantCtx, introductionId: string): Promise<number> {
  return cancelFollowUps(ctx, { subjectType: DEAL_SUBJECT, subjectId: introductionId, reason: 'no_deal' });
}

/** What an answer to the deal form reports, in minor units of the organisation's currency. */
export function dealReportOf(answers: Record<string, unknown> | null, currency: string): DealReport | null {
  if (!answers || !Object.hasOwn(answers, DEAL_QUESTIONS.signed)) return null;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const value = num(answers[DEAL_QUESTIONS.value]);
  const type = answers[DEAL_QUESTIONS.type];
  return {
    signed: answers[DEAL_QUESTIONS.signed] === 'yes',
    noneExpected: answers[DEAL_QUESTIONS.signed] === DEAL_NO_DEAL,
    type: typeof type === 'string' ? type : null,
    value: value === null ? null : Math.round(value * 10 ** currencyDigits(currency)),
    currency,
    jobs: num(answers[DEAL_QUESTIONS.jobs]),
  };
}

async function introductionPairs(ctx: TenantCtx, ids: string[]) {
  if (!ids.length) return new Map<string, { firmA: string; firmB: string }>();
  const n = networkingIntroductions;
  const rows = await ctx.tx.select({ id: n.id, firmA: n.firmA, firmB: n.firmB }).from(n).where(and(eq(n.orgId, ctx.orgId), inArray(n.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r]));
}

async function present(ctx: TenantCtx, rows: FollowUpForm[]): Promise<DealFollowUp[]> {
  const pairs = await introductionPairs(ctx, rows.map((r) => r.subjectId));
  const names = await firmNames(ctx, [...pairs.values()].flatMap((p) => [p.firmA, p.firmB]));
  const { currency } = await getCurrentOrg(ctx);
  const ref = (id: string) => ({ id, name: names.get(id) ?? '' });
  return rows.flatMap((r) => {
    const pair = pairs.get(r.subjectId);
    if (!pair) return [];
    return [{
      id: r.id, introductionId: r.subjectId, firm: ref(r.recipientId), partner: ref(r.recipientId === pair.firmA ? pair.firmB : pair.firmA),
      months: r.months, dueOn: r.dueOn, state: r.state, hasEmail: r.hasEmail,
      sentAt: r.sentAt?.toISOString() ?? null, answeredAt: r.answeredAt?.toISOString() ?? null, report: dealReportOf(r.answers, currency),
    }];
  });
}

/** An introduction's deal follow-ups: who was asked when, and what each firm answered. */
export async function dealFollowUpsOf(ctx: TenantCtx, introductionId: string): Promise<DealFollowUp[]> {
  return present(ctx, await followUpsOf(ctx, DEAL_SUBJECT, [introductionId]));
}

/** Every deal follow-up of the organisation in one state (or all), by due day: staff's list. */
export async function dealFollowUpList(ctx: TenantCtx, state?: FollowUpFormState): Promise<DealFollowUp[]> {
  const rows = await followUpsOf(ctx, DEAL_SUBJECT);
  return present(ctx, state ? rows.filter((r) => r.state === state) : rows);
}

/**
 * Deals the firms reported on the deal form ("agreement signed"), each with
 * its introduction's pair (lower id first) and the instant answered, first
 * answered first. Figures count them once per pair (figures-service.ts).
 */
export async function reportedDeals(ctx: TenantCtx) {
  const answered = await answeredFollowUpsOf(ctx, DEAL_SUBJECT);
  const { currency } = await getCurrentOrg(ctx);
  const pairs = await introductionPairs(ctx, answered.map((a) => a.subjectId));
  return answered.flatMap((a) => {
    const report = dealReportOf(a.answers, currency);
    const pair = pairs.get(a.subjectId);
    if (!report?.signed || !pair) return [];
    const [low, high] = pair.firmA < pair.firmB ? [pair.firmA, pair.firmB] : [pair.firmB, pair.firmA];
    return [{ followUpId: a.id, introductionId: a.subjectId, reportedBy: a.recipientId, answeredAt: a.answeredAt, low, high, report }];
  });
}
