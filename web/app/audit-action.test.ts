import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json' with { type: 'json' };
import fr from '../../locales/fr.json' with { type: 'json' };
import { auditActionLabel } from './audit-action.js';

describe('the words of an audit entry’s action', () => {
  it('reads an advocacy step as the issue’s history does, other actions by their label, and an unknown one by its code', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'fr', resources: { en: { translation: en }, fr: { translation: fr } }, fallbackLng: 'en' });
    expect(auditActionLabel(i18n.t, 'advocacy_issue.published')).toBe(fr.advocacy.events.published);
    expect(auditActionLabel(i18n.t, 'forum.member_add')).toBe('Membre du forum ajouté');
    expect(auditActionLabel(i18n.t, 'something.new')).toBe('something.new');
  });
});
