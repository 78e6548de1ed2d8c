import escape from 'escape-html';
import type { TFunction } from 'i18next';
import { SIGNED_FIELD_NAMES } from '../../../contracts/certificates.js';

/**
 * The public verification page of certificates: one light HTML page, no
 * sign-in, read on phones. The credential travels in the address's fragment
 * (the QR code), which never reaches the server; the page's script
 * (VERIFY_SCRIPT, served from /verify/verify.js since the content security
 * policy allows scripts of our own origin only) checks the signature with the
 * issuer's public key (kept in localStorage for offline use), the expiry and
 * the revocation list, and names the fields changed when the signature fails.
 * Its service worker (verify-worker.ts) keeps the page, the script and the
 * issuers' keys for offline use.
 */
const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1b1e;background:#f8f9fa}
header,main,footer{max-width:40rem;margin:0 auto;padding:1rem}h1{font-size:1.4rem;margin:0 0 .25rem}.intro{color:#495057;margin:0}
.verdict{border-radius:8px;padding:1rem;margin:0 0 1rem;font-weight:600;border:2px solid #adb5bd;background:#fff}
.verdict.ok{border-color:#2b8a3e;background:#ebfbee;color:#1b5e20}.verdict.bad{border-color:#c92a2a;background:#fff5f5;color:#a61e1e}
.verdict.warn{border-color:#e67700;background:#fff9db;color:#7c4a03}ul.checks{padding-left:1.2rem;margin:.5rem 0 0;font-weight:400}
dl{background:#fff;border:1px solid #dee2e6;border-radius:8px;padding:1rem;margin:0 0 1rem}dt{font-size:.8rem;color:#5c5f66;margin-top:.5rem}
dt:first-child{margin-top:0}dd{margin:0;font-size:1.05rem;overflow-wrap:anywhere}dd.changed{color:#a61e1e;font-weight:600}
footer{color:#5c5f66;font-size:.8rem;padding-bottom:2rem}nav a{margin-right:.75rem;color:#1864ab;display:inline-block;min-height:44px;line-height:44px}`;

/** Every string the script shows, in the page's language. */
function strings(t: TFunction) {
  const keys = ['checking', 'noCredential', 'malformed', 'foreignIssuer', 'keyUnknown', 'unsupported', 'valid', 'validOffline', 'tampered', 'changedFields', 'changedUnknown',
    'revoked', 'expired', 'notYetValid', 'signatureOk', 'signatureBad', 'notExpired', 'noExpiry', 'notRevoked', 'revocationUnknown', 'keyFromCache'] as const;
  return {
    ...Object.fromEntries(keys.map((k) => [k, t(`verify.${k}`)])),
    fields: Object.fromEntries(SIGNED_FIELD_NAMES.map((f) => [f, t(`verify.fields.${f}`)])),
    levels: { participant: t('verify.levels.participant'), trainer: t('verify.levels.trainer') },
  };
}

export function verifyPage(t: TFunction, locale: string, languages: readonly string[]) {
  const title = t('verify.title');
  const langs = languages.length > 1 ? `<nav aria-label="${escape(t('tracker.language'))}">${languages.map((l) => `<a href="/verify?lang=${l}" hreflang="${l}" lang="${l}" data-keep-hash>${l.toUpperCase()}</a>`).join('')}</nav>` : '';
  // A JSON data block is not run, so the policy that refuses inline scripts lets it be; `<` is escaped inside it.
  const data = JSON.stringify({ locale, strings: strings(t) }).replace(/</g, '\\u003c');
  return `<!doctype html><html lang="${escape(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escape(title)}</title><style>${STYLE}</style></head><body><header><h1>${escape(title)}</h1><p class="intro">${escape(t('verify.intro'))}</p>${langs}</header><main><div id="verdict" class="verdict" role="status" aria-live="polite">${escape(t('verify.checking'))}</div><dl id="fields" hidden></dl></main><footer>${escape(t('verify.footer'))}</footer><script type="application/json" id="rt-verify">${data}</script><script src="/verify/verify.js" defer></script></body></html>`;
}

/** The page's script, plain JavaScript run by the browser as it is (no build step). */
export const VERIFY_SCRIPT = `(function () {
'use strict';
var data = JSON.parse(document.getElementById('rt-verify').textContent);
var S = data.strings;
var verdict = document.getElementById('verdict');
var list = document.getElementById('fields');
var jws = decodeURIComponent(location.hash.slice(1)).trim();
document.querySelectorAll('a[data-keep-hash]').forEach(function (a) { a.href = a.getAttribute('href') + location.hash; });

function bytes(b64u) {
  var s = b64u.replace(/-/g, '+').replace(/_/g, '/');
  while (s.length % 4) s += '=';
  var bin = atob(s), out = new Uint8Array(bin.length);
  for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
function parse(token) {
  var p = token.split('.');
  if (p.length !== 3) throw new Error('parts');
  return { header: JSON.parse(new TextDecoder().decode(bytes(p[0]))), payload: JSON.parse(new TextDecoder().decode(bytes(p[1]))), parts: p };
}
function show(kind, headline, lines) {
  verdict.className = 'verdict ' + kind;
  verdict.textContent = headline;
  if (lines && lines.length) {
    var ul = document.createElement('ul');
    ul.className = 'checks';
    lines.forEach(function (l) { var li = document.createElement('li'); li.textContent = l; ul.appendChild(li); });
    verdict.appendChild(ul);
  }
}
function day(value) {
  if (!value) return '';
  var d = new Date(value);
  return isNaN(d.getTime()) ? String(value) : d.toLocaleDateString(data.locale, { dateStyle: 'long' });
}
function fieldsOf(c) {
  var subject = c.credentialSubject || {};
  var achievement = subject.achievement || {};
  var issuer = typeof c.issuer === 'string' ? { id: c.issuer } : (c.issuer || {});
  var tot = Array.isArray(c.evidence) && c.evidence[0] ? c.evidence[0].name : null;
  return [
    ['name', subject.name], ['course', achievement.name], ['level', S.levels[subject.role] || subject.role], ['hours', achievement.hours],
    ['date', day(c.validFrom)], ['expiry', c.validUntil ? day(c.validUntil) : S.noExpiry], ['issuer', issuer.name || issuer.id],
  ].concat(tot ? [['tot', tot]] : []).concat([['id', String(c.id || '').replace(/^urn:uuid:/, '')]]);
}
function render(c, changed) {
  list.textContent = '';
  fieldsOf(c).forEach(function (f) {
    var dt = document.createElement('dt'); dt.textContent = S.fields[f[0]];
    var dd = document.createElement('dd'); dd.textContent = f[1] == null ? '' : String(f[1]);
    if (changed && changed.indexOf(f[0]) >= 0) dd.className = 'changed';
    list.appendChild(dt); list.appendChild(dd);
  });
  list.hidden = false;
}
async function keysOf(issuer) {
  var cacheKey = 'rt-jwks:' + issuer;
  try {
    var r = await fetch(issuer + '/jwks', { cache: 'no-cache' });
    if (r.ok) { var j = await r.json(); try { localStorage.setItem(cacheKey, JSON.stringify(j)); } catch (e) {} return { keys: j.keys || [], cached: false }; }
    if (r.status === 404) return { keys: [], cached: false };
  } catch (e) {}
  try { var c = localStorage.getItem(cacheKey); if (c) return { keys: JSON.parse(c).keys || [], cached: true }; } catch (e) {}
  return null;
}
async function signedBy(token, jwk) {
  var p = token.split('.');
  var key = await crypto.subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, { name: 'Ed25519' }, false, ['verify']);
  return crypto.subtle.verify({ name: 'Ed25519' }, key, bytes(p[2]), new TextEncoder().encode(p[0] + '.' + p[1]));
}
async function verifyWithKeys(token, keys) {
  var h = parse(token).header;
  if (h.alg !== 'EdDSA' || h.typ !== 'vc+jwt') return false;
  var jwk = keys.filter(function (k) { return k.kid === h.kid; })[0];
  return jwk ? signedBy(token, jwk) : false;
}
async function revoked(c, issuer, keys) {
  var status = c.credentialStatus;
  if (!status || status.statusListCredential !== issuer + '/status') return null;
  try {
    var r = await fetch(status.statusListCredential, { cache: 'no-cache' });
    if (!r.ok) return null;
    var token = (await r.text()).trim();
    if (!(await verifyWithKeys(token, keys))) return null;
    var encoded = parse(token).payload.credentialSubject.encodedList;
    if (encoded.charAt(0) !== 'u') return null;
    var stream = new Blob([bytes(encoded.slice(1))]).stream().pipeThrough(new DecompressionStream('gzip'));
    var list = new Uint8Array(await new Response(stream).arrayBuffer());
    var i = Number(status.statusListIndex);
    if (!(i >= 0) || i >= list.length * 8) return null;
    return (list[i >> 3] & (0x80 >> (i & 7))) !== 0;
  } catch (e) { return null; }
}
async function changedFields(token) {
  try {
    var r = await fetch('/api/v1/public/credentials/check', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jws: token }) });
    if (!r.ok) return null;
    return (await r.json()).changed;
  } catch (e) { return null; }
}
async function run() {
  if (!jws) return show('', S.noCredential);
  var read;
  try { read = parse(jws); } catch (e) { return show('bad', S.malformed); }
  var c = read.payload;
  render(c);
  var issuer = c.issuer && typeof c.issuer === 'object' ? c.issuer.id : c.issuer;
  var prefix = location.origin + '/credentials/';
  if (typeof issuer !== 'string' || issuer.indexOf(prefix) !== 0 || typeof read.header.kid !== 'string' || read.header.kid.indexOf(issuer + '#') !== 0) {
    var changedIssuer = await changedFields(jws);
    if (changedIssuer && changedIssuer.length) render(c, changedIssuer);
    return show('bad', S.foreignIssuer, changedIssuer && changedIssuer.length ? [S.changedFields + ' ' + changedIssuer.map(function (f) { return S.fields[f]; }).join(', ')] : []);
  }
  if (!window.crypto || !crypto.subtle) return show('warn', S.unsupported);
  var keys = await keysOf(issuer);
  if (!keys) return show('warn', S.keyUnknown);
  var ok;
  try { ok = await verifyWithKeys(jws, keys.keys); } catch (e) { return show('warn', S.unsupported); }
  if (!ok) {
    var changed = await changedFields(jws);
    if (changed && changed.length) {
      render(c, changed);
      return show('bad', S.tampered, [S.signatureBad, S.changedFields + ' ' + changed.map(function (f) { return S.fields[f]; }).join(', ')]);
    }
    return show('bad', S.tampered, [S.signatureBad, S.changedUnknown]);
  }
  var lines = [S.signatureOk];
  if (keys.cached) lines.push(S.keyFromCache);
  var now = Date.now();
  if (c.validFrom && Date.parse(c.validFrom) > now) return show('bad', S.notYetValid, lines);
  if (c.validUntil && Date.parse(c.validUntil) < now) return show('bad', S.expired, lines);
  lines.push(c.validUntil ? S.notExpired : S.noExpiry);
  var isRevoked = await revoked(c, issuer, keys.keys);
  if (isRevoked === true) return show('bad', S.revoked, lines);
  if (isRevoked === null) { lines.push(S.revocationUnknown); return show('warn', S.validOffline, lines); }
  lines.push(S.notRevoked);
  show('ok', S.valid, lines);
}
// The worker keeps the page, its script and the issuers' keys for the next visit offline (verify-worker.ts).
if (typeof navigator !== 'undefined' && navigator.serviceWorker) navigator.serviceWorker.register('/verify/sw.js', { scope: '/verify' }).catch(function () {});
window.addEventListener('hashchange', function () { location.reload(); });
run().catch(function () { show('bad', S.malformed); });
})();
`;
