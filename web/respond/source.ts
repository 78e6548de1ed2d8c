import type { RespondentView } from '../../contracts/surveys.js';
import type { FormDefinition } from '../../contracts/surveys/form-model.js';

/**
 * Where the page's answers come from and go to. One page serves three people:
 * a respondent with a link, staff taking a firm's answers by phone or in the
 * field (their session, the staff API), and a form's author previewing it
 * (nothing leaves the browser).
 */
export type Mode = 'respondent' | 'staff' | 'preview';
export type Channel = 'web' | 'phone' | 'field';

export interface AnswerSource {
  mode: Mode;
  /** Key of the copy kept on this device; null where nothing is kept. */
  draftKey: string | null;
  channel: Channel;
  /** Where staff go back to when done. */
  backTo: string | null;
  /** Staff entering a person's answers to a course's form (training), not a firm's. */
  entering?: 'person' | 'interview';
  /** Staff correcting a person's submitted answers to a course's form: the form opens with them, and each change is audited. */
  correcting?: boolean;
  load(resume: string | null, lang: string): Promise<RespondentView>;
  save(body: { answers: unknown; submit: boolean; resumeKey: string | null; submissionKey?: string | null }, lang: string): Promise<{ resumeKey: string | null }>;
  upload(file: File, resumeKey: string | null): Promise<{ fileId: string; name: string } | null>;
}

export class HttpError extends Error {
  constructor(readonly status: number, readonly body: { code?: string; title?: string; errors?: Array<{ path: string; message: string }> }) {
    super(body.title ?? String(status));
  }
}

async function call<T>(method: string, url: string, body: unknown, lang: string, csrf = ''): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'accept-language': lang };
  if (csrf && method !== 'GET') headers['x-csrf-token'] = csrf;
  const res = await fetch(url, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new HttpError(res.status, json);
  return json as T;
}

async function send(url: string, file: File, csrf = '') {
  const body = new FormData();
  body.append('file', file);
  const res = await fetch(url, { method: 'POST', body, credentials: 'same-origin', headers: csrf ? { 'x-csrf-token': csrf } : {} });
  return res.ok ? ((await res.json()) as { fileId: string; name: string }) : null;
}

function respondentSource(token: string): AnswerSource {
  const api = `/api/v1/respond/${encodeURIComponent(token)}`;
  const resumeQuery = (key: string | null) => (key ? `?resume=${encodeURIComponent(key)}` : '');
  return {
    mode: 'respondent', draftKey: token, channel: 'web', backTo: null,
    load: (resume, lang) => call('GET', `${api}${resumeQuery(resume)}`, undefined, lang),
    save: (body, lang) => call('PUT', api, body, lang),
    upload: (file, resumeKey) => send(`${api}/files${resumeQuery(resumeKey)}`, file),
  };
}

function staffSource(consultationId: string, memberId: string, channel: Channel): AnswerSource {
  const api = `/api/v1/consultations/${encodeURIComponent(consultationId)}/firms/${encodeURIComponent(memberId)}`;
  let csrf = '';
  return {
    mode: 'staff', draftKey: `enter:${consultationId}:${memberId}`, channel, backTo: `/consultations/${encodeURIComponent(consultationId)}`,
    load: async (_resume, lang) => {
      csrf = (await call<{ csrfToken: string }>('GET', '/api/v1/auth/session', undefined, lang)).csrfToken;
      return call('GET', `${api}/response`, undefined, lang);
    },
    save: async (body, lang) => {
      await call('PUT', `${api}/response`, { answers: body.answers, submit: body.submit, channel, submissionKey: body.submissionKey ?? null }, lang, csrf);
      return { resumeKey: null };
    },
    upload: (file) => send(`${api}/files`, file, csrf),
  };
}

/**
 * Staff entering a participant's answers to one of a course's forms (a pre- or
 * post-test, a satisfaction form: training's evaluations). Only a submission
 * reaches the server; a draft stays in this device's copy.
 */
function courseSource(courseId: string, kind: string, personId: string, correcting: boolean): AnswerSource {
  const api = `/api/v1/training/courses/${encodeURIComponent(courseId)}/evaluation/${encodeURIComponent(kind)}/people/${encodeURIComponent(personId)}`;
  let csrf = '';
  return {
    mode: 'staff', draftKey: `${correcting ? 'course-fix' : 'course'}:${courseId}:${kind}:${personId}`, channel: 'field', backTo: `/training/${encodeURIComponent(courseId)}`, entering: 'person', correcting,
    load: async (_resume, lang) => {
      csrf = (await call<{ csrfToken: string }>('GET', '/api/v1/auth/session', undefined, lang)).csrfToken;
      const view = await call<RespondentView>('GET', api, undefined, lang);
      // A correction opens the submitted answers as a form to change, not as "already sent".
      return correcting && view.status === 'submitted' ? { ...view, status: 'new' } : view;
    },
    save: async (body, lang) => {
      if (body.submit) await call('PUT', correcting ? `${api}/correction` : api, { answers: body.answers, submissionKey: body.submissionKey ?? null }, lang, csrf);
      return { resumeKey: null };
    },
    // A course's forms take no files: they belong to a consultation.
    upload: async () => null,
  };
}

