import escape from 'escape-html';
import type { TFunction } from 'i18next';
import { hsChapter, SIZE_CLASSES } from '../../../contracts/networking.js';
import { isicEntry } from '../../../contracts/isic.js';
import type { PublicProfile } from './present.js';
import { languageLinks } from '../../platform/http/language-links.js';
import { jsonLdScript } from '../../platform/http/json-ld.js';

/**
 * The public directory of an organisation's member firms and one page per
 * firm: light HTML rendered by the server (no app bundle, no script), read
 * on phones, with schema.org JSON-LD for search engines. Only what each firm
 * made public is on them; contacts only where the firm allowed it.
 */
const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1b1e;background:#f8f9fa}
header,main,footer{max-width:48rem;margin:0 auto;padding:1rem}h1{font-size:1.5rem;margin:0 0 .25rem}.intro{color:#495057;margin:0}
article{background:#fff;border:1px solid #dee2e6;border-radius:8px;padding:1rem;margin:0 0 1rem}h2{font-size:1.15rem;margin:0 0 .25rem}
.meta{color:#5c5f66;font-size:.875rem;margin:0 0 .5rem}form{display:grid;grid-template-columns:1fr;gap:.5rem;margin:0 0 1rem}
label{font-size:.85rem;color:#495057}input,select,button{font:inherit;min-height:44px;width:100%;padding:.4rem .6rem;border:1px solid #adb5bd;border-radius:6px;background:#fff}
button{background:#1971c2;color:#fff;border-color:#1971c2;font-weight:600}a{color:#1864ab}a.firm{display:inline-block;min-height:44px;line-height:44px;font-weight:600}
ul{padding-left:1.1rem;margin:.25rem 0}dl{margin:0}dt{font-size:.8rem;color:#5c5f66;margin-top:.5rem}dd{margin:0;overflow-wrap:anywhere}
footer{color:#5c5f66;font-size:.8rem;padding-bottom:2rem}nav a{display:inline-block;min-height:44px;line-height:44px;margin-right:.75rem}
@media (min-width:40rem){form{grid-template-columns:1fr 1fr}}`;

export interface DirectoryOrg { name: string; languages: string[] }
export interface DirectorySearch { q?: string; sector?: string; hs?: string; region?: string; market?: string; certification?: string; size?: string }

export function names(locale: string) {
  const country = new Intl.DisplayNames([locale], { type: 'region' });
  const language = new Intl.DisplayNames([locale], { type: 'language' });
  return {
    country: (code: string) => { try { return country.of(code) ?? code; } catch { return code; } },
    language: (code: string) => { try { return language.of(code) ?? code; } catch { return code; } },
  };
}

const sectorName = (code: string) => {
  const entry = isicEntry(code);
  return entry ? `${code} · ${entry.title}` : code;
};

export function page(locale: string, title: string, body: string, jsonLd: unknown, extraStyle = '') {
  return `<!doctype html><html lang="${escape(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(title)}</title><style>${STYLE}${extraStyle}</style>${jsonLdScript(jsonLd)}</head><body>${body}</body></html>`;
}

/** What a firm shows, field by field: one list of terms and descriptions. */
function facts(p: PublicProfile, t: TFunction, n: ReturnType<typeof names>, regionName: (code: string) => string) {
  const rows: Array<[string, string]> = [];
  if (p.sector) rows.push([t('networking.sector'), escape(sectorName(p.sector))]);
  if (p.region) rows.push([t('networking.region'), escape(regionName(p.region))]);
  if (p.size) rows.push([t('networking.size'), escape(t(`members.sizes.${p.size}`))]);
  if (p.offerings?.length) rows.push([t('networking.offerings'), `<ul>${p.offerings.map((o) => `<li>${escape(o.name)}${o.hsCode ? ` <span class="meta">${escape(t('networking.hsWithChapter', { code: o.hsCode, chapter: hsChapter(o.hsCode) }))}</span>` : ''}</li>`).join('')}</ul>`]);
  if (p.exportMarkets?.length) rows.push([t('networking.exportMarkets'), escape(p.exportMarkets.map(n.country).join(', '))]);
  if (p.certifications?.length) rows.push([t('networking.certifications'), escape(p.certifications.join(', '))]);
  if (p.languages?.length) rows.push([t('networking.languages'), escape(p.languages.map(n.language).join(', '))]);
  if (p.contacts) {
    const c = p.contacts;
    if (c.email) rows.push([t('networking.email'), `<a href="mailto:${escape(c.email)}">${escape(c.email)}</a>`]);
    if (c.phone) rows.push([t('networking.phone'), `<a href="tel:${escape(c.phone.replace(/\s+/g, ''))}">${escape(c.phone)}</a>`]);
    if (c.website && /^https?:\/\//i.test(c.website)) rows.push([t('networking.website'), `<a href="${escape(c.website)}" rel="nofollow noopener">${escape(c.website)}</a>`]);
  }
  return rows.length ? `<dl>${rows.map(([k, v]) => `<dt>${escape(k)}</dt><dd>${v}</dd>`).join('')}</dl>` : '';
}

/** schema.org Organization with its offers as Products (HS code as the category), contacts only where allowed. */
export function organizationLd(p: PublicProfile, url: string) {
  return {
    '@type': 'Organization',
    name: p.name,
    url,
    ...(p.summary ? { description: p.summary } : {}),
    ...(p.contacts?.email ? { email: p.contacts.email } : {}),
    ...(p.contacts?.phone ? { telephone: p.contacts.phone } : {}),
    ...(p.contacts?.website ? { sameAs: [p.contacts.website] } : {}),
    ...(p.region ? { address: { '@type': 'PostalAddress', addressRegion: p.region, addressCountry: p.region.slice(0, 2) } } : {}),
    ...(p.sector ? { isicV4: p.sector } : {}),
    ...(p.offerings?.length ? {
      makesOffer: p.offerings.map((o) => ({
        '@type': 'Offer',
        itemOffered: { '@type': o.kind === 'service' ? 'Service' : 'Product', name: o.name, ...(o.hsCode ? { category: `HS ${o.hsCode}` } : {}) },
      })),
    } : {}),
  };
}

/** Where a page of the directory sits: how many firms match (counted up to `upTo`), the cursor of the next page, whether it is past the first. */
export interface DirectoryPaging { found: number; upTo: number; next: string | null; paged: boolean; lang?: string | undefined }

export function directoryPage(org: DirectoryOrg, profiles: PublicProfile[], search: DirectorySearch, t: TFunction, locale: string, base: string, regions: Array<{ code: string; name: string }>, paging: DirectoryPaging) {
  const n = names(locale);
  const regionName = (code: string) => regions.find((r) => r.code === code)?.name ?? code;
  const title = t('networking.public.title', { org: org.name });
  const field = (name: keyof DirectorySearch, label: string, extra = '') => `<div><label for="f-${name}">${escape(label)}</label><input id="f-${name}" name="${name}" value="${escape(search[name] ?? '')}" ${extra}></div>`;
  const select = (name: keyof DirectorySearch, label: string, options: Array<[string, string]>) =>
    `<div><label for="f-${name}">${escape(label)}</label><select id="f-${name}" name="${name}"><option value="">${escape(t('networking.public.any'))}</option>${options.map(([v, l]) => `<option value="${escape(v)}"${search[name] === v ? ' selected' : ''}>${escape(l)}</option>`).join('')}</select></div>`;
  const form = `<form method="get" action="${escape(base)}" role="search">${field('q', t('networking.public.text'))}${field('sector', t('networking.public.sector'), 'inputmode="numeric" pattern="[A-Za-z]|[0-9]{2,4}"')}${field('hs', t('networking.public.hs'), 'inputmode="numeric" pattern="[0-9]{2,6}"')}${select('region', t('networking.region'), regions.map((r) => [r.code, r.name]))}${field('market', t('networking.public.market'), 'maxlength="2"')}${field('certification', t('networking.certifications'))}${select('size', t('networking.size'), SIZE_CLASSES.map((s) => [s, t(`members.sizes.${s}`)]))}<div><label>&nbsp;</label><button type="submit">${escape(t('networking.public.search'))}</button></div></form>`;
  const items = profiles.map((p) => `<article><h2><a class="firm" href="${escape(`${base}/firms/${p.memberId}`)}">${escape(p.name)}</a></h2>${p.summary ? `<p>${escape(p.summary)}</p>` : ''}${facts(p, t, n, regionName)}</article>`).join('');
  // The next page keeps the search and the language: the address is the whole state of the page.
  const kept = new URLSearchParams(Object.entries({ ...search, lang: paging.lang }).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
  const firstUrl = kept.size ? `${base}?${kept}` : base;
  const links = [
    paging.paged ? `<a href="${escape(firstUrl)}">${escape(t('networking.public.first'))}</a>` : '',
    paging.next ? `<a href="${escape(`${base}?${new URLSearchParams([...kept, ['cursor', paging.next]])}`)}" rel="next">${escape(t('networking.public.next'))}</a>` : '',
  ].filter(Boolean).join(' ');
  const nav = links ? `<nav aria-label="${escape(t('networking.public.pages'))}">${links}</nav>` : '';
  const count = paging.found > paging.upTo ? t('networking.public.countMore', { count: paging.upTo }) : t('networking.public.count', { count: paging.found });
  const body = `<header><h1>${escape(title)}</h1><p class="intro">${escape(t('networking.public.intro'))}</p><nav><a href="${escape(`${base}/products`)}">${escape(t('networking.showcase.publicLink'))}</a></nav>${languageLinks(org.languages, base, t('tracker.language'))}</header><main>${form}<p class="meta" role="status">${escape(count)}</p>${items || (paging.paged ? '' : `<p>${escape(t('networking.public.none'))}</p>`)}${nav}</main><footer>${escape(t('networking.public.footer', { org: org.name }))}</footer>`;
  return page(locale, title, body, {
    '@context': 'https://schema.org', '@type': 'ItemList', name: title,
    itemListElement: profiles.map((p, i) => ({ '@type': 'ListItem', position: i + 1, item: organizationLd(p, `${base}/firms/${p.memberId}`) })),
  });
}

export function firmPage(org: DirectoryOrg, p: PublicProfile, t: TFunction, locale: string, base: string, regions: Array<{ code: string; name: string }>) {
  const n = names(locale);
  const regionName = (code: string) => regions.find((r) => r.code === code)?.name ?? code;
  const url = `${base}/firms/${p.memberId}`;
  const body = `<header><p><a href="${escape(base)}">${escape(t('networking.public.back', { org: org.name }))}</a></p><h1>${escape(p.name)}</h1>${languageLinks(org.languages, url, t('tracker.language'))}</header><main><article>${p.summary ? `<p>${escape(p.summary)}</p>` : ''}${facts(p, t, n, regionName)}</article></main><footer>${escape(t('networking.public.footer', { org: org.name }))}</footer>`;
  return page(locale, p.name, body, { '@context': 'https://schema.org', ...organizationLd(p, url) });
}
