import en from './en.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };
import es from './es.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import respondEn from './respond/en.json' with { type: 'json' };
import respondFr from './respond/fr.json' with { type: 'json' };
import respondEs from './respond/es.json' with { type: 'json' };
import respondRu from './respond/ru.json' with { type: 'json' };
import { withAnswers, type Catalogue } from './with-answers.js';

// One catalogue per language, shared by the server (errors, mail) and the
// web app. `en` is the reference: the other catalogues must have its keys.
// The respondent page loads only its own small catalogue (respond/*.json);
// the messages about answers live there once and are errors here too.
export type { Catalogue };
export const catalogues: Record<'en' | 'fr' | 'es' | 'ru', Catalogue> = {
  en: withAnswers(en, respondEn),
  fr: withAnswers(fr as typeof en, respondFr),
  es: withAnswers(es as typeof en, respondEs),
  ru: withAnswers(ru as typeof en, respondRu),
};
export const respondCatalogues = { en: respondEn, fr: respondFr, es: respondEs, ru: respondRu };
