import escape from 'escape-html';
import type { TFunction } from 'i18next';
import { hsChapter } from '../../../contracts/networking.js';
import { languageLinks } from '../../platform/http/language-links.js';
import { page, type DirectoryOrg } from './directory-page.js';
import type { PublicProduct } from './showcase-present.js';

/**
 * The public showcase of local products: a light page the server writes (no
 * app bundle, no script), beside the directory. Each product with its photos
 * (thumbnails lazily loaded, the phone-sized copy offered by `srcset`), its
 * producer, origin and rating, and schema.org Product data. Only published
 * products; nothing of a firm but its name.
 */
const STYLE = `.photos{display:flex;gap:.5rem;overflow-x:auto;margin:0 0 .5rem}.photos figure{margin:0;flex:0 0 auto;max-width:80%}
.photos img{display:block;height:auto;max-width:100%;border-radius:6px;background:#e9ecef}.photos figcaption{font-size:.8rem;color:#5c5f66}
.rating{font-weight:600;color:#8a5a00}`;

const photoUrl = (base: string, productId: string, photoId: string, size: 'thumb' | 'large') => `${base}/products/${productId}/photos/${photoId}?size=${size}`;

/** schema.org Product: the producer as its manufacturer, the HS code as category, the rating as a property with its scale. */
export function productLd(p: PublicProduct, base: string, regionName: (code: string) => string) {
  return {
    '@type': 'Product',
    '@id': `${base}/products#p-${p.id}`,
    name: p.name,
    ...(p.description ? { description: p.description } : {}),
    ...(p.photos.length ? { image: p.photos.map((ph) => photoUrl(base, p.id, ph.id, 'large')) } : {}),
    ...(p.hsCode ? { category: `HS ${p.hsCode}` } : {}),
    manufacturer: { '@type': 'Organization', name: p.producer },
    ...(p.originRegion || p.originPlace ? {
      countryOfOrigin: {
        '@type': 'Place',
        name: [p.originPlace, p.originRegion ? regionName(p.originRegion) : ''].filter(Boolean).join(', '),
        ...(p.originRegion ? { address: { '@type': 'PostalAddress', addressRegion: p.originRegion, addressCountry: p.originRegion.slice(0, 2) } } : {}),
      },
    } : {}),
    ...(p.rating ? {
      additionalProperty: { '@type': 'PropertyValue', name: p.rating.scale || 'Quality rating', value: p.rating.value, minValue: 1, maxValue: p.rating.max, description: p.rating.label },
    } : {}),
  };
}

function productArticle(p: PublicProduct, t: TFunction, base: string, regionName: (code: string) => string, eager: boolean) {
  const photos = p.photos.map((ph, i) => {
    const alt = ph.caption || p.name;
    const src = photoUrl(base, p.id, ph.id, 'thumb');
    const srcset = `${src} ${ph.thumbWidth}w, ${photoUrl(base, p.id, ph.id, 'large')} ${ph.width}w`;
    const loading = eager && i === 0 ? 'eager' : 'lazy';
    return `<figure><img src="${escape(src)}" srcset="${escape(srcset)}" sizes="(min-width:48rem) 20rem, 80vw" width="${ph.thumbWidth}" height="${ph.thumbHeight}" alt="${escape(alt)}" loading="${loading}" decoding="async">${ph.caption ? `<figcaption>${escape(ph.caption)}</figcaption>` : ''}</figure>`;
  }).join('');
  const origin = [p.originPlace, p.originRegion ? regionName(p.originRegion) : ''].filter(Boolean).join(', ');
  const rows: Array<[string, string]> = [[t('networking.showcase.producer'), escape(p.producer)]];
  if (origin) rows.push([t('networking.showcase.origin'), escape(origin)]);
  if (p.hsCode) rows.push([t('networking.hsCode'), escape(t('networking.hsWithChapter', { code: p.hsCode, chapter: hsChapter(p.hsCode) }))]);
  if (p.rating) {
    const scale = p.rating.scale || t('networking.showcase.rating');
    rows.push([scale, `<span class="rating">${escape(p.rating.label || String(p.rating.value))}</span> <span class="meta">${escape(t('networking.showcase.ratingOf', { value: p.rating.value, max: p.rating.max }))}</span>`]);
  }
  return `<article id="p-${escape(p.id)}"><h2>${escape(p.name)}</h2>${photos ? `<div class="photos">${photos}</div>` : ''}${p.description ? `<p>${escape(p.description)}</p>` : ''}<dl>${rows.map(([k, v]) => `<dt>${escape(k)}</dt><dd>${v}</dd>`).join('')}</dl></article>`;
}

/** Where the page sits in the list: the cursor of the next page (null on the last), whether it is past the first, the language asked. */
export interface ShowcasePaging { next: string | null; paged: boolean; lang?: string | undefined }

export function showcasePage(org: DirectoryOrg, products: PublicProduct[], t: TFunction, locale: string, base: string, regions: Array<{ code: string; name: string }>, paging: ShowcasePaging = { next: null, paged: false }) {
  const regionName = (code: string) => regions.find((r) => r.code === code)?.name ?? code;
  const title = t('networking.showcase.publicTitle', { org: org.name });
  const url = `${base}/products`;
  const items = products.map((p, i) => productArticle(p, t, base, regionName, i === 0)).join('');
  const lang = paging.lang ? `lang=${encodeURIComponent(paging.lang)}` : '';
  const links = [
    paging.paged ? `<a href="${escape(lang ? `${url}?${lang}` : url)}">${escape(t('networking.showcase.publicFirst'))}</a>` : '',
    paging.next ? `<a href="${escape(`${url}?${lang ? `${lang}&` : ''}cursor=${encodeURIComponent(paging.next)}`)}" rel="next">${escape(t('networking.showcase.publicNext'))}</a>` : '',
  ].filter(Boolean).join('');
  const nav = links ? `<nav aria-label="${escape(t('networking.showcase.publicPages'))}">${links}</nav>` : '';
  const none = paging.paged ? '' : `<p>${escape(t('networking.showcase.publicNone'))}</p>`;
  const body = `<header><p><a href="${escape(base)}">${escape(t('networking.public.back', { org: org.name }))}</a></p><h1>${escape(title)}</h1><p class="intro">${escape(t('networking.showcase.publicIntro'))}</p>${languageLinks(org.languages, url, t('tracker.language'))}</header><main><p class="meta" role="status">${escape(t('networking.showcase.publicCount', { count: products.length }))}</p>${items || none}${nav}</main><footer>${escape(t('networking.public.footer', { org: org.name }))}</footer>`;
  return page(locale, title, body, {
    '@context': 'https://schema.org', '@type': 'ItemList', name: title,
    itemListElement: products.map((p, i) => ({ '@type': 'ListItem', position: i + 1, item: productLd(p, base, regionName) })),
  }, STYLE);
}
