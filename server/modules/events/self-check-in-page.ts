import escape from 'escape-html';
import type { TFunction } from 'i18next';
import { languageLinks } from '../../platform/http/language-links.js';
import type { ClockFormat } from '../../platform/time.js';
import type { SelfCheckInEvent } from './self-check-in-service.js';

/**
 * The page a participant's phone opens from the QR code staff show at the
 * venue: light HTML the server writes (no script, no sign-in), phone first,
 * controls 44 px high, one plain form posted back to the same address (the
 * content security policy allows forms to our own origin), as the LED pages.
 */
const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1b1e;background:#f8f9fa}
header,main{max-width:30rem;margin:0 auto;padding:1rem}h1{font-size:1.35rem;margin:0 0 .25rem}p{margin:0 0 .75rem}.muted{color:#495057}
form{background:#fff;border:1px solid #dee2e6;border-radius:8px;padding:1rem;margin:0 0 1rem}label{display:block;font-weight:600;margin-bottom:.35rem}
input[type=text]{width:100%;min-height:44px;font:inherit;padding:.5rem;border:1px solid #adb5bd;border-radius:6px;margin-bottom:.75rem;background:#fff}
button{min-height:44px;width:100%;font:inherit;font-weight:600;color:#fff;background:#1971c2;border:0;border-radius:6px}
.box{border-radius:8px;padding:1rem;border:2px solid #adb5bd;background:#fff;font-weight:600;margin:0 0 1rem}.box.ok{border-color:#2b8a3e;background:#ebfbee;color:#1b5e20}
.box.bad{border-color:#c92a2a;background:#fff5f5;color:#a61e1e}nav a{display:inline-block;min-height:44px;line-height:44px;min-width:44px;margin-right:.75rem;color:#1864ab}`;

function page(locale: string, title: string, body: string) {
  return `<!doctype html><html lang="${escape(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><meta name="referrer" content="no-referrer"><title>${escape(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

export interface SelfCheckInPageOptions {
  /** The page's own address with its code (and language), where the form posts. */
  action: string;
  /** The same without its language, for the links to the page in each language. */
  linksPath: string;
  /** The languages the organisation speaks, for the links to the page in each. */
  languages: string[];
  /** What was typed, shown again under a refusal. */
  typed?: string;
  /** A refusal or a success to show above the form (a success shows no form). */
  notice?: { kind: 'ok' | 'bad'; text: string };
}

/** The event the code opened and the form to say who one is (the code on one's ticket, or the e-mail or phone one registered with). */
export function selfCheckInFormPage(t: TFunction, locale: string, f: ClockFormat, event: SelfCheckInEvent, opts: SelfCheckInPageOptions) {
  const title = t('events.selfCheckIn.page.title');
  const notice = opts.notice ? `<div class="box ${opts.notice.kind}" role="${opts.notice.kind === 'bad' ? 'alert' : 'status'}">${escape(opts.notice.text)}</div>` : '';
  const form = opts.notice?.kind === 'ok' ? '' : `<form method="post" action="${escape(opts.action)}">
<label for="who">${escape(t('events.selfCheckIn.page.who'))}</label>
<p class="muted" id="who-help">${escape(t('events.selfCheckIn.page.whoHelp'))}</p>
<input id="who" name="who" type="text" required maxlength="254" autocomplete="email" autocapitalize="none" spellcheck="false" aria-describedby="who-help" value="${escape(opts.typed ?? '')}">
<button type="submit">${escape(t('events.selfCheckIn.page.submit'))}</button></form>`;
  return page(locale, `${title} · ${event.title}`, `<header>${languageLinks(opts.languages, opts.linksPath, t('events.selfCheckIn.page.languages'))}<p class="muted">${escape(event.orgName)}</p>
<h1>${escape(event.title)}</h1><p>${escape(f.meetingTime(event.startsAt))}${event.venue ? ` · ${escape(event.venue)}` : ''}</p></header>
<main>${notice}${form}</main>`);
}

/** A code refused (expired, forged, of an event not there) or an event not open today: the message alone, nothing of the event. */
export function selfCheckInMessagePage(t: TFunction, locale: string, message: string) {
  const title = t('events.selfCheckIn.page.title');
  return page(locale, title, `<header><h1>${escape(title)}</h1></header><main><div class="box bad" role="alert">${escape(message)}</div></main>`);
}
