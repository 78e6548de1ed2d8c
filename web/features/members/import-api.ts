import type { DuplicateDecision, FileDuplicateChoices, ImportMapping } from '../../../contracts/member-import.js';
import { ApiError, getCsrfToken, uploadFile } from '../../app/api.js';
import { i18n } from '../../app/i18n.js';

export type Preview = { format: string; encoding: string; columns: string[]; rowCount: number; sample: string[][]; suggestedMapping: ImportMapping };
export type ImportResult = { created: number; merged: number; skipped: number; rejected: number };

/** What the person told the import: mapping, forced encoding, and the choices of the check step. */
export interface ImportFields {
  encoding?: string | null;
  mapping?: ImportMapping;
  decisions?: Record<string, DuplicateDecision>;
  fileDuplicates?: FileDuplicateChoices;
  skipRejected?: number;
}

const fieldsOf = (f: ImportFields) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== null));

/** The file goes up with each step (multipart); the server keeps nothing between steps. */
export const importStep = <T,>(step: 'preview' | 'check' | 'commit', file: File, fields: ImportFields = {}) => uploadFile<T>(`/api/v1/members/import/${step}`, file, fieldsOf(fields));

/** Fetches the rejected rows as a workbook and hands it to the browser as a download. */
export async function downloadRejected(file: File, fields: ImportFields) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fieldsOf(fields))) form.append(k, JSON.stringify(v));
  form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch('/api/v1/members/import/rejected', { method: 'POST', body: form, headers: { 'x-csrf-token': getCsrfToken(), 'accept-language': i18n.language }, credentials: 'same-origin' });
  } catch {
    throw new ApiError({ type: 'urn:roundtable:error:network', title: i18n.t('errors.network'), status: 0, code: 'network' });
  }
  if (!res.ok) throw new ApiError(await res.json().catch(() => ({ type: 'urn:roundtable:error:internal', title: i18n.t('errors.internal'), status: res.status, code: 'internal' })));
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = `${file.name.replace(/\.[^.]*$/, '')}-${i18n.t('members.import.rejectedFileSuffix')}.xlsx`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
