import en from './en.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };
import es from './es.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };

// One catalogue per language, shared by the server (errors, mail) and the
// web app. `en` is the reference: the other catalogues must have its keys.
export type Catalogue = typeof en;
export const catalogues: Record<'en' | 'fr' | 'es' | 'ru', Catalogue> = { en, fr, es, ru };
