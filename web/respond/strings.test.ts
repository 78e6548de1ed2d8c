import { describe, expect, it } from 'vitest';
import { pageLanguage, preferredLanguage } from './strings.js';

describe('the respondent page’s languages', () => {
  it('lets the form decide what is offered, and words its own buttons in the same language where one ships', () => {
    // A Hindi reader on a Hindi and English form: the form in Hindi, the buttons in English.
    const form = preferredLanguage(['hi', 'en'], ['hi-IN', 'en-GB']);
    expect(form).toBe('hi');
    expect(pageLanguage(form)).toBe('en');
    // A French reader on an English and French form: both in French.
    expect(pageLanguage(preferredLanguage(['en', 'fr'], ['fr-FR']))).toBe('fr');
    // A Russian reader on a form only in Spanish: the form's language, not the reader's.
    expect(preferredLanguage(['es'], ['ru-RU'])).toBe('es');
    expect(pageLanguage('es')).toBe('es');
    expect(pageLanguage('ru')).toBe('ru');
  });
});
