import escape from 'escape-html';
import type { TFunction } from 'i18next';
import { DEFAULT_CRITERIA, EXPECTED_RESULTS } from '../../../contracts/led-calls.js';
import { LED_SECTORS } from '../../../contracts/led.js';
import { languageLinks } from '../../platform/http/language-links.js';
import type { ClockFormat } from '../../platform/time.js';
import { many, one, rowCount, type RawForm } from './call-form.js';

/**
 * A call's public page and a partner's application form: light HTML the server
 * writes (no script, no sign-in), phone first, controls 44 px high, posted back
 * as plain forms (the content security policy allows forms to our own origin).
 */
const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1b1e;background:#f8f9fa}
header,main{max-width:40rem;margin:0 auto;padding:1rem}h1{font-size:1.4rem;margin:0 0 .25rem}h2{font-size:1.1rem;margin:1rem 0 .5rem}p{margin:0 0 .75rem}.muted{color:#495057}
section,form{background:#fff;border:1px solid #dee2e6;border-radius:8px;padding:1rem;margin:0 0 1rem}fieldset{border:1px solid #dee2e6;border-radius:6px;margin:0 0 1rem;padding:.75rem}
legend,label.field{display:block;font-weight:600;margin-bottom:.35rem}.choice{display:flex;align-items:center;gap:.5rem;min-height:44px}.choice input{width:22px;height:22px;flex:none}
input[type=number],input[type=text],input[type=email],select,textarea{width:100%;min-height:44px;font:inherit;padding:.5rem;border:1px solid #adb5bd;border-radius:6px;margin-bottom:.75rem;background:#fff}
.bad input,.bad select,.bad textarea{border-color:#c92a2a}.err{color:#a61e1e;font-size:.9rem;margin:-.5rem 0 .75rem}
.grid{display:grid;grid-template-columns:repeat(5,1fr);gap:.25rem;align-items:end}.grid input{margin-bottom:.25rem;padding:.4rem}.grid span{font-size:.75rem;color:#495057}
.row{border-top:1px solid #e9ecef;padding-top:.5rem}
button{min-height:44px;width:100%;font:inherit;font-weight:600;color:#fff;background:#1971c2;border:0;border-radius:6px;margin-top:.5rem}button.second{background:#fff;color:#1971c2;border:2px solid #1971c2}
.box{border-radius:8px;padding:1rem;border:2px solid #adb5bd;background:#fff;font-weight:600;margin:0 0 1rem}.box.ok{border-color:#2b8a3e;background:#ebfbee;color:#1b5e20}
.box.bad{border-color:#c92a2a;background:#fff5f5;color:#a61e1e}nav a{display:inline-block;min-height:44px;line-height:44px;min-width:44px;margin-right:.75rem;color:#1864ab}
dl{margin:0;display:grid;grid-template-columns:1fr;gap:0}dt{font-size:.8rem;color:#5c5f66;margin-top:.5rem}dd{margin:0}ul{padding-left:1.1rem;margin:.25rem 0}p.text{white-space:pre-line}`;

function page(locale: string, title: string, body: string) {
  return `<!doctype html><html lang="${escape(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><meta name="referrer" content="no-referrer"><title>${escape(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

export interface PublicCallView {
  call: { title: string; description: string; budget: number; deadlineOn: string; status: string };
  regions: Array<{ id: string; name: string }>;
  bottlenecks: Array<{ id: string; regionId: string; title: string }>;
  criteria: Array<{ key: string; label: string; weight: number }>;
  org: { name: string; languages: string[]; currency: string };
}

const criterionLabel = (t: TFunction, c: { key: string; label: string }) => c.label || ((DEFAULT_CRITERIA as readonly string[]).includes(c.key) ? t(`ledCalls.criteria.${c.key}`) : c.key);

function callHeader(t: TFunction, f: ClockFormat, view: PublicCallView, languages: string[], path: string) {
  const total = view.criteria.reduce((s, c) => s + c.weight, 0) || 1;
  return `<header>${languageLinks(languages, path, t('ledCalls.page.languages'))}<p class="muted">${escape(view.org.name)}</p><h1>${escape(view.call.title)}</h1>
<p>${escape(t('ledCalls.page.deadline', { date: f.date(view.call.deadlineOn) }))}</p></header>
<main><section><dl><dt>${escape(t('ledCalls.budget'))}</dt><dd>${escape(f.money(view.call.budget, view.org.currency))}</dd>
<dt>${escape(t('ledCalls.regions'))}</dt><dd>${escape(view.regions.map((r) => r.name).join(', '))}</dd></dl>
${view.call.description ? `<p class="text">${escape(view.call.description)}</p>` : ''}
<h2>${escape(t('ledCalls.criteriaTitle'))}</h2><ul>${view.criteria.filter((c) => c.weight > 0).map((c) => `<li>${escape(criterionLabel(t, c))} — ${escape(f.number(c.weight / total, { style: 'percent', maximumFractionDigits: 0 }))}</li>`).join('')}</ul></section>`;
}

/** The call's page: what it asks for, and a form to start an application with an e-mail while it takes them. */
export function callLandingPage(t: TFunction, locale: string, f: ClockFormat, view: PublicCallView, opts: { languages: string[]; path: string; open: boolean; closedMessage?: string; email?: string; error?: string; sentTo?: string }) {
  let body: string;
  if (opts.sentTo) body = `<div class="box ok" role="status">${escape(t('ledCalls.page.linkSent', { email: opts.sentTo }))}</div>`;
  else if (!opts.open) body = `<div class="box bad" role="status">${escape(opts.closedMessage ?? t('errors.led.call_not_open'))}</div>`;
  else {
    body = `<form method="post" action="${escape(opts.path)}" novalidate><h2>${escape(t('ledCalls.page.start'))}</h2><p class="muted">${escape(t('ledCalls.page.startHelp'))}</p>
<div${opts.error ? ' class="bad"' : ''}><label class="field" for="email">${escape(t('ledCalls.page.email'))}</label><input id="email" name="email" type="email" autocomplete="email" required maxlength="254" value="${escape(opts.email ?? '')}"${opts.error ? ' aria-invalid="true" aria-describedby="email-err"' : ''}>
${opts.error ? `<p class="err" id="email-err">${escape(opts.error)}</p>` : ''}</div><button type="submit">${escape(t('ledCalls.page.sendLink'))}</button></form>`;
  }
  return page(locale, view.call.title, `${callHeader(t, f, view, opts.languages, opts.path)}${body}</main>`);
}

/** A field with its label and, when refused, its message (announced to screen readers). */
function field(name: string, label: string, control: (attrs: string) => string, errors: Map<string, string>) {
  const err = errors.get(name);
  const attrs = `id="${escape(name)}" name="${escape(name)}"${err ? ` aria-invalid="true" aria-describedby="${escape(name)}-err"` : ''}`;
  return `<div${err ? ' class="bad"' : ''}><label class="field" for="${escape(name)}">${escape(label)}</label>${control(attrs)}${err ? `<p class="err" id="${escape(name)}-err">${escape(err)}</p>` : ''}</div>`;
}

const text = (raw: RawForm, name: string, max: number) => (attrs: string) => `<input type="text" ${attrs} maxlength="${max}" value="${escape(one(raw, name))}">`;
const sectorSelect = (t: TFunction, value: string) => (attrs: string) => `<select ${attrs}>${LED_SECTORS.map((s) => `<option value="${s}"${s === value ? ' selected' : ''}>${escape(t(`led.sectors.${s}`))}</option>`).join('')}</select>`;

/** The application form, filled with what is stored or was typed, refused fields marked. */
export function applicationFormPage(t: TFunction, locale: string, f: ClockFormat, view: PublicCallView, opts: {
  languages: string[]; path: string; raw: RawForm; errors: Map<string, string>; notice?: { kind: 'ok' | 'bad'; text: string }; status: string; leadEmail: string;
}) {
  const { raw, errors } = opts;
  const chosen = new Set(many(raw, 'bottleneckIds'));
  const regionName = new Map(view.regions.map((r) => [r.id, r.name]));
  const partnerRows = Array.from({ length: rowCount(raw, 'partner') }, (_, i) => `<div class="row">
${field(`partner_name_${i}`, t('ledCalls.partnerName'), text(raw, `partner_name_${i}`, 200), errors)}
${field(`partner_sector_${i}`, t('ledCalls.sector'), sectorSelect(t, one(raw, `partner_sector_${i}`)), errors)}</div>`).join('');
  const money = (name: string, label: string) => field(name, label, (attrs) => `<input type="text" inputmode="decimal" ${attrs} maxlength="20" value="${escape(one(raw, name))}">`, errors);
  const lineRows = Array.from({ length: rowCount(raw, 'line') }, (_, i) => `<div class="row">
${field(`line_label_${i}`, t('ledCalls.lineLabel'), text(raw, `line_label_${i}`, 200), errors)}
${money(`line_requested_${i}`, t('ledCalls.requested', { currency: view.org.currency }))}
${money(`line_cash_${i}`, t('ledCalls.cofundingCash', { currency: view.org.currency }))}
${money(`line_kind_${i}`, t('ledCalls.cofundingInKind', { currency: view.org.currency }))}</div>`).join('');
  const results = EXPECTED_RESULTS.map((r) => {
    const cells = (['total', 'female', 'male', 'youth', 'adult'] as const).map((b) => `<label><span>${escape(t(`ledCalls.breakdown.${b}`))}</span><input type="number" min="0" inputmode="numeric" name="${r}_${b}" id="${r}_${b}" value="${escape(one(raw, `${r}_${b}`))}"${errors.has(`${r}_${b}`) ? ' aria-invalid="true"' : ''}></label>`).join('');
    const errs = (['total', 'female', 'male', 'youth', 'adult'] as const).flatMap((b) => (errors.has(`${r}_${b}`) ? [errors.get(`${r}_${b}`)!] : []));
    return `<fieldset${errs.length ? ' class="bad"' : ''}><legend>${escape(t(`ledCalls.results.${r}`))}</legend><div class="grid">${cells}</div>${errs.map((e) => `<p class="err">${escape(e)}</p>`).join('')}</fieldset>`;
  }).join('');
  const bottleneckErr = errors.get('bottleneckIds');
  const bottlenecks = view.bottlenecks.length
    ? view.bottlenecks.map((b) => `<label class="choice"><input type="checkbox" name="bottleneckIds" value="${escape(b.id)}"${chosen.has(b.id) ? ' checked' : ''}> ${escape(b.title)} <span class="muted">(${escape(regionName.get(b.regionId) ?? '')})</span></label>`).join('')
    : `<p class="muted">${escape(t('ledCalls.noBottlenecks'))}</p>`;
  const submitted = opts.status === 'submitted';
  const form = `<form method="post" action="${escape(opts.path)}" novalidate>
<p class="muted">${escape(t('ledCalls.page.formFor', { email: opts.leadEmail }))}</p>
${errors.size ? `<div class="box bad" role="alert">${escape(t('ledCalls.page.fixErrors', { count: errors.size }))}</div>` : ''}
${field('title', t('ledCalls.applicationTitle'), text(raw, 'title', 200), errors)}
${field('regionId', t('ledCalls.region'), (attrs) => `<select ${attrs}>${view.regions.map((r) => `<option value="${escape(r.id)}"${r.id === one(raw, 'regionId') ? ' selected' : ''}>${escape(r.name)}</option>`).join('')}</select>`, errors)}
<h2>${escape(t('ledCalls.leadPartner'))}</h2>
${field('leadName', t('ledCalls.leadName'), text(raw, 'leadName', 200), errors)}
${field('leadSector', t('ledCalls.sector'), sectorSelect(t, one(raw, 'leadSector')), errors)}
<h2>${escape(t('ledCalls.partners'))}</h2><p class="muted">${escape(t('ledCalls.page.rowsHelp'))}</p>${partnerRows}
<fieldset${bottleneckErr ? ' class="bad"' : ''}><legend>${escape(t('ledCalls.bottlenecks'))}</legend>${bottlenecks}${bottleneckErr ? `<p class="err">${escape(bottleneckErr)}</p>` : ''}</fieldset>
${field('activities', t('ledCalls.activities'), (attrs) => `<textarea ${attrs} rows="6" maxlength="20000">${escape(one(raw, 'activities'))}</textarea>`, errors)}
<h2>${escape(t('ledCalls.budgetLines'))}</h2>${errors.has('budgetLines') ? `<p class="err" role="alert">${escape(errors.get('budgetLines')!)}</p>` : ''}${lineRows}
<h2>${escape(t('ledCalls.expectedResults'))}</h2><p class="muted">${escape(t('ledCalls.resultsHelp'))}</p>${results}
<button type="submit" name="action" value="save" class="second">${escape(t(submitted ? 'ledCalls.page.saveChanges' : 'ledCalls.page.saveDraft'))}</button>
${submitted ? '' : `<button type="submit" name="action" value="submit">${escape(t('ledCalls.page.submit'))}</button>`}
</form>`;
  const notice = opts.notice ? `<div class="box ${opts.notice.kind}" role="status">${escape(opts.notice.text)}</div>` : '';
  const state = submitted ? `<div class="box ok">${escape(t('ledCalls.page.isSubmitted', { date: f.date(view.call.deadlineOn) }))}</div>` : '';
  return page(locale, view.call.title, `${callHeader(t, f, view, opts.languages, opts.path)}${notice}${state}${form}</main>`);
}

export function callMessagePage(t: TFunction, locale: string, kind: 'ok' | 'bad', message: string) {
  const title = t('ledCalls.page.title');
  return page(locale, title, `<header><h1>${escape(title)}</h1></header><main><div class="box ${kind}" role="status">${escape(message)}</div></main>`);
}
