import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../contracts/audit.js';
import en from '../../locales/en.json' with { type: 'json' };
import fr from '../../locales/fr.json' with { type: 'json' };
import ru from '../../locales/ru.json' with { type: 'json' };
import { auditChanges, fieldInWords, recordPath, recordTypeLabel, type AuditReaders } from './audit-change.js';

const FIRM = '0b7f1c5e-6a43-4b0e-9d7b-3f4c9d0e2a11';
const GONE = '9c1d2e3f-4a5b-4c6d-8e7f-a0b1c2d3e4f5';

async function readers(lng: 'en' | 'fr' | 'ru'): Promise<AuditReaders> {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: { en: { translation: en }, fr: { translation: fr }, ru: { translation: ru } }, fallbackLng: 'en' });
  return {
    t: i18n.t,
    date: (iso) => new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso)),
    dateTime: (iso) => new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso)),
    number: (n) => new Intl.NumberFormat(lng).format(n),
    money: (minor) => new Intl.NumberFormat(lng, { style: 'currency', currency: 'GHS' }).format(minor / 100),
    region: (code) => ({ 'GH-AH': 'Ashanti', 'GH-AA': 'Greater Accra' })[code] ?? code,
    sector: (code) => (code === '1079' ? '1079 — Manufacture of other food products n.e.c.' : code),
    country: (code) => new Intl.DisplayNames([lng], { type: 'region' }).of(code) ?? code,
    currency: (code) => new Intl.DisplayNames([lng], { type: 'currency' }).of(code) ?? code,
    language: (code) => new Intl.DisplayNames([lng], { type: 'language' }).of(code) ?? code,
  };
}

const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  id: 1, at: '2026-03-04T10:00:00.000Z', actorName: 'Ama', action: 'member.update', entityType: 'member', entityId: FIRM,
  entityName: 'Bonwire Kente', entityExists: true, refs: {}, before: null, after: null, ...over,
});

