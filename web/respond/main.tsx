/** @jsxImportSource preact */
import { render } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { RespondentView } from '../../contracts/surveys.js';
import { checkAnswers, type AnswerProblem, type Answers } from '../../contracts/surveys/check-answers.js';
import { pickLabel } from '../../contracts/surveys/form-model.js';
import { clearDraft, readDraft, writeDraft } from './draft-store.js';
import { Fields, type FieldContext } from './QuestionField.js';
import { fill, loadStrings, preferredLanguage, type Strings } from './strings.js';

/**
 * The page a member firm (or anyone with a public link) answers on. It is
 * Preact and a few shared modules only, for a cheap phone on a slow network;
 * it checks answers with the same code as the server, and keeps every answer
 * on the phone until the server has it.
 */

const token = decodeURIComponent(location.pathname.split('/')[2] ?? '');
const api = `/api/v1/respond/${encodeURIComponent(token)}`;
type SaveState = 'idle' | 'saving' | 'saved' | 'offline' | 'sending' | 'done';

class HttpError extends Error {
  constructor(readonly status: number, readonly body: { code?: string; title?: string; errors?: Array<{ path: string; message: string }> }) {
    super(body.title ?? String(status));
  }
}

async function call<T>(method: string, url: string, body?: unknown, lang = 'en'): Promise<T> {
  const res = await fetch(url, { method, headers: { 'content-type': 'application/json', 'accept-language': lang }, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new HttpError(res.status, json);
  return json as T;
}

function messageFor(p: AnswerProblem, strings: Strings, lang: string, languages: string[]): string {
  if (p.message) return pickLabel(p.message, lang, languages);
  const code = p.code.replace(/^survey\./, '') as keyof Strings['survey'];
  return fill(strings.survey[code] ?? strings.survey.invalid_answer, p.params);
}

function Respondent({ view, initial, strings: initialStrings, initialLang }: { view: RespondentView; initial: Answers; strings: Strings; initialLang: string }) {
  const form = view.form;
  const [lang, setLang] = useState(initialLang);
  const [strings, setStrings] = useState(initialStrings);
  const [answers, setAnswers] = useState<Answers>(initial);
  const [errors, setErrors] = useState(new Map<string, string>());
  const [state, setState] = useState<SaveState>(view.status === 'submitted' ? 'done' : 'idle');
  const [justSent, setJustSent] = useState(false);
  const [resumeKey, setResumeKey] = useState(view.resumeKey ?? readDraft(token)?.resumeKey ?? null);
  const timer = useRef<number | undefined>(undefined);
  const latest = useRef({ answers, resumeKey });
  latest.current = { answers, resumeKey };

  const checked = useMemo(() => checkAnswers(form, answers, { complete: false }), [form, answers]);

  const save = async () => {
    const { answers: a, resumeKey: key } = latest.current;
    setState('saving');
    try {
      const saved = await call<{ resumeKey: string | null }>('PUT', api, { answers: a, submit: false, resumeKey: key }, lang);
      if (saved.resumeKey && saved.resumeKey !== key) {
        setResumeKey(saved.resumeKey);
        writeDraft(token, { answers: a, resumeKey: saved.resumeKey, savedAt: Date.now() });
        history.replaceState(null, '', `${location.pathname}?resume=${encodeURIComponent(saved.resumeKey)}`);
      }
      setState('saved');
    } catch (e) {
      setState(e instanceof HttpError ? 'idle' : 'offline');
      if (e instanceof HttpError) setErrors(new Map([['', e.message]]));
    }
  };

  // Back online: send what was kept on the phone.
  useEffect(() => {
    const retry = () => state === 'offline' && void save();
    addEventListener('online', retry);
    const every = setInterval(retry, 30_000);
    return () => {
      removeEventListener('online', retry);
      clearInterval(every);
    };
  }, [state]);

  const change = (name: string, value: unknown) => {
    const next = { ...answers };
    if (value === undefined) delete next[name];
    else next[name] = value;
    setAnswers(next);
    writeDraft(token, { answers: next, resumeKey, savedAt: Date.now() });
    if (errors.size) setErrors(new Map());
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), 2000) as unknown as number;
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    clearTimeout(timer.current);
    const result = checkAnswers(form, answers, { complete: true });
    if (result.problems.length) {
      setErrors(new Map(result.problems.map((p) => [p.path, messageFor(p, strings, lang, form.languages)])));
      document.querySelector<HTMLElement>('.invalid input, .invalid textarea, .invalid button')?.focus();
      return;
    }
    setState('sending');
    try {
      await call('PUT', api, { answers: result.answers, submit: true, resumeKey }, lang);
      clearDraft(token);
      setJustSent(true);
      setState('done');
      scrollTo(0, 0);
    } catch (err) {
      if (err instanceof HttpError) {
        setErrors(new Map((err.body.errors ?? [{ path: '', message: err.message }]).map((x) => [x.path, x.message])));
        setState('idle');
      } else {
        setState('offline');
      }
    }
  };

  const switchLanguage = async (l: string) => {
    setLang(l);
    setStrings(await loadStrings(l));
    document.documentElement.lang = l;
  };

  const title = pickLabel(form.title, lang, form.languages) || view.consultation.title;
  if (state === 'done') {
    return (
      <section>
        <h1>{view.consultation.title}</h1>
        <p role="status">{justSent ? fill(strings.thanks, { org: view.consultation.orgName }) : strings.submitted}</p>
      </section>
    );
  }
  const ctx: FieldContext = {
    lang, languages: form.languages, strings, shown: checked.shown, errors, token,
    upload: async (file) => {
      const body = new FormData();
      body.append('file', file);
      const res = await fetch(`${api}/files${resumeKey ? `?resume=${encodeURIComponent(resumeKey)}` : ''}`, { method: 'POST', body });
      if (!res.ok) {
        setErrors(new Map([['', strings.uploadFailed]]));
        return null;
      }
      return (await res.json()) as { fileId: string; name: string };
    },
  };
  return (
    <form onSubmit={submit} noValidate>
      <header>
        <p class="org">{view.consultation.orgName}</p>
        <h1>{title}</h1>
        {view.firmName && <p>{fill(strings.for, { firm: view.firmName })}</p>}
        {view.consultation.closesOn && <p class="hint">{fill(strings.closes, { date: new Date(`${view.consultation.closesOn}T00:00:00`).toLocaleDateString(lang) })}</p>}
        {form.languages.length > 1 && (
          <label class="language">
            {strings.language}{' '}
            <select value={lang} onChange={(e) => void switchLanguage(e.currentTarget.value)}>
              {form.languages.map((l) => <option key={l} value={l}>{new Intl.DisplayNames([l], { type: 'language' }).of(l) ?? l}</option>)}
            </select>
          </label>
        )}
      </header>
      {errors.size > 0 && <p class="error" role="alert">{errors.get('') ?? strings.fix}</p>}
      <Fields questions={form.questions} values={answers} onChange={change} prefix="" ctx={ctx} />
      <footer>
        <button type="submit" class="primary" disabled={state === 'sending'}>{state === 'sending' ? strings.sending : strings.submit}</button>
        <button type="button" onClick={() => void save()}>{strings.save}</button>
        <p role="status" class="hint">{state === 'saving' ? strings.saving : state === 'saved' ? strings.saved : state === 'offline' ? strings.savedOffline : ''}</p>
        {resumeKey && view.consultation.identity === 'anonymous' && (
          <p class="hint">{strings.resumeLink} <a href={`${location.pathname}?resume=${encodeURIComponent(resumeKey)}`}>{`${location.origin}${location.pathname}?resume=…`}</a></p>
        )}
      </footer>
    </form>
  );
}

