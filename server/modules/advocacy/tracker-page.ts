import escape from 'escape-html';
import type { TFunction } from 'i18next';
import { PPD_STEPS } from '../../../contracts/advocacy.js';
import type { ClockFormat } from '../../platform/time.js';
import type { PublishedIssue } from './public-tracker.js';
import { languageLinks } from '../../platform/http/language-links.js';

export interface TrackerDecision {
  text: string;
  owner: string;
  dueOn: string | null;
  status: 'open' | 'done' | 'dropped';
  meeting: { title: string; startsAt: string; forumName: string };
}

// Written by hand and kept small: the page is read on phones over slow
// networks, so it is one HTML response with its style inline and no script.
const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1b1e;background:#f8f9fa}
header,main,footer{max-width:48rem;margin:0 auto;padding:1rem}header{padding-top:1.5rem}h1{font-size:1.5rem;margin:0 0 .25rem}
.intro{color:#495057;margin:0}article{background:#fff;border:1px solid #dee2e6;border-radius:8px;padding:1rem;margin:0 0 1rem}
h2{font-size:1.2rem;margin:0 0 .25rem}h3{font-size:1rem;margin:1rem 0 .25rem}.meta{color:#5c5f66;font-size:.875rem;margin:0 0 .75rem}
ol.steps{list-style:none;padding:0;margin:.5rem 0;display:grid;grid-template-columns:repeat(5,1fr);gap:4px}
ol.steps li{font-size:.75rem;padding:.4rem .3rem;border-radius:4px;background:#e9ecef;color:#495057;text-align:center}
ol.steps li.done{background:#d3f9d8;color:#1b5e20}ol.steps li.now{background:#1971c2;color:#fff;font-weight:600}
.score{display:block;letter-spacing:2px}.outcome{border-left:4px solid #1971c2;padding:.25rem .75rem;margin:.75rem 0;background:#f1f3f5}
ul.decisions{padding-left:1.1rem;margin:.25rem 0}ul.decisions li{margin:.35rem 0}.status{font-size:.75rem;padding:0 .4rem;border-radius:4px;background:#e9ecef;white-space:nowrap}
.status.done{background:#d3f9d8}.status.dropped{background:#f1f3f5;color:#5c5f66}p.problem{white-space:pre-line;margin:.5rem 0}
ul.legend{list-style:none;padding:0;margin:.75rem 0 0;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;font-size:.8rem;color:#495057}
.key{display:inline-block;width:.9rem;height:.9rem;border-radius:3px;background:#e9ecef;border:1px solid #adb5bd;vertical-align:-2px;margin-right:.35rem}
.key.done{background:#d3f9d8;border-color:#1b5e20}.key.now{background:#1971c2;border-color:#1971c2}
footer{color:#5c5f66;font-size:.8rem;padding-bottom:2rem}nav a{margin-right:.75rem;color:#1864ab}
@media (max-width:30rem){ol.steps{grid-template-columns:1fr}ol.steps li{text-align:left}}`;

const dots = (score: number) => '●'.repeat(score) + '○'.repeat(3 - score);

function issueHtml(issue: PublishedIssue, decisions: TrackerDecision[], papers: Array<{ id: string; title: string }>, paperUrl: (id: string) => string, t: TFunction, format: { date(d: Date | string): string; money(minor: number): string }) {
  const current = PPD_STEPS.indexOf(issue.step);
  const steps = PPD_STEPS.map((step, i) => {
    const score = issue.scores.find((s) => s.step === step);
    const cls = i < current || issue.outcome === 'implemented' ? 'done' : i === current ? 'now' : '';
    const label = escape(t(`advocacy.steps.${step}`));
    const scoreHtml = score ? `<span class="score" title="${escape(t('tracker.score', { score: score.score }))}" aria-label="${escape(t('tracker.score', { score: score.score }))}">${dots(score.score)}</span>` : '';
    return `<li class="${cls}"${i === current ? ' aria-current="step"' : ''}>${label}${scoreHtml}</li>`;
  }).join('');
  const outcome = issue.outcome
    ? `<div class="outcome"><strong>${escape(t(`advocacy.outcomes.${issue.outcome}`))}</strong>${issue.outcomeAt ? ` · ${escape(format.date(issue.outcomeAt))}` : ''}<br>${escape(issue.outcomeEvidence)}${issue.savingClaimed ? `<br>${escape(t('tracker.saving', { amount: format.money(issue.savingClaimed) }))}` : ''}</div>`
    : '';
  const decisionsHtml = decisions.length
    ? `<h3>${escape(t('tracker.decisions'))}</h3><ul class="decisions">${decisions.map((d) => `<li>${escape(d.text)} <span class="status ${d.status}">${escape(t(`dialogue.decisionStatuses.${d.status}`))}</span><br><span class="meta">${escape([d.meeting.forumName, format.date(d.meeting.startsAt), t('tracker.owner', { owner: d.owner }), d.dueOn ? t('tracker.due', { date: format.date(d.dueOn) }) : ''].filter(Boolean).join(' · '))}</span></li>`).join('')}</ul>`
    : '';
  const papersHtml = papers.length ? `<h3>${escape(t('tracker.papers'))}</h3><ul class="decisions">${papers.map((p) => `<li><a href="${escape(paperUrl(p.id))}">${escape(p.title)}</a> (PDF)</li>`).join('')}</ul>` : '';
  return `<article id="i-${issue.id}"><h2>${escape(issue.title)}</h2><p class="meta">${escape(t(`advocacy.categories.${issue.category}`))} · ${escape(t('tracker.updated', { date: format.date(issue.updatedAt) }))}</p><ol class="steps" aria-label="${escape(t('tracker.stepsLabel'))}">${steps}</ol><p class="problem">${escape(issue.problem)}</p>${outcome}${papersHtml}${decisionsHtml}</article>`;
}

/** What the steps' colours and the dots mean: said once, above the reforms. */
function legendHtml(t: TFunction) {
  const key = (cls: string, text: string) => `<li><span class="key${cls ? ` ${cls}` : ''}" aria-hidden="true"></span>${escape(text)}</li>`;
  return `<ul class="legend" aria-label="${escape(t('tracker.legend.title'))}">${key('done', t('tracker.legend.done'))}${key('now', t('tracker.legend.now'))}${key('', t('tracker.legend.ahead'))}<li>${escape(t('tracker.legend.score', { none: dots(0), little: dots(1), substantial: dots(2), decisive: dots(3) }))}</li></ul>`;
}

/** The public reform tracker of one organisation, as one light HTML page. */
export function trackerPage(data: { org: { name: string; currency: string }; issues: PublishedIssue[]; decisions: Map<string, TrackerDecision[]>; papers: Map<string, Array<{ id: string; title: string }>> }, t: TFunction, clock: ClockFormat, languages: readonly string[], path: string) {
  // The page's language is the reader's choice; the locale keeps the organisation's customs (en-IN lakhs).
  const locale = new Intl.Locale(clock.locale).language;
  const format = { date: (d: Date | string) => clock.date(d), money: (minor: number) => clock.money(minor, data.org.currency) };
  const title = t('tracker.title', { org: data.org.name });
  const body = data.issues.length ? data.issues.map((i) => issueHtml(i, data.decisions.get(i.id) ?? [], data.papers.get(i.id) ?? [], (id) => `${path}/papers/${id}?lang=${locale}`, t, format)).join('') : `<p>${escape(t('tracker.empty'))}</p>`;
  const langs = languageLinks(languages, path, t('tracker.language'));
  return `<!doctype html><html lang="${escape(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(title)}</title><meta name="description" content="${escape(t('tracker.intro', { org: data.org.name }))}"><style>${STYLE}</style></head><body><header><h1>${escape(title)}</h1><p class="intro">${escape(t('tracker.intro', { org: data.org.name }))}</p>${langs}${data.issues.length ? legendHtml(t) : ''}</header><main>${body}</main><footer>${escape(t('tracker.footer', { org: data.org.name }))}</footer></body></html>`;
}
