import escape from 'escape-html';
import type { TFunction } from 'i18next';

/**
 * The follow-up form a lead partner opens from the mailed link: one light HTML
 * page, no sign-in, no script, read on a phone. A plain form posted back to the
 * same address (the content security policy allows forms to our own origin).
 */
const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1b1e;background:#f8f9fa}
header,main{max-width:36rem;margin:0 auto;padding:1rem}h1{font-size:1.35rem;margin:0 0 .25rem}p{margin:0 0 .75rem}.muted{color:#495057}
form{background:#fff;border:1px solid #dee2e6;border-radius:8px;padding:1rem}fieldset{border:0;margin:0 0 1rem;padding:0}
legend,label.field{display:block;font-weight:600;margin-bottom:.35rem}.choice{display:flex;align-items:center;gap:.5rem;min-height:44px}
.choice input{width:22px;height:22px}input[type=number],input[type=text],textarea{width:100%;min-height:44px;font:inherit;padding:.5rem;border:1px solid #adb5bd;border-radius:6px;margin-bottom:1rem}
button{min-height:44px;width:100%;font:inherit;font-weight:600;color:#fff;background:#1971c2;border:0;border-radius:6px}
.box{border-radius:8px;padding:1rem;border:2px solid #adb5bd;background:#fff;font-weight:600}.box.ok{border-color:#2b8a3e;background:#ebfbee;color:#1b5e20}
.box.bad{border-color:#c92a2a;background:#fff5f5;color:#a61e1e}`;

function page(locale: string, title: string, body: string) {
  return `<!doctype html><html lang="${escape(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><meta name="referrer" content="no-referrer"><title>${escape(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

export function followUpFormPage(t: TFunction, locale: string, form: { title: string; orgName: string; months: number }, action: string) {
  const title = t('led.followUpPage.title');
  const yes = t('led.followUpPage.yes');
  const no = t('led.followUpPage.no');
  return page(locale, title, `<header><h1>${escape(title)}</h1><p class="muted">${escape(t('led.followUpPage.intro', { title: form.title, orgName: form.orgName, months: form.months }))}</p></header>
<main><form method="post" action="${escape(action)}">
<fieldset><legend>${escape(t('led.followUpPage.stillEffective'))}</legend>
<label class="choice"><input type="radio" name="stillEffective" value="yes" required> ${escape(yes)}</label>
<label class="choice"><input type="radio" name="stillEffective" value="no"> ${escape(no)}</label></fieldset>
<label class="field" for="jobsKept">${escape(t('led.followUpPage.jobsKept'))}</label><input id="jobsKept" name="jobsKept" type="number" min="0" max="1000000" inputmode="numeric">
<label class="field" for="whoPays">${escape(t('led.followUpPage.whoPays'))}</label><input id="whoPays" name="whoPays" type="text" maxlength="500">
<label class="field" for="note">${escape(t('led.followUpPage.note'))}</label><textarea id="note" name="note" rows="3" maxlength="5000"></textarea>
<button type="submit">${escape(t('led.followUpPage.send'))}</button></form></main>`);
}

export function followUpMessagePage(t: TFunction, locale: string, kind: 'ok' | 'bad', message: string) {
  const title = t('led.followUpPage.title');
  return page(locale, title, `<header><h1>${escape(title)}</h1></header><main><div class="box ${kind}" role="status">${escape(message)}</div></main>`);
}
