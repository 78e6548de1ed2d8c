import escape from 'escape-html';

/**
 * The links of a public page the server writes (reform tracker, directory,
 * LED page) to itself in each language the organisation speaks (`?lang=`,
 * after the page's own query if it has one); nothing when it speaks one.
 */
export function languageLinks(languages: readonly string[], path: string, label: string) {
  if (languages.length < 2) return '';
  const joiner = path.includes('?') ? '&' : '?';
  return `<nav aria-label="${escape(label)}">${languages.map((l) => `<a href="${escape(`${path}${joiner}lang=${l}`)}" hreflang="${l}" lang="${l}">${l.toUpperCase()}</a>`).join('')}</nav>`;
}
