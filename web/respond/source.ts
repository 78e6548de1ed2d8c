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
  entering?: 'person';
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
function courseSource(courseId: string, kind: string, personId: string): AnswerSource {
  const api = `/api/v1/training/courses/${encodeURIComponent(courseId)}/evaluation/${encodeURIComponent(kind)}/people/${encodeURIComponent(personId)}`;
  let csrf = '';
  return {
    mode: 'staff', draftKey: `course:${courseId}:${kind}:${personId}`, channel: 'field', backTo: `/training/${encodeURIComponent(courseId)}`, entering: 'person',
    load: async (_resume, lang) => {
      csrf = (await call<{ csrfToken: string }>('GET', '/api/v1/auth/session', undefined, lang)).csrfToken;
      return call('GET', api, undefined, lang);
    },
    save: async (body, lang) => {
      if (body.submit) await call('PUT', api, { answers: body.answers, submissionKey: body.submissionKey ?? null }, lang, csrf);
      return { resumeKey: null };
    },
    // A course's forms take no files: they belong to a consultation.
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

/** Reads the page's address: /r/<link>, /r/enter/<consultation>/<firm>?channel=phone, /r/course/<course>/<kind>/<person>, /r/preview/<form>. */
export function sourceFor(location: Location): AnswerSource {
  const parts = location.pathname.split('/').slice(2).map(decodeURIComponent);
  if (parts[0] === 'course' && parts[1] && parts[2] && parts[3]) return courseSource(parts[1], parts[2], parts[3]);
  if (parts[0] === 'enter' && parts[1] && parts[2]) {
    const channel = new URLSearchParams(location.search).get('channel') === 'field' ? 'field' : 'phone';
    return staffSource(parts[1], parts[2], channel);
  }
  if (parts[0] === 'preview' && parts[1]) return previewSource(parts[1]);
  return respondentSource(parts[0] ?? '');
}
