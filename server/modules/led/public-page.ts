import escape from 'escape-html';
import type { TFunction } from 'i18next';
import type { ClockFormat } from '../../platform/time.js';
import type { PeopleCounts, PublicMeasure, PublicOrg, PublicRegion, PublicRegionSummary } from './public-service.js';
import { jsonLdScript } from '../../platform/http/json-ld.js';
import { languageLinks } from '../../platform/http/language-links.js';

/**
 * The public LED page of an organisation and one page per published region:
 * light HTML rendered by the server (no app bundle, no script), read on
 * phones, as the reform tracker. Written by hand and kept small.
 */
const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1b1e;background:#f8f9fa}
header,main,footer{max-width:48rem;margin:0 auto;padding:1rem}header{padding-top:1.5rem}h1{font-size:1.5rem;margin:0 0 .25rem}.intro{color:#495057;margin:0}
article,section.box{background:#fff;border:1px solid #dee2e6;border-radius:8px;padding:1rem;margin:0 0 1rem}h2{font-size:1.2rem;margin:0 0 .5rem}
h3{font-size:1.05rem;margin:0 0 .25rem}.meta{color:#5c5f66;font-size:.875rem;margin:0 0 .5rem}p.text{white-space:pre-line;margin:.5rem 0;overflow-wrap:anywhere}
a{color:#1864ab}a.big{display:inline-block;min-height:44px;line-height:44px;font-weight:600}nav a{display:inline-block;min-height:44px;line-height:44px;min-width:44px;margin-right:.75rem}
dl{margin:.5rem 0 0;display:grid;grid-template-columns:1fr;gap:0}dt{font-size:.8rem;color:#5c5f66;margin-top:.5rem}dd{margin:0;overflow-wrap:anywhere}
ul{padding-left:1.1rem;margin:.25rem 0}.status{font-size:.8rem;padding:.1rem .45rem;border-radius:4px;background:#e9ecef;white-space:nowrap}
.status.running{background:#d0ebff}.status.done{background:#d3f9d8}.status.effective{background:#b2f2bb;color:#1b5e20}
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:.5rem;margin:.5rem 0 0}.figures div{background:#f1f3f5;border-radius:6px;padding:.5rem}
.figures strong{display:block;font-size:1.25rem}footer{color:#5c5f66;font-size:.8rem;padding-bottom:2rem}
@media (min-width:40rem){dl{grid-template-columns:12rem 1fr;gap:.25rem 1rem}dt{margin-top:0}}`;

function page(locale: string, title: string, description: string, body: string, jsonLd: unknown) {
  return `<!doctype html><html lang="${escape(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(title)}</title><meta name="description" content="${escape(description)}"><style>${STYLE}</style>${jsonLdScript(jsonLd)}</head><body>${body}</body></html>`;
}

/**
 * schema.org for search engines, as the business directory gives them: the
 * region as a Place (its subdivision's name, never the code, as on the page),
 * its measures as Projects with their dates and partners. Nothing the page
 * does not show.
 */
function regionLd(r: PublicRegionSummary, url: string) {
  return { '@type': 'Place', name: r.name, url, address: { '@type': 'PostalAddress', addressRegion: r.place } };
}

function measureLd(m: PublicMeasure, url: string) {
  return {
    '@type': 'Project',
    name: m.title,
    url: `${url}#m-${m.id}`,
    ...(m.description ? { description: m.description } : {}),
    foundingDate: m.startsOn,
    ...(m.status === 'done' || m.status === 'effective' ? { dissolutionDate: m.endsOn } : {}),
    ...(m.partners.length ? { member: m.partners.map((p) => ({ '@type': 'Organization', name: p.name })) } : {}),
  };
}

const percent = (f: ClockFormat, share: { num: number; den: number }) => f.number(share.num / share.den, { style: 'percent', maximumFractionDigits: 0 });

/** People trained, new jobs, higher income, and the share still effective: the region's results, counted from the records. */
function results(people: PeopleCounts, effective: { num: number; den: number } | null, t: TFunction, f: ClockFormat) {
  const rows: Array<[string, string]> = (['participant', 'new_job', 'higher_income'] as const).map((role) => [t(`led.impl.roles.${role}`), f.number(people[role])]);
  if (effective) rows.push([t('led.publicPage.effective'), effective.den ? t('led.publicPage.effectiveShare', { percent: percent(f, effective), num: f.number(effective.num), den: f.number(effective.den) }) : t('led.publicPage.noFollowUpYet')]);
  return `<dl>${rows.map(([k, v]) => `<dt>${escape(k)}</dt><dd>${escape(v)}</dd>`).join('')}</dl>`;
}

function measureHtml(m: PublicMeasure, t: TFunction, f: ClockFormat, currency: string) {
  const rows: Array<[string, string]> = [];
  if (m.bottleneckTitle) rows.push([t('led.forBottleneck'), escape(m.bottleneckTitle)]);
  if (m.partners.length) rows.push([t('led.partners'), `<ul>${m.partners.map((p) => `<li>${escape(p.name)} <span class="meta">(${escape(t(`led.sectors.${p.sector}`))})</span></li>`).join('')}</ul>`]);
  rows.push([t('led.budget'), escape(f.money(m.budget, currency))]);
  rows.push([t('led.publicPage.progress'), escape(m.milestones.total ? t('led.publicPage.milestonesDone', { done: f.number(m.milestones.done), total: f.number(m.milestones.total) }) : t('led.publicPage.noMilestones'))]);
  if (m.latestReport) rows.push([t('led.publicPage.latestReport', { date: f.date(m.latestReport.reportedOn) }), `<p class="text">${escape(m.latestReport.text)}</p>`]);
  for (const role of ['participant', 'new_job', 'higher_income'] as const) rows.push([t(`led.impl.roles.${role}`), escape(f.number(m.people[role]))]);
  return `<article id="m-${escape(m.id)}"><h3>${escape(m.title)}</h3><p class="meta"><span class="status ${escape(m.status)}">${escape(t(`led.statuses.${m.status}`))}</span> · ${escape(t('led.publicPage.period', { from: f.date(m.startsOn), to: f.date(m.endsOn) }))}</p>${m.description ? `<p class="text">${escape(m.description)}</p>` : ''}<dl>${rows.map(([k, v]) => `<dt>${escape(k)}</dt><dd>${v}</dd>`).join('')}</dl></article>`;
}

const footer = (org: PublicOrg, t: TFunction) => `<footer>${escape(t('tracker.footer', { org: org.name }))}</footer>`;

/** Every published region of the organisation, with its results. */
export function ledIndexPage(data: { org: PublicOrg; regions: PublicRegionSummary[] }, t: TFunction, f: ClockFormat, locale: string, languages: readonly string[], path: string) {
  const title = t('led.publicPage.title', { org: data.org.name });
  const intro = t('led.publicPage.intro', { org: data.org.name });
  const items = data.regions.map((r) => `<article><h3><a class="big" href="${escape(`${path}/regions/${r.id}`)}">${escape(r.name)}</a></h3><p class="meta">${escape(r.place)} · ${escape(t('led.measureCount', { count: r.measures }))}</p>${results(r.people, r.effective, t, f)}</article>`).join('');
  const body = `<header><h1>${escape(title)}</h1><p class="intro">${escape(intro)}</p>${languageLinks(languages, path, t('tracker.language'))}</header><main>${items ? `<h2>${escape(t('led.publicPage.regions'))}</h2>${items}<p class="meta">${escape(t('led.publicPage.countedOnce'))}</p>` : `<p>${escape(t('led.publicPage.empty'))}</p>`}</main>${footer(data.org, t)}`;
  return page(locale, title, intro, body, {
    '@context': 'https://schema.org', '@type': 'ItemList', name: title, description: intro,
    itemListElement: data.regions.map((r, i) => ({ '@type': 'ListItem', position: i + 1, item: regionLd(r, `${path}/regions/${r.id}`) })),
  });
}

/** One published region: its place, narrative, key figures, bottlenecks and measures with their results. */
export function ledRegionPage(data: { org: PublicOrg; region: PublicRegion }, t: TFunction, f: ClockFormat, locale: string, languages: readonly string[], base: string) {
  const r = data.region;
  const path = `${base}/regions/${r.id}`;
  const figures = r.keyFigures.length
    ? `<div class="figures">${r.keyFigures.map((k) => `<div>${k.label === t(`led.topics.${k.topic}`) ? '' : `<span class="meta">${escape(t(`led.topics.${k.topic}`))}</span><br>`}${escape(k.label)}<strong>${escape(f.number(k.value))}${k.unit ? ` ${escape(k.unit)}` : ''}</strong><span class="meta">${escape(t('led.publicPage.source', { source: k.source, year: k.year }))}</span></div>`).join('')}</div>`
    : `<p>${escape(t('led.publicPage.noFigures'))}</p>`;
  const bottlenecks = r.bottlenecks.length
    ? `<ul>${r.bottlenecks.map((b) => `<li><strong>${escape(b.title)}</strong> <span class="meta">(${escape(t(`led.bottleneckKinds.${b.kind}`))})</span>${b.description ? `<p class="text">${escape(b.description)}</p>` : ''}</li>`).join('')}</ul>`
    : `<p>${escape(t('led.publicPage.noBottlenecks'))}</p>`;
  const measures = r.measureList.length ? r.measureList.map((m) => measureHtml(m, t, f, data.org.currency)).join('') : `<p>${escape(t('led.publicPage.noMeasures'))}</p>`;
  const body = `<header><p><a class="big" href="${escape(base)}">${escape(t('led.publicPage.back', { org: data.org.name }))}</a></p><h1>${escape(r.name)}</h1><p class="intro">${escape(r.place)}</p>${languageLinks(languages, path, t('tracker.language'))}</header>`
    + `<main>${r.narrative ? `<section class="box"><p class="text">${escape(r.narrative)}</p></section>` : ''}`
    + `<section class="box"><h2>${escape(t('led.publicPage.results'))}</h2>${results(r.people, r.effective, t, f)}<p class="meta">${escape(t('led.publicPage.countedOnce'))}</p></section>`
    + `<section class="box"><h2>${escape(t('led.keyFigures'))}</h2>${figures}</section>`
    + `<section class="box"><h2>${escape(t('led.publicPage.bottlenecks'))}</h2>${bottlenecks}</section>`
    + `<h2>${escape(t('led.measures'))}</h2>${measures}</main>${footer(data.org, t)}`;
  const description = r.narrative.slice(0, 200) || t('led.publicPage.intro', { org: data.org.name });
  return page(locale, `${r.name} — ${t('led.publicPage.title', { org: data.org.name })}`, description, body, {
    '@context': 'https://schema.org', '@type': 'WebPage', name: r.name, url: path, inLanguage: locale, description,
    publisher: { '@type': 'Organization', name: data.org.name },
    about: { ...regionLd(r, path), ...(r.narrative ? { description: r.narrative } : {}) },
    mentions: r.measureList.map((m) => measureLd(m, path)),
  });
}
