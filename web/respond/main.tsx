/** @jsxImportSource preact */
import { render } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { RespondentView } from '../../contracts/surveys.js';
import { checkAnswers, type AnswerProblem, type Answers } from '../../contracts/surveys/check-answers.js';
import type { PatternTest } from '../../contracts/surveys/expression.js';
import { labelLanguage, pickLabel, type FormDefinition } from '../../contracts/surveys/form-model.js';
import { referenceFiller } from '../../contracts/surveys/references.js';
import { clearDraft, newSubmissionKey, readDraft, writeDraft, type PendingSubmission } from './draft-store.js';
import { problemSummary } from './problem-summary.js';
import { Fields, type FieldContext } from './QuestionField.js';
import { HttpError, previewKey, sourceFor } from './source.js';
import { fill, loadStrings, pageLanguage, PAGE_LANGUAGES, preferredLanguage, type Strings } from './strings.js';
import { formattingLocale } from '../../contracts/locale.js';

/**
 * The page a member firm (or anyone with a public link) answers on. It is
 * Preact and a few shared modules only, for a cheap phone on a slow network;
 * it checks answers with the same code as the server, and keeps every answer
 * on the phone until the server has it. Staff entering a firm's answers and
 * a form's author previewing it use the same page (see source.ts).
 */

const source = sourceFor(location);
const draftKey = source.draftKey;
type SaveState = 'idle' | 'saving' | 'saved' | 'offline' | 'sending' | 'queued' | 'done';

/**
 * The linear-time pattern engine is some 45 kB (gzipped): it is fetched only
 * for a form whose checks use regex(), before the form is drawn.
 */
async function patternEngineFor(form: FormDefinition): Promise<PatternTest | undefined> {
  if (!JSON.stringify(form.questions).includes('regex(')) return undefined;
  return (await import('../../contracts/surveys/pattern.js')).testPattern;
}

function messageFor(p: AnswerProblem, strings: Strings, lang: string, languages: string[]): string {
  if (p.message) return pickLabel(p.message, lang, languages);
  const code = p.code.replace(/^survey\./, '') as keyof Strings['survey'];
  return fill(strings.survey[code] ?? strings.survey.invalid_answer, p.params);
}

interface Props {
  view: RespondentView;
  initial: Answers;
  strings: Strings;
  initialLang: string;
  matches: PatternTest | undefined;
  /** A submission made offline earlier, still to be sent. */
  pending: PendingSubmission | null;
}