async function start() {
  const root = document.getElementById('respond')!;
  const local = readDraft(token);
  const resume = new URLSearchParams(location.search).get('resume') ?? local?.resumeKey ?? null;
  const guess = preferredLanguage(['en', 'fr', 'es', 'ru']);
  try {
    const view = await call<RespondentView>('GET', `${api}${resume ? `?resume=${encodeURIComponent(resume)}` : ''}`, undefined, guess);
    const lang = preferredLanguage(view.form.languages);
    const strings = await loadStrings(lang);
    document.documentElement.lang = lang;
    document.title = view.consultation.title;
    // What the phone holds is at least as new as the server's draft: it is written first.
    const initial = view.status === 'submitted' ? view.answers : { ...view.answers, ...(local?.answers ?? {}) };
    root.textContent = '';
    render(<Respondent view={{ ...view, resumeKey: view.resumeKey ?? resume }} initial={initial} strings={strings} initialLang={lang} />, root);
  } catch (e) {
    const strings = await loadStrings(guess);
    root.innerHTML = '';
    const p = document.createElement('p');
    p.className = 'error';
    p.setAttribute('role', 'alert');
    p.textContent = e instanceof HttpError && e.body.code === 'surveys.consultation_not_open' ? strings.closed : e instanceof HttpError ? strings.error : strings.savedOffline;
    root.append(p);
  }
}

void start();
