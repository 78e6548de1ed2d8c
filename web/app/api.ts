import type { Problem } from '../../contracts/common.js';
import { i18n } from './i18n.js';

/** A refused or failed request, carrying the server's problem+json. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.title);
  }
  get code() {
    return this.problem.code;
  }
  /** Field messages by dotted path, ready for a form. */
  get fieldErrors(): Record<string, string> {
    return Object.fromEntries((this.problem.errors ?? []).map((e) => [e.path, e.message]));
  }
}

let csrfToken = '';
export function setCsrfToken(token: string) {
  csrfToken = token;
}
export function getCsrfToken() {
  return csrfToken;
}

export async function api<T>(path: string, options: { method?: string; body?: unknown } = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': i18n.language };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body), credentials: 'same-origin' });
  } catch {
    throw new ApiError({ type: 'urn:roundtable:error:network', title: i18n.t('errors.network'), status: 0, code: 'network' });
  }
  if (res.ok) return (await res.json()) as T;
  let problem: Problem;
  try {
    problem = (await res.json()) as Problem;
  } catch {
    problem = { type: 'urn:roundtable:error:internal', title: i18n.t('errors.internal'), status: res.status, code: 'internal' };
  }
  throw new ApiError(problem);
}

/** The URL of a query with only the filled-in parameters. */
export function withQuery(path: string, params: Record<string, string | number | undefined | null>) {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  const s = search.toString();
  return s ? `${path}?${s}` : path;
}

/** Sends one file (multipart) with text fields as JSON, and reads the JSON answer. */
export async function uploadFile<T>(path: string, file: File, fields: Record<string, unknown> = {}): Promise<T> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, JSON.stringify(v));
  form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', body: form, headers: { 'x-csrf-token': csrfToken, 'accept-language': i18n.language }, credentials: 'same-origin' });
  } catch {
    throw new ApiError({ type: 'urn:roundtable:error:network', title: i18n.t('errors.network'), status: 0, code: 'network' });
  }
  const body = await res.json().catch(() => ({ type: 'urn:roundtable:error:internal', title: i18n.t('errors.internal'), status: res.status, code: 'internal' }));
  if (!res.ok) throw new ApiError(body as Problem);
  return body as T;
}