describe('an audit entry’s change in words', () => {
  it('labels each field as the record’s own page does and reads codes, dates and flags as names, in the reader’s language', async () => {
    const r = await readers('fr');
    const rows = auditChanges(entry({
      before: { legalName: 'Bonwire Kente', region: 'GH-AA', sizeClass: 'micro', womenLed: false, renewalDueOn: '2026-01-31', status: 'active', version: 3 },
      after: { legalName: 'Bonwire Kente Weavers', region: 'GH-AH', sizeClass: 'small', womenLed: true, renewalDueOn: '2027-01-31', status: 'lapsed', version: 4 },
    }), r);
    expect(rows.map((c) => [c.label, c.before?.text, c.after?.text])).toEqual([
      [fr.members.legalName, 'Bonwire Kente', 'Bonwire Kente Weavers'],
      [fr.members.region, 'Greater Accra', 'Ashanti'],
      [fr.audit.fields.sizeClass, fr.members.sizes.micro, fr.members.sizes.small],
      [fr.members.womenLed, fr.ui.no, fr.ui.yes],
      [fr.members.renewalDueOn, r.date('2026-01-31'), r.date('2027-01-31')],
      [fr.members.status, fr.members.statuses.active, fr.members.statuses.lapsed],
    ]);
    // Bookkeeping (the row's version) is not shown.
    expect(rows.some((c) => c.field === 'version')).toBe(false);
    // A code with dots kept as one key: an indicator of the results library.
    const indicator = auditChanges(entry({ action: 'results_indicator.create', entityType: 'results_indicator', before: null, after: { library: 'advocacy.yearly_saving' } }), r);
    expect(indicator.map((c) => c.after?.text)).toEqual([fr.results.library['advocacy.yearly_saving']]);
  });

  it('names the records an entry points at, links them, and never shows an id, even of a record that is gone', async () => {
    const r = await readers('en');
    const [firm, gone] = auditChanges(entry({
      entityType: 'member_issue', action: 'member_issue.firm_add',
      refs: { [FIRM]: { type: 'member', name: 'Kumasi Auto Repairs' } },
      after: { memberId: FIRM, sourceId: GONE },
    }), r);
    expect(firm).toMatchObject({ label: 'Member firm', before: null, after: { text: 'Kumasi Auto Repairs', record: { type: 'member', id: FIRM } } });
    expect(gone!.after).toEqual({ text: en.audit.otherRecord });
    expect(JSON.stringify(auditChanges(entry({ after: { memberId: GONE } }), r))).not.toContain(GONE);
  });

  it('reads nested values, lists and money without JSON, and a label that is a sentence or template falls back to the log’s own', async () => {
    const r = await readers('en');
    const rows = auditChanges(entry({
      entityType: 'invoice', action: 'payment.record',
      after: { amount: 125000, method: 'mobile_money', paidOn: '2026-02-01', tags: ['cassava', 'export'] },
    }), r);
    expect(rows.map((c) => c.after?.text)).toEqual([r.money(125000), en.members.invoices.methods.mobile_money, r.date('2026-02-01'), 'cassava, export']);
    const merged = auditChanges(entry({ entityType: 'person_reached', action: 'person_reached.merge', before: { merged: { name: 'Abena', sex: 'female', phoneKey: 'x', id: GONE } } }), r);
    expect(merged[0]!.label).toBe(en.audit.fields.merged);
    expect(merged[0]!.before!.text).toBe(`${en.peopleReached.name}: Abena; ${en.peopleReached.sex}: ${en.peopleReached.sexes.female}; Phone key: x`);
    const turnover = auditChanges(entry({ before: { turnover: 1000 }, after: { turnover: 2000 } }), r);
    expect(turnover[0]!.label).toBe(en.audit.fields.turnover);
    expect(turnover[0]!.after!.text).toBe(r.money(2000));
    const tier = auditChanges(entry({ entityType: 'membership_tier', action: 'tier.create', after: { name: 'Gold', fees: { micro: 5000, small: 10000 }, description: '' } }), r);
    expect(tier.map((c) => [c.label, c.after?.text])).toEqual([[en.members.tiers.name, 'Gold'], [en.audit.fields.fees, `${en.members.sizes.micro}: ${r.money(5000)}; ${en.members.sizes.small}: ${r.money(10000)}`]]);
    for (const c of [...rows, ...merged, ...turnover]) expect(`${c.before?.text ?? ''}${c.after?.text ?? ''}`).not.toMatch(/[{}[\]"]/);
  });

  it('labels the showcase\'s and the information service\'s fields and names their codes, regions and countries', async () => {
    const r = await readers('fr');
    const product = auditChanges(entry({
      action: 'networking_product.create', entityType: 'networking_product',
      after: { memberId: FIRM, producerGroup: '', name: 'Kente', hsCode: '6214', originPlace: 'Bonwire', originRegion: 'GH-AH' },
    }), r);
    expect(product.map((c) => [c.label, c.after?.text])).toEqual([
      [fr.audit.fields.memberId, fr.audit.otherRecord], [fr.audit.fields.name, 'Kente'], [fr.audit.fields.hsCode, '6214'],
      [fr.audit.fields.originPlace, 'Bonwire'], [fr.audit.fields.originRegion, 'Ashanti'],
    ]);
    const moved = auditChanges(entry({ action: 'networking_product.publish', entityType: 'networking_product', before: { state: 'submitted' }, after: { state: 'published' } }), r);
    expect(moved.map((c) => [c.before?.text, c.after?.text])).toEqual([[fr.networking.showcase.states.submitted, fr.networking.showcase.states.published]]);
    const info = auditChanges(entry({
      action: 'networking_info_entry.create', entityType: 'networking_info_entry',
      after: { type: 'export_requirements', title: 'Shea to the EU', source: 'EU', reviewOn: '2026-06-01', sectors: ['1079'], hsCodes: ['151590'], countries: ['FR'] },
    }), r);
    expect(info.map((c) => [c.label, c.after?.text])).toEqual([
      [fr.audit.fields.type, fr.networkingInfo.types.export_requirements], [fr.audit.fields.title, 'Shea to the EU'], [fr.audit.fields.source, 'EU'],
      [fr.audit.fields.reviewOn, r.date('2026-06-01')], [fr.audit.fields.sectors, r.sector('1079')], [fr.audit.fields.hsCodes, '151590'], [fr.audit.fields.countries, r.country('FR')],
    ]);
    const subscription = auditChanges(entry({ action: 'networking_info_subscription.save', entityType: 'member', after: { active: true, types: ['finance', 'trade_fair'] } }), r);
    expect(subscription.map((c) => [c.label, c.after?.text])).toEqual([[fr.audit.fields.active, fr.ui.yes], [fr.audit.fields.types, `${fr.networkingInfo.types.finance}, ${fr.networkingInfo.types.trade_fair}`]]);
  });

  it('names every type of record in every language and opens those that have a page', async () => {
    const r = await readers('ru');
    expect(recordTypeLabel(r.t, 'meeting')).toBe(ru.audit.types.meeting);
    expect(recordTypeLabel(r.t, 'something_new')).toBe('Something new');
    expect(fieldInWords('consentToContact')).toBe('Consent to contact');
    expect(recordPath('member', FIRM)).toBe(`/members/${FIRM}`);
    expect(recordPath('invoice', FIRM)).toBeNull();
    expect(recordPath('event', FIRM)).toBe(`/events/${FIRM}`);
  });

  it('reads an event’s and a registration’s codes by the events pages’ names, and fees as money', async () => {
    const r = await readers('fr');
    const event = auditChanges(entry({ action: 'event.update', entityType: 'event', before: { kind: 'workshop', state: 'draft', audience: 'members' }, after: { kind: 'trade_fair', state: 'cancelled', audience: 'public', fee: 25_50 } }), r);
    expect(event.map((c) => [c.before?.text ?? null, c.after?.text])).toEqual([
      [fr.events.kinds.workshop, fr.events.kinds.trade_fair], [fr.events.states.draft, fr.events.states.cancelled],
      [fr.events.audiences.members, fr.events.audiences.public], [null, r.money(25_50)],
    ]);
    const reg = auditChanges(entry({ action: 'event_registration.cancel', entityType: 'event_registration', before: { status: 'registered' }, after: { status: 'cancelled', kind: 'member_staff' } }), r);
    expect(reg.map((c) => c.after?.text)).toEqual([fr.events.statuses.cancelled, fr.events.registrantKinds.member_staff]);
  });
});
