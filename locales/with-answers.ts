import type en from './en.json';
import type respondEn from './respond/en.json';

// The messages about answers live once, in the respondent page's catalogue
// (respond/*.json), and are errors of the main catalogue too. Apart from
// index.ts so that the web app can load one language without the others.
export const withAnswers = <T extends typeof en>(main: T, respond: typeof respondEn) => ({ ...main, errors: { ...main.errors, survey: respond.survey } });
export type Catalogue = ReturnType<typeof withAnswers<typeof en>>;