/**
 * A person's own link to a form that takes no files (those belong to a
 * consultation): the link is the only credential and names the form and the
 * person on the server. Only a submission reaches the server; a draft stays
 * in this phone's copy.
 */
function ownLinkSource(api: string, token: string): AnswerSource {
  return {
    mode: 'respondent', draftKey: token, channel: 'web', backTo: null,
    load: (_resume, lang) => call('GET', api, undefined, lang),
    save: async (body, lang) => {
      if (body.submit) await call('PUT', api, { answers: body.answers, submissionKey: body.submissionKey ?? null }, lang);
      return { resumeKey: null };
    },
    upload: async () => null,
  };
}

/** A course participant's own link to one of its forms (training's evaluations, `/r/t-…`). */
const participantSource = (token: string) => ownLinkSource(`/api/v1/training/respond/${encodeURIComponent(token)}`, token);

/** A recipient's own link to a follow-up form (the surveys module's follow-up forms: networking's deal follow-ups, `/r/fu-…`). */
const followUpSource = (token: string) => ownLinkSource(`/api/v1/follow-ups/respond/${encodeURIComponent(token)}`, token);

/**
 * Staff conducting an LED interview (led's interviews, `/r/led/<interview>`):
 * the guide is the interview's form version. Only the submission reaches the
 * server; until then the answers stay in this device's copy, with or without
 * a connection.
 */
function ledInterviewSource(interviewId: string): AnswerSource {
  const api = `/api/v1/led/interviews/${encodeURIComponent(interviewId)}/answers`;
  let csrf = '';
  return {
    mode: 'staff', draftKey: `led-interview:${interviewId}`, channel: 'field', backTo: `/led/interviews/${encodeURIComponent(interviewId)}`, entering: 'interview',
    load: async (_resume, lang) => {
      csrf = (await call<{ csrfToken: string }>('GET', '/api/v1/auth/session', undefined, lang)).csrfToken;
      return call('GET', api, undefined, lang);
    },
    save: async (body, lang) => {
      if (body.submit) await call('PUT', api, { answers: body.answers, submissionKey: body.submissionKey ?? null }, lang, csrf);
      return { resumeKey: null };
    },
    // An interview's answers take no files: they belong to a consultation.
    upload: async () => null,
  };
}

/** The builder hands the form it is editing over through this key, and keeps it current. */
export const previewKey = (formId: string) => `roundtable.preview.${formId}`;
export interface PreviewHandOver {
  form: FormDefinition;
  orgName: string;
}

function previewSource(formId: string): AnswerSource {
  return {
    mode: 'preview', draftKey: null, channel: 'web', backTo: null,
    load: async () => {
      const raw = localStorage.getItem(previewKey(formId));
      if (!raw) throw new HttpError(404, { code: 'preview_missing' });
      const { form, orgName } = JSON.parse(raw) as PreviewHandOver;
      // A preview has no closing date to write, so its locale is never read.
      return { consultation: { title: '', orgName, closesOn: null, identity: 'anonymous', locale: navigator.language }, firmName: null, form, answers: {}, status: 'new', resumeKey: null };
    },
    save: async () => ({ resumeKey: null }),
    // A preview keeps nothing: the file's name stands in for it.
    upload: async (file) => ({ fileId: crypto.randomUUID(), name: file.name }),
  };
}

/**
 * Reads the page's address: /r/<link>, /r/t-<participant's link>, /r/fu-<follow-up link>, /r/enter/<consultation>/<firm>?channel=phone, /r/led/<interview>,
 * /r/course/<course>/<kind>/<person>[?correct=1], /r/preview/<form>.
 */
export function sourceFor(location: Location): AnswerSource {
  const parts = location.pathname.split('/').slice(2).map(decodeURIComponent);
  if (parts[0] === 'course' && parts[1] && parts[2] && parts[3]) return courseSource(parts[1], parts[2], parts[3], new URLSearchParams(location.search).get('correct') === '1');
  // A consultation's links start i- or p-; a course participant's, t-; a follow-up form's, fu-.
  if (parts[0]?.startsWith('t-')) return participantSource(parts[0]);
  if (parts[0]?.startsWith('fu-')) return followUpSource(parts[0]);
  if (parts[0] === 'led' && parts[1]) return ledInterviewSource(parts[1]);
  if (parts[0] === 'enter' && parts[1] && parts[2]) {
    const channel = new URLSearchParams(location.search).get('channel') === 'field' ? 'field' : 'phone';
    return staffSource(parts[1], parts[2], channel);
  }
  if (parts[0] === 'preview' && parts[1]) return previewSource(parts[1]);
  return respondentSource(parts[0] ?? '');
}
