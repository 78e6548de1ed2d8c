/** @jsxImportSource preact */
import type { JSX } from 'preact';
import type { Answers } from '../../contracts/surveys/check-answers.js';
import { labelLanguage, pickLabel, type Question, type Translated } from '../../contracts/surveys/form-model.js';
import { pageLanguage, type Strings } from './strings.js';

export interface FieldContext {
  lang: string;
  languages: string[];
  strings: Strings;
  shown: Set<string>;
  errors: Map<string, string>;
  /** Fills `${name}` in a form text with the answer as it stands (inside a repeat: that entry's first). */
  fill(text: string, entry?: Answers | null): string;
  upload(file: File): Promise<{ fileId: string; name: string } | null>;
}

/**
 * A text of the form, marked with its language where it differs from the
 * page's own words (a Hindi label among English buttons).
 */
function FormText({ text, ctx, entry }: { text: Translated | undefined; ctx: FieldContext; entry?: Answers | null }) {
  const shownIn = labelLanguage(text, ctx.lang, ctx.languages);
  const said = ctx.fill(pickLabel(text, ctx.lang, ctx.languages), entry);
  return shownIn === pageLanguage(ctx.lang) ? <>{said}</> : <span lang={shownIn}>{said}</span>;
}

type Change = (value: unknown) => void;
const idOf = (path: string) => `q-${path.replace(/[^\w-]/g, '_')}`;

/** One question drawn for a phone: native inputs, large targets, labels tied to inputs. */
function Input({ q, value, onChange, path, ctx }: { q: Question; value: unknown; onChange: Change; path: string; ctx: FieldContext }) {
  const label = (t: Translated | undefined) => <FormText text={t} ctx={ctx} />;
  const said = (t: Translated | undefined) => pickLabel(t, ctx.lang, ctx.languages);
  const id = idOf(path);
  const describedBy = ctx.errors.has(path) ? `${id}-error` : undefined;
  switch (q.type) {
    case 'text':
      return <textarea id={id} rows={3} value={(value as string) ?? ''} aria-describedby={describedBy} onInput={(e) => onChange(e.currentTarget.value || undefined)} />;
    case 'integer':
    case 'decimal':
      return (
        <input
          id={id}
          type="number"
          inputMode={q.type === 'integer' ? 'numeric' : 'decimal'}
          step={q.type === 'integer' ? 1 : 'any'}
          value={typeof value === 'number' ? value : ((value as string) ?? '')}
          aria-describedby={describedBy}
          onInput={(e) => {
            const raw = e.currentTarget.value;
            onChange(raw === '' ? undefined : Number.isNaN(Number(raw)) ? raw : Number(raw));
          }}
        />
      );
    case 'date':
      return <input id={id} type="date" value={(value as string) ?? ''} aria-describedby={describedBy} onInput={(e) => onChange(e.currentTarget.value || undefined)} />;
    case 'select_one':
    case 'scale': {
      const options = q.type === 'scale'
        ? Array.from({ length: (q.scale?.max ?? 5) - (q.scale?.min ?? 1) + 1 }, (_, i) => ({ value: (q.scale?.min ?? 1) + i, label: String((q.scale?.min ?? 1) + i) }))
        : (q.choices ?? []).map((c) => ({ value: c.value as string | number, label: label(c.label) as string | JSX.Element }));
      return (
        <div class={q.type === 'scale' ? 'choices row' : 'choices'} role="radiogroup" aria-labelledby={`${id}-label`} aria-describedby={describedBy}>
          {options.map((o) => (
            <label key={o.value}>
              <input type="radio" name={id} checked={value === o.value} onChange={() => onChange(o.value)} /> {o.label}
            </label>
          ))}
        </div>
      );
    }
    case 'select_multiple': {
      const list = Array.isArray(value) ? (value as string[]) : [];
      return (
        <div class="choices" role="group" aria-labelledby={`${id}-label`} aria-describedby={describedBy}>
          {(q.choices ?? []).map((c) => (
            <label key={c.value}>
              <input type="checkbox" checked={list.includes(c.value)} onChange={(e) => onChange(e.currentTarget.checked ? [...list, c.value] : list.filter((v) => v !== c.value))} /> {label(c.label)}
            </label>
          ))}
        </div>
      );
    }
    case 'ranking': {
      // Ranked by moving items: keyboard and screen-reader friendly, unlike dragging.
      const order = Array.isArray(value) && value.length ? (value as string[]) : (q.choices ?? []).map((c) => c.value);
      const move = (i: number, by: number) => {
        const next = [...order];
        [next[i], next[i + by]] = [next[i + by]!, next[i]!];
        onChange(next);
      };
      return (
        <ol class="ranking" aria-labelledby={`${id}-label`} aria-describedby={describedBy}>
          {order.map((v, i) => {
            const c = q.choices?.find((x) => x.value === v);
            return (
              <li key={v}>
                <span>{c ? label(c.label) : v}</span>
                <button type="button" disabled={i === 0} aria-label={`${ctx.strings.up}: ${c ? said(c.label) : v}`} onClick={() => move(i, -1)}>↑</button>
                <button type="button" disabled={i === order.length - 1} aria-label={`${ctx.strings.down}: ${c ? said(c.label) : v}`} onClick={() => move(i, 1)}>↓</button>
              </li>
            );
          })}
        </ol>
      );
    }
    case 'matrix': {
      const cells = (value as Record<string, string>) ?? {};
      return (
        <div class="matrix" role="group" aria-labelledby={`${id}-label`} aria-describedby={describedBy}>
          {(q.rows ?? []).map((r) => (
            <fieldset key={r.value}>
              <legend>{label(r.label)}</legend>
              {(q.choices ?? []).map((c) => (
                <label key={c.value}>
                  <input type="radio" name={`${id}-${r.value}`} checked={cells[r.value] === c.value} onChange={() => onChange({ ...cells, [r.value]: c.value })} /> {label(c.label)}
                </label>
              ))}
            </fieldset>
          ))}
        </div>
      );
    }
    case 'geopoint': {
      const p = (value as { latitude?: number; longitude?: number }) ?? {};
      const set = (k: 'latitude' | 'longitude', raw: string) => {
        const next = { ...p, [k]: raw === '' ? undefined : Number(raw) };
        onChange(next.latitude === undefined && next.longitude === undefined ? undefined : next);
      };
      return (
        <div class="row" aria-describedby={describedBy}>
          <label>{ctx.strings.latitude} <input type="number" step="any" inputMode="decimal" value={p.latitude ?? ''} onInput={(e) => set('latitude', e.currentTarget.value)} /></label>
          <label>{ctx.strings.longitude} <input type="number" step="any" inputMode="decimal" value={p.longitude ?? ''} onInput={(e) => set('longitude', e.currentTarget.value)} /></label>
          {'geolocation' in navigator && (
            <button type="button" onClick={() => navigator.geolocation.getCurrentPosition((pos) => onChange({ latitude: Math.round(pos.coords.latitude * 1e6) / 1e6, longitude: Math.round(pos.coords.longitude * 1e6) / 1e6 }))}>
              {ctx.strings.here}
            </button>
          )}
        </div>
      );
    }
    case 'file': {
      const f = value as { name?: string } | undefined;
      return (
        <div>
          <input
            id={id}
            type="file"
            aria-describedby={describedBy}
            onChange={async (e) => {
              const file = e.currentTarget.files?.[0];
              if (!file) return;
              const stored = await ctx.upload(file);
              if (stored) onChange(stored);
            }}
          />
          {f?.name && <p class="hint">{f.name}</p>}
        </div>
      );
    }
    default:
      return null;
  }
}

