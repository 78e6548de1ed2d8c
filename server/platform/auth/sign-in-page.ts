import escape from 'escape-html';
import type { TFunction } from 'i18next';
import { LOCALES } from '../../../contracts/role-list.js';

/**
 * The sign-in page, written by the server as the public pages are (light
 * HTML, no script, phone first, controls 44 px high) rather than drawn by the
 * web app: rendering the app cost a phone more than a second of work before
 * the form could be used (issue 14, bench/RESULTS.md). A plain form posted
 * back to /sign-in; the app's own pages (sign-up, a forgotten password) are
 * linked as they were. Colours as the app's: teal shade 9, text at WCAG AA.
 */
const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1b1e;background:#f8f9fa}
.frame{max-width:26.25rem;margin:0 auto;padding:1rem}header{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:0 .5rem}
.brand{font-weight:700;font-size:1.125rem;color:#087f5b;margin:0}nav a{display:inline-block;min-width:44px;min-height:44px;line-height:44px;text-align:center;color:#1864ab}
nav a[aria-current]{font-weight:700;color:#1a1b1e}main{background:#fff;border:1px solid #dee2e6;border-radius:8px;padding:1.25rem;box-shadow:0 1px 3px rgba(0,0,0,.05)}
h1{font-size:1.25rem;margin:0 0 1rem}label{display:block;font-weight:600;font-size:.9rem;margin:0 0 .25rem}
input{display:block;width:100%;min-height:44px;font:inherit;padding:.5rem .65rem;border:1px solid #868e96;border-radius:6px;background:#fff;margin:0 0 1rem}
input[aria-invalid=true]{border-color:#c92a2a;margin-bottom:.25rem}.field-error{color:#c92a2a;font-size:.875rem;margin:0 0 1rem}
button{display:block;width:100%;min-height:44px;font:inherit;font-weight:600;color:#fff;background:#087f5b;border:0;border-radius:6px;cursor:pointer}button:hover{background:#06664a}
.alert{border:1px solid #c92a2a;border-left-width:4px;border-radius:6px;background:#fff5f5;color:#a61e1e;font-weight:600;padding:.75rem;margin:0 0 1rem}
.links{display:flex;flex-wrap:wrap;justify-content:space-between;gap:0 1rem;margin:.75rem 0 0}.links a{display:inline-block;min-height:44px;line-height:44px;font-size:.9rem;color:#1864ab}`;

export interface SignInPageOptions {
  /** Where the form posts: /sign-in with the `next` it was opened with. */
  action: string;
  /** The page's address in another language: /sign-in?lang=…, keeping `next`. */
  inLanguage: (locale: string) => string;
  /** The token this browser's form carries back (sign-in-page-routes.ts). */
  formToken: string;
  /** The address typed before a refusal; never the password. */
  email?: string;
  /** Why the sign-in was refused, in the page's language. */
  problem?: string;
  /** Messages on the fields themselves (nothing typed, not an address). */
  emailProblem?: string | undefined;
  passwordProblem?: string | undefined;
}

/** A field's own message, read with the field (aria-describedby) and marked on it. */
function fieldProblem(id: string, message: string | undefined) {
  if (!message) return { state: '', text: '' };
  return { state: ` aria-invalid="true" aria-describedby="${id}-error"`, text: `<p class="field-error" id="${id}-error">${escape(message)}</p>` };
}

export function signInPage(t: TFunction, locale: string, opts: SignInPageOptions) {
  const title = t('auth.signIn.title');
  const languages = `<nav aria-label="${escape(t('ui.language'))}">${LOCALES.map((l) => `<a href="${escape(opts.inLanguage(l))}" hreflang="${l}" lang="${l}"${l === locale ? ' aria-current="true"' : ''}>${l.toUpperCase()}</a>`).join('')}</nav>`;
  const problem = opts.problem ? `<div class="alert" role="alert">${escape(opts.problem)}</div>` : '';
  const onEmail = fieldProblem('email', opts.emailProblem);
  const onPassword = fieldProblem('password', opts.passwordProblem);
  // The one thing to do here: the cursor waits in the e-mail field, or, the address kept after a
  // refusal and not itself in question, in the password field, which is what is typed again.
  const onPasswordFirst = !!opts.email && !opts.emailProblem;
  const form = `<form method="post" action="${escape(opts.action)}">
<input type="hidden" name="formToken" value="${escape(opts.formToken)}">
<label for="email">${escape(t('auth.email'))}</label>
<input id="email" name="email" type="email" autocomplete="username" autocapitalize="none" spellcheck="false" required maxlength="254"${onPasswordFirst ? '' : ' autofocus'} value="${escape(opts.email ?? '')}"${onEmail.state}>${onEmail.text}
<label for="password">${escape(t('auth.password'))}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required maxlength="200"${onPasswordFirst ? ' autofocus' : ''}${onPassword.state}>${onPassword.text}
<button type="submit">${escape(t('auth.signIn.submit'))}</button>
</form>
<p class="links"><a href="/forgot-password">${escape(t('auth.signIn.forgot'))}</a><a href="/sign-up">${escape(t('auth.signIn.register'))}</a></p>`;
  return `<!doctype html><html lang="${escape(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(`${title} · Roundtable`)}</title><meta name="description" content="${escape(t('auth.signIn.description'))}"><style>${STYLE}</style></head><body><div class="frame"><header><p class="brand">Roundtable</p>${languages}</header><main><h1>${escape(title)}</h1>${problem}${form}</main></div></body></html>`;
}