function Respondent({ view, initial, strings: initialStrings, initialLang, matches, pending: initialPending }: Props) {
  const form = view.form;
  // `lang`: the form's language chosen; the page's own words are in pageLanguage(lang).
  const [lang, setLang] = useState(initialLang);
  const [strings, setStrings] = useState(initialStrings);
  const [answers, setAnswers] = useState<Answers>(initial);
  const [errors, setErrors] = useState(new Map<string, string>());
  const [state, setState] = useState<SaveState>(view.status === 'submitted' ? 'done' : initialPending ? 'queued' : 'idle');
  const [justSent, setJustSent] = useState(false);
  const [resumeKey, setResumeKey] = useState(view.resumeKey ?? readDraft(draftKey)?.resumeKey ?? null);
  const pending = useRef<PendingSubmission | null>(initialPending);
  const timer = useRef<number | undefined>(undefined);
  const latest = useRef({ answers, resumeKey });
  latest.current = { answers, resumeKey };

  const checked = useMemo(() => checkAnswers(form, answers, { complete: false, matches }), [form, answers, matches]);
  const fillIn = useMemo(() => referenceFiller(form, checked.answers, lang), [form, checked, lang]);

  const save = async () => {
    const { answers: a, resumeKey: key } = latest.current;
    setState('saving');
    try {
      const saved = await source.save({ answers: a, submit: false, resumeKey: key }, pageLanguage(lang));
      if (saved.resumeKey && saved.resumeKey !== key) {
        setResumeKey(saved.resumeKey);
        writeDraft(draftKey, { answers: a, resumeKey: saved.resumeKey, savedAt: Date.now() });
        history.replaceState(null, '', `${location.pathname}?resume=${encodeURIComponent(saved.resumeKey)}`);
      }
      setState('saved');
    } catch (e) {
      setState(e instanceof HttpError ? 'idle' : 'offline');
      if (e instanceof HttpError) setErrors(new Map([['', e.message]]));
    }
  };

  /**
   * Sends the submission kept on the phone, with its key: if an earlier
   * attempt did reach the server, it answers "submitted" without a second
   * response. Only a refusal (not a lost connection) drops it.
   */
  const send = async (p: PendingSubmission) => {
    setState('sending');
    try {
      await source.save({ answers: p.answers, submit: true, resumeKey: latest.current.resumeKey, submissionKey: p.submissionKey }, pageLanguage(lang));
      pending.current = null;
      clearDraft(draftKey);
      setJustSent(true);
      setState('done');
      scrollTo(0, 0);
    } catch (err) {
      // Refused by the server: say why. A lost connection or a server (or proxy) down for now: keep trying.
      if (err instanceof HttpError && err.status < 500) {
        pending.current = null;
        writeDraft(draftKey, { answers: latest.current.answers, resumeKey: latest.current.resumeKey, savedAt: Date.now() });
        setErrors(new Map((err.body.errors ?? [{ path: '', message: err.message }]).map((x) => [x.path, x.message])));
        setState('idle');
      } else {
        setState('queued');
      }
    }
  };

  // Opened again with a submission still waiting: send it now.
  useEffect(() => {
    if (initialPending) void send(initialPending);
  }, []);

  // Back online: send what was kept on the phone.
  useEffect(() => {
    const retry = () => {
      if (state === 'queued' && pending.current) void send(pending.current);
      else if (state === 'offline') void save();
    };
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
    writeDraft(draftKey, { answers: next, resumeKey, savedAt: Date.now() });
    if (errors.size) setErrors(new Map());
    clearTimeout(timer.current);
    if (source.mode !== 'preview') timer.current = setTimeout(() => void save(), 2000) as unknown as number;
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
    if (source.mode === 'preview') {
      setState('done');
      return;
    }
    // Kept on the phone before it is sent: a lost connection or a closed tab cannot lose it.
    const p: PendingSubmission = { answers: result.answers, submissionKey: newSubmissionKey() };
    pending.current = p;
    writeDraft(draftKey, { answers, resumeKey, savedAt: Date.now(), pending: p });
    await send(p);
  };

  const switchLanguage = async (l: string) => {
    setLang(l);
    setStrings(await loadStrings(pageLanguage(l)));
    document.documentElement.lang = pageLanguage(l);
  };

  const formText = (t: Parameters<typeof pickLabel>[0]) => labelLanguage(t, lang, form.languages);
  const title = fillIn(pickLabel(form.title, lang, form.languages)) || view.consultation.title;
  const titleLang = form.title && pickLabel(form.title, lang, form.languages) ? formText(form.title) : undefined;
  if (state === 'queued') {
    return (
      <section>
        <h1 lang={titleLang}>{title}</h1>
        <p role="status" class="notice">{strings.queued}</p>
      </section>
    );
  }
  if (state === 'done') {
    const said =
      source.mode === 'preview' ? strings.previewChecked
      : source.mode === 'staff' ? fill(justSent ? (source.correcting ? strings.corrected : strings.recorded) : strings.submitted, { firm: view.firmName ?? '' })
      : justSent ? fill(strings.thanks, { org: view.consultation.orgName }) : strings.submitted;
    return (
      <section>
        <h1 lang={titleLang}>{title}</h1>
        <p role="status">{said}</p>
        {source.mode === 'preview' && <button type="button" onClick={() => { setAnswers({}); setJustSent(false); setState('idle'); }}>{strings.previewAgain}</button>}
        {source.backTo && <p><a href={source.backTo}>{source.entering === 'person' ? strings.backToCourse : source.entering === 'interview' ? strings.backToInterview : strings.back}</a></p>}
      </section>
    );
  }
  const ctx: FieldContext = {
    lang, languages: form.languages, strings, shown: checked.shown, errors, fill: fillIn,
    upload: async (file) => {
      const stored = await source.upload(file, resumeKey);
      if (!stored) setErrors(new Map([['', strings.uploadFailed]]));
      return stored;
    },
  };
  return (
    <form onSubmit={submit} noValidate>
      <header>
        <p class="org">{view.consultation.orgName}</p>
        <h1 lang={titleLang}>{title}</h1>
        {source.mode === 'preview' && <p class="notice" role="note">{strings.preview}</p>}
        {source.mode === 'staff' && <p class="notice" role="note">{fill(source.correcting ? strings.correcting : source.entering === 'person' ? strings.enteringPerson : source.entering === 'interview' ? strings.enteringInterview : source.channel === 'field' ? strings.enteringField : strings.enteringPhone, { firm: view.firmName ?? '' })}</p>}
        {source.mode !== 'staff' && view.firmName && <p>{fill(strings.for, { firm: view.firmName })}</p>}
        {view.consultation.closesOn && <p class="hint">{fill(strings.closes, { date: new Date(`${view.consultation.closesOn}T00:00:00Z`).toLocaleDateString(formattingLocale(view.consultation.locale, pageLanguage(lang)), { timeZone: 'UTC', dateStyle: 'long' }) })}</p>}
        {form.languages.length > 1 && (
          <label class="language">
            {strings.language}{' '}
            <select value={lang} onChange={(e) => void switchLanguage(e.currentTarget.value)}>
              {form.languages.map((l) => <option key={l} value={l} lang={l}>{new Intl.DisplayNames([l], { type: 'language' }).of(l) ?? l}</option>)}
            </select>
          </label>
        )}
      </header>
      {errors.size > 0 && <p class="error" role="alert">{problemSummary(errors, checked.shown, strings.fix)}</p>}
      <Fields questions={form.questions} values={answers} computed={checked.answers} onChange={change} prefix="" ctx={ctx} />
      <footer>
        <button type="submit" class="primary" disabled={state === 'sending'}>{state === 'sending' ? strings.sending : source.mode === 'preview' ? strings.previewCheck : source.mode === 'staff' ? strings.record : strings.submit}</button>
        {source.mode !== 'preview' && <button type="button" onClick={() => void save()}>{strings.save}</button>}
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
  const local = readDraft(draftKey);
  const resume = new URLSearchParams(location.search).get('resume') ?? local?.resumeKey ?? null;
  const guess = preferredLanguage(PAGE_LANGUAGES);
  try {
    const view = await source.load(resume, guess);
    const lang = preferredLanguage(view.form.languages);
    const [strings, matches] = await Promise.all([loadStrings(pageLanguage(lang)), patternEngineFor(view.form)]);
    document.documentElement.lang = pageLanguage(lang);
    document.title = view.consultation.title || pickLabel(view.form.title, lang, view.form.languages);
    // Submitted already: a submission kept on the phone reached the server before its answer was lost.
    if (view.status === 'submitted' && local?.pending) clearDraft(draftKey);
    const pending = view.status === 'submitted' ? null : (local?.pending ?? null);
    // What the phone holds is at least as new as the server's draft: it is written first.
    const initial = view.status === 'submitted' ? view.answers : { ...view.answers, ...(local?.answers ?? {}) };
    const draw = (v: RespondentView, m: PatternTest | undefined) =>
      render(<Respondent view={{ ...v, resumeKey: v.resumeKey ?? resume }} initial={initial} strings={strings} initialLang={lang} matches={m} pending={pending} />, root);
    root.textContent = '';
    draw(view, matches);
    // A preview follows the builder: each change there draws the form again.
    if (source.mode === 'preview') {
      addEventListener('storage', (e) => {
        if (!e.key?.startsWith(previewKey(''))) return;
        void source.load(null, lang).then(async (v) => draw(v, await patternEngineFor(v.form)));
      });
    }
  } catch (e) {
    const strings = await loadStrings(guess);
    root.innerHTML = '';
    const p = document.createElement('p');
    p.className = 'error';
    p.setAttribute('role', 'alert');
    const code = e instanceof HttpError ? e.body.code : null;
    // A participant's link already answered: a submission still kept on the phone went in before its answer was lost.
    if (code === 'training.link_used' || code === 'surveys.follow_up_answered') clearDraft(draftKey);
    p.textContent =
      code === 'surveys.consultation_not_open' ? strings.closed
      : code === 'training.link_expired' || code === 'surveys.follow_up_expired' ? strings.linkExpired
      : code === 'training.link_used' || code === 'surveys.follow_up_answered' ? strings.linkUsed
      : code === 'preview_missing' ? strings.previewMissing
      : e instanceof HttpError && source.mode === 'staff' ? (e.body.title ?? strings.error)
      : e instanceof HttpError ? strings.error
      : strings.savedOffline;
    root.append(p);
  }
}

void start();