/** The questions of a form (or of a group or repeat), skipping those the logic hides. */
export function Fields({ questions, values, computed, onChange, prefix, ctx }: {
  questions: Question[];
  values: Answers;
  /** The same answers as checked (calculations filled in), for `${name}` in texts. */
  computed: Answers | null;
  onChange(name: string, value: unknown): void;
  prefix: string;
  ctx: FieldContext;
}): JSX.Element {
  const entry = prefix ? computed : null;
  const label = (t: Translated | undefined) => <FormText text={t} ctx={ctx} entry={entry} />;
  return (
    <>
      {questions.map((q) => {
        const path = `${prefix}${q.name}`;
        if (!ctx.shown.has(path) || q.type === 'calculate') return null;
        const id = idOf(path);
        const error = ctx.errors.get(path);
        if (q.type === 'group') {
          return (
            <fieldset key={path} class="group">
              <legend>{label(q.label)}</legend>
              <Fields questions={q.children ?? []} values={values} computed={computed} onChange={onChange} prefix={prefix} ctx={ctx} />
            </fieldset>
          );
        }
        if (q.type === 'repeat') {
          const items = Array.isArray(values[q.name]) ? (values[q.name] as Answers[]) : [];
          const checkedItems = computed && Array.isArray(computed[q.name]) ? (computed[q.name] as Answers[]) : [];
          const setItems = (next: Answers[]) => onChange(q.name, next);
          return (
            <fieldset key={path} class="group">
              <legend>{label(q.label)}</legend>
              {items.map((item, i) => (
                <div key={i} class="repeat">
                  <Fields questions={q.children ?? []} values={item} computed={checkedItems[i] ?? null} prefix={`${path}[${i}].`} ctx={ctx} onChange={(name, v) => setItems(items.map((x, j) => (j === i ? { ...x, [name]: v } : x)))} />
                  <button type="button" onClick={() => setItems(items.filter((_, j) => j !== i))}>{ctx.strings.remove}</button>
                </div>
              ))}
              {items.length < (q.maxRepeats ?? 50) && <button type="button" onClick={() => setItems([...items, {}])}>{ctx.strings.add}</button>}
              {error && <p class="error" role="alert">{error}</p>}
            </fieldset>
          );
        }
        return (
          <div key={path} class={error ? 'question invalid' : 'question'}>
            <label id={`${id}-label`} for={['select_one', 'scale', 'select_multiple', 'ranking', 'matrix', 'geopoint'].includes(q.type) ? undefined : id}>
              {label(q.label)}
              {q.required && <span class="required"> ({ctx.strings.required})</span>}
            </label>
            {q.hint && <p class="hint">{label(q.hint)}</p>}
            {q.type !== 'note' && <Input q={q} value={values[q.name]} onChange={(v) => onChange(q.name, v)} path={path} ctx={ctx} />}
            {error && <p id={`${id}-error`} class="error" role="alert">{error}</p>}
          </div>
        );
      })}
    </>
  );
}
