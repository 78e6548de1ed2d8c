import { describe, expect, it } from 'vitest';
import type { LedComparison, LedMatrix, LedRegionDetail } from '../../../contracts/led.js';
import type { MeasureDetail } from '../../../contracts/led-implementation.js';
import { Client, useTestApp } from '../../test/app.js';
import { eq, sql } from 'drizzle-orm';
import { withSystem } from '../../platform/db/tenancy.js';
import { translator } from '../../platform/i18n/i18n.js';
import { sendFollowUps } from './follow-up-service.js';
import { ledFollowUps } from './tables.js';
import { createMemberFirm, createOrg, createPerson } from '../../test/factories.js';

const t = useTestApp();
const ghana = { country: 'GH', regions: ['GH-AA', 'GH-NP'] };
const settings = { microMaxEmployees: 5, smallMaxEmployees: 29, mediumMaxEmployees: 99, microMaxTurnover: null, smallMaxTurnover: null, mediumMaxTurnover: null };

describe('LED regions and teams', () => {
  it('takes subdivisions of the country and its own districts, run by its own branches', async () => {
    const { admin } = await createOrg(t.app, ghana);
    const viewer = (await createPerson(t.app, (await admin.get('/api/v1/org')).json().id, 'viewer')).client;
    expect((await admin.put('/api/v1/members/settings', { ...settings, districts: [{ region: 'GH-NP', name: 'Tamale Metropolitan' }] })).statusCode).toBe(200);
    const abroad = await admin.post('/api/v1/led/regions', { name: 'Lomé', region: 'TG-M' });
    expect(abroad.json().errors).toEqual([expect.objectContaining({ path: 'region', code: 'led.region_not_in_org' })]);
    const unknown = await admin.post('/api/v1/led/regions', { name: 'Bolga', region: 'GH-AA', district: 'Tamale Metropolitan', branchId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.json().errors.map((e: { code: string }) => e.code).sort()).toEqual(['led.branch_not_ours', 'led.district_unknown']);

    const branch = (await admin.post('/api/v1/org/branches', { name: 'Northern branch', kind: 'chamber', country: 'GH', regions: ['GH-NP'], languages: ['en'], currency: 'GHS', shareMemberDataUpward: false })).json();
    const tamale = await admin.post('/api/v1/led/regions', { name: 'Tamale', region: 'GH-NP', district: 'tamale metropolitan', branchId: branch.id, narrative: 'Shea and rice.' });
    expect(tamale.statusCode).toBe(201);
    expect(tamale.json()).toMatchObject({ name: 'Tamale', region: 'GH-NP', district: 'tamale metropolitan', branchName: 'Northern branch', team: [], measureList: [] });
    expect((await admin.post('/api/v1/led/regions', { name: 'Greater Accra', region: 'GH-AA' })).statusCode).toBe(201);
    expect((await viewer.get('/api/v1/led/regions')).json().items.map((r: { name: string }) => r.name)).toEqual(['Greater Accra', 'Tamale']);
    expect((await viewer.post('/api/v1/led/regions', { name: 'Nope', region: 'GH-AA' })).statusCode).toBe(403);
    // The audit log names the region.
    const audit = (await admin.get(`/api/v1/audit?entityType=led_region&entityId=${tamale.json().id}`)).json();
    expect(audit.items.map((e: { action: string; entityName: string }) => [e.action, e.entityName])).toEqual([['led_region.create', 'Tamale']]);
  });

  it('draws the team from member contacts and the decision-makers directory, or takes people typed in', async () => {
    const { admin } = await createOrg(t.app, ghana);
    const region = (await admin.post('/api/v1/led/regions', { name: 'Accra', region: 'GH-AA' })).json() as LedRegionDetail;
    const firm = await createMemberFirm(admin, { legalName: 'Shea Gold Ltd' });
    const contact = (await admin.post(`/api/v1/members/${firm.id}/contacts`, { name: 'Akua Boateng', role: 'Managing director', email: 'akua@example.test', consentToContact: true })).json();
    const official = (await admin.post('/api/v1/decision-makers', { name: 'Kofi Ansah', email: 'kofi@trade.gov.example' })).json();
    const other = await createOrg(t.app, ghana);
    const foreignFirm = await createMemberFirm(other.admin);
    const foreignContact = (await other.admin.post(`/api/v1/members/${foreignFirm.id}/contacts`, { name: 'Not ours', consentToContact: false })).json();

    const url = `/api/v1/led/regions/${region.id}/team`;
    expect((await admin.post(url, { sector: 'private', memberId: foreignFirm.id, contactId: foreignContact.id })).json().errors[0]).toMatchObject({ path: 'contactId', code: 'led.contact_not_found' });
    expect((await admin.post(url, { sector: 'private', contactId: contact.id })).json().errors[0]).toMatchObject({ path: 'contactId', code: 'led.contact_needs_firm' });
    expect((await admin.post(url, { sector: 'public' })).json().errors[0]).toMatchObject({ path: 'name', code: 'led.name_required' });
    await admin.post(url, { sector: 'private', memberId: firm.id, contactId: contact.id });
    await admin.post(url, { sector: 'public', body: 'committee', decisionMakerId: official.id, sectorKind: 'Ministry', role: 'Director' });
    const team = (await admin.post(url, { sector: 'semi_public', sectorKind: 'Bank', name: 'Ama Owusu', organisation: 'Rural bank of Ho' })).json().team;
    expect(team.map((m: { body: string; name: string; sector: string; organisation: string; firmName: string | null; email: string }) => [m.body, m.name, m.sector, m.organisation, m.firmName, m.email])).toEqual([
      ['committee', 'Kofi Ansah', 'public', '', null, 'kofi@trade.gov.example'],
      ['team', 'Akua Boateng', 'private', 'Shea Gold Ltd', 'Shea Gold Ltd', 'akua@example.test'],
      ['team', 'Ama Owusu', 'semi_public', 'Rural bank of Ho', null, ''],
    ]);
    const ama = team.find((m: { name: string }) => m.name === 'Ama Owusu');
    const edited = (await admin.put(`${url}/${ama.id}`, { sector: 'semi_public', sectorKind: 'NGO', name: 'Ama Owusu', body: 'committee' })).json();
    expect(edited.team.find((m: { id: string }) => m.id === ama.id)).toMatchObject({ body: 'committee', sectorKind: 'NGO' });
    expect((await admin.delete(`${url}/${ama.id}`)).json().team).toHaveLength(2);
    // Another organisation's region and member are not found.
    expect((await other.admin.post(url, { sector: 'public', name: 'X' })).statusCode).toBe(404);
  });
});

describe('regional profile', () => {
  it('counts the registry’s firms by section and size live, and puts regions side by side', async () => {
    const { admin } = await createOrg(t.app, ghana);
    await admin.put('/api/v1/members/settings', { ...settings, districts: [{ region: 'GH-NP', name: 'Tamale Metropolitan' }, { region: 'GH-NP', name: 'Sagnarigu' }] });
    // The firms the test makes, with the section of their ISIC class and the size the registry gave them.
    const made: Array<{ region: string; district: string | null; section: string; size: string }> = [];
    const sectionOf: Record<string, string> = { '1079': 'C', '0111': 'A', '4711': 'G' };
    const plan: Array<[string, string | null, string | null, number]> = [
      ['GH-NP', 'Tamale Metropolitan', '1079', 3], ['GH-NP', 'Tamale Metropolitan', '0111', 12], ['GH-NP', 'Sagnarigu', '0111', 2],
      ['GH-NP', 'Tamale Metropolitan', null, 40], ['GH-AA', null, '4711', 150], ['GH-AA', null, '1079', 1], ['GH-NP', 'Tamale Metropolitan', '4711', 0],
    ];
    for (const [region, district, isicClass, employees] of plan) {
      const firm = await createMemberFirm(admin, { region, district, isicClass, employeesFemale: employees, employeesMale: 0 });
      made.push({ region, district, section: isicClass ? sectionOf[isicClass]! : 'not_stated', size: firm.sizeClass ?? 'not_stated' });
    }
    const expected = (inPlace: typeof made) => {
      const tally = (key: 'section' | 'size') => Object.fromEntries([...new Set(inPlace.map((f) => f[key]))].map((k) => [k, inPlace.filter((f) => f[key] === k).length]));
      return { total: inPlace.length, bySector: tally('section'), bySize: tally('size') };
    };
    const asMaps = (f: LedRegionDetail['firms']) => ({ total: f.total, bySector: Object.fromEntries(f.bySector.map((s) => [s.sector, s.count])), bySize: Object.fromEntries(f.bySize.map((s) => [s.size, s.count])) });

    const tamale = (await admin.post('/api/v1/led/regions', { name: 'Tamale', region: 'GH-NP', district: 'Tamale Metropolitan' })).json() as LedRegionDetail;
    const north = (await admin.post('/api/v1/led/regions', { name: 'Northern', region: 'GH-NP' })).json() as LedRegionDetail;
    const accra = (await admin.post('/api/v1/led/regions', { name: 'Accra', region: 'GH-AA' })).json() as LedRegionDetail;
    expect(asMaps(tamale.firms)).toEqual(expected(made.filter((f) => f.district === 'Tamale Metropolitan')));
    expect(asMaps(north.firms)).toEqual(expected(made.filter((f) => f.region === 'GH-NP')));
    expect(asMaps(accra.firms)).toEqual(expected(made.filter((f) => f.region === 'GH-AA')));
    // Live: a new firm counts at once.
    await createMemberFirm(admin, { region: 'GH-AA', isicClass: '4711', employeesFemale: 2, employeesMale: 0 });
    expect((await admin.get(`/api/v1/led/regions/${accra.id}`)).json().firms.total).toBe(3);

    // Key figures always carry source and year.
    const noSource = await admin.post(`/api/v1/led/regions/${tamale.id}/figures`, { topic: 'population', label: 'Population', value: 374000 });
    expect(noSource.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['source', 'year']);
    await admin.post(`/api/v1/led/regions/${tamale.id}/figures`, { topic: 'population', label: 'Population', value: 371351, source: 'GSS census', year: 2010 });
    await admin.post(`/api/v1/led/regions/${tamale.id}/figures`, { topic: 'population', label: 'Population', value: 374744, source: 'GSS census', year: 2021 });
    const withFigures = (await admin.post(`/api/v1/led/regions/${tamale.id}/figures`, { topic: 'employment', label: 'Unemployment rate', value: 12.5, unit: '%', source: 'GLSS 7', year: 2017 })).json() as LedRegionDetail;
    expect(withFigures.keyFigures.map((f) => [f.label, f.value, f.year])).toEqual([['Unemployment rate', 12.5, 2017], ['Population', 371351, 2010], ['Population', 374744, 2021]]);

    const compared = (await admin.get(`/api/v1/led/compare?ids=${tamale.id},${accra.id}`)).json() as LedComparison;
    expect(compared.items.map((r) => r.name)).toEqual(['Tamale', 'Accra']);
    expect(compared.items[0]!.keyFigures.map((f) => [f.label, f.year])).toEqual([['Unemployment rate', 2017], ['Population', 2021]]);
    expect(compared.items[1]!.firms.total).toBe(3);
    expect((await admin.get('/api/v1/led/compare')).json().items).toHaveLength(3);
    expect((await admin.get('/api/v1/led/compare?ids=nope')).statusCode).toBe(400);
  });
});

describe('locational analysis matrix', () => {
  it('assesses each factor once a year, keeps every year as a version and sums it up', async () => {
    const { admin } = await createOrg(t.app, ghana);
    const region = (await admin.post('/api/v1/led/regions', { name: 'Accra', region: 'GH-AA' })).json() as LedRegionDetail;
    const url = `/api/v1/led/regions/${region.id}/matrix`;
    expect((await admin.get(url)).json()).toEqual({ years: [], year: null, items: [], summary: null });
    const against = await admin.post(url, { year: 2025, factor: 'finance', finding: 'strength', rating: -1 });
    expect(against.json().errors[0]).toMatchObject({ path: 'rating', code: 'led.rating_against_finding' });
    expect((await admin.post(url, { year: 2025, factor: 'finance', finding: 'weakness', rating: -3 })).statusCode).toBe(400);
    await admin.post(url, { year: 2025, factor: 'finance', finding: 'weakness', rating: -2, evidence: 'Rural banks lend at 35%', source: 'Bank of Ghana' });
    await admin.post(url, { year: 2025, factor: 'Tourism potential', finding: 'strength', rating: 1 });
    const m2025 = (await admin.post(url, { year: 2025, factor: 'infrastructure', finding: 'strength', rating: 2 })).json() as LedMatrix;
    expect(m2025.items.map((a) => a.factor)).toEqual(['infrastructure', 'finance', 'Tourism potential']);
    expect(m2025.summary).toEqual({ year: 2025, factors: 3, strengths: 2, weaknesses: 1, average: 0.33 });
    const twice = await admin.post(url, { year: 2025, factor: 'finance', finding: 'weakness', rating: -1 });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors[0]).toMatchObject({ path: 'factor', code: 'led.factor_assessed' });

    const copied = (await admin.post(`/api/v1/led/regions/${region.id}/matrix-copy`, { fromYear: 2025, toYear: 2026 })).json() as LedMatrix;
    expect(copied).toMatchObject({ years: [2026, 2025], year: 2026 });
    expect(copied.items).toHaveLength(3);
    const finance = copied.items.find((a) => a.factor === 'finance')!;
    const revised = (await admin.put(`${url}/${finance.id}`, { year: 2026, factor: 'finance', finding: 'weakness', rating: -1, evidence: 'A guarantee fund opened', source: 'Bank of Ghana' })).json() as LedMatrix;
    expect(revised.summary?.average).toBe(0.67);
    expect((await admin.get(`${url}?year=2025`)).json().items.find((a: { factor: string }) => a.factor === 'finance').rating).toBe(-2);
    expect((await admin.delete(`${url}/${finance.id}`)).json().items).toHaveLength(2);
    expect((await admin.get('/api/v1/led/compare')).json().items[0].matrix).toMatchObject({ year: 2026, factors: 2 });
  });
});

describe('bottlenecks and measures', () => {
  it('chooses measures for a region’s bottlenecks, at most a year long, with partners and a budget', async () => {
    const { admin } = await createOrg(t.app, ghana);
    const region = (await admin.post('/api/v1/led/regions', { name: 'Accra', region: 'GH-AA' })).json() as LedRegionDetail;
    const otherRegion = (await admin.post('/api/v1/led/regions', { name: 'North', region: 'GH-NP' })).json() as LedRegionDetail;
    const withBottleneck = (await admin.post(`/api/v1/led/regions/${region.id}/bottlenecks`, { title: 'No cold storage for fish', factor: 'infrastructure', evidence: 'Interviews with 12 traders' })).json() as LedRegionDetail;
    const bottleneck = withBottleneck.bottleneckList[0]!;
    const foreign = (await admin.post(`/api/v1/led/regions/${otherRegion.id}/bottlenecks`, { title: 'Roads' })).json().bottleneckList[0];
    const measure = {
      title: 'Shared solar cold room', bottleneckId: bottleneck.id, budget: 2_500_000, startsOn: '2026-03-01', endsOn: '2027-03-01',
      partners: [{ name: 'Fishmongers association', sector: 'semi_public' }, { name: 'Ga district assembly', sector: 'public' }, { name: 'SolarCo', sector: 'private' }],
    };
    const tooLong = await admin.post(`/api/v1/led/regions/${region.id}/measures`, { ...measure, endsOn: '2027-03-02' });
    expect(tooLong.json().errors).toEqual([expect.objectContaining({ path: 'endsOn', code: 'led.longer_than_a_year', message: expect.stringMatching(/year/) })]);
    expect((await admin.post(`/api/v1/led/regions/${region.id}/measures`, { ...measure, endsOn: '2026-02-28' })).json().errors[0].code).toBe('led.ends_before_start');
    expect((await admin.post(`/api/v1/led/regions/${region.id}/measures`, { ...measure, bottleneckId: foreign.id })).json().errors[0].code).toBe('led.bottleneck_of_other_region');
    const created = (await admin.post(`/api/v1/led/regions/${region.id}/measures`, measure)).json() as LedRegionDetail;
    expect(created.measureList).toEqual([expect.objectContaining({ title: 'Shared solar cold room', bottleneckTitle: 'No cold storage for fish', status: 'planned', budget: 2_500_000, endsOn: '2027-03-01' })]);
    expect(created.bottleneckList[0]!.measures).toBe(1);
    // 29 February: a year later is 28 February.
    expect((await admin.post(`/api/v1/led/regions/${region.id}/measures`, { ...measure, startsOn: '2028-02-29', endsOn: '2029-03-01' })).statusCode).toBe(400);
    expect((await admin.post(`/api/v1/led/regions/${region.id}/measures`, { ...measure, title: 'Leap', startsOn: '2028-02-29', endsOn: '2029-02-28' })).statusCode).toBe(200);
    const id = created.measureList[0]!.id;
    const effective = (await admin.put(`/api/v1/led/regions/${region.id}/measures/${id}`, { ...measure, status: 'effective' })).json() as LedRegionDetail;
    expect(effective.measureList.find((m) => m.id === id)!.status).toBe('effective');
    // Removing the bottleneck keeps its measure, untied.
    const after = (await admin.delete(`/api/v1/led/regions/${region.id}/bottlenecks/${bottleneck.id}`)).json() as LedRegionDetail;
    expect(after.measureList.find((m) => m.id === id)).toMatchObject({ bottleneckId: null, bottleneckTitle: null });
    expect((await admin.get(`/api/v1/led/regions/${otherRegion.id}`)).json().measureList).toEqual([]);
    expect((await admin.delete(`/api/v1/led/regions/${otherRegion.id}/measures/${id}`)).statusCode).toBe(404);
    expect((await admin.delete(`/api/v1/led/regions/${region.id}`)).json()).toEqual({ ok: true });
    expect((await admin.get(`/api/v1/led/regions/${region.id}`)).statusCode).toBe(404);
  });

  it('takes a regulatory bottleneck to advocacy once, as an issue with its evidence that says where it came from', async () => {
    const { admin, orgId } = await createOrg(t.app, ghana);
    const region = (await admin.post('/api/v1/led/regions', { name: 'Accra', region: 'GH-AA' })).json() as LedRegionDetail;
    const added = (await admin.post(`/api/v1/led/regions/${region.id}/bottlenecks`, {
      title: 'Fish traders need three permits to sell', kind: 'regulatory', description: 'District, fisheries and food authority each license the same stall.', evidence: '12 interviews, March',
    })).json() as LedRegionDetail;
    const [regulatory] = added.bottleneckList;
    expect(regulatory).toMatchObject({ kind: 'regulatory', advocacyIssueId: null });
    const market = (await admin.post(`/api/v1/led/regions/${region.id}/bottlenecks`, { title: 'No buyers for dried fish' })).json().bottleneckList.find((b: { title: string }) => b.title === 'No buyers for dried fish');
    expect(market.kind).toBe('locational');
    const take = (id: string) => admin.post(`/api/v1/led/regions/${region.id}/bottlenecks/${id}/advocacy`);
    const refused = await take(market.id);
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'led.bottleneck_not_regulatory']);
    // A viewer may read LED but not open advocacy issues.
    const viewer = await createPerson(t.app, orgId, 'viewer');
    expect((await viewer.client.post(`/api/v1/led/regions/${region.id}/bottlenecks/${regulatory!.id}/advocacy`)).statusCode).toBe(403);

    const taken = await take(regulatory!.id);
    expect(taken.statusCode, taken.body).toBe(201);
    const issue = (await admin.get(`/api/v1/advocacy-issues/${taken.json().advocacyIssueId}`)).json();
    expect(issue).toMatchObject({ title: 'Fish traders need three permits to sell', category: 'regulation', step: 'diagnostic', regions: ['GH-AA'] });
    expect(issue.problem).toBe('District, fisheries and food authority each license the same stall.\n\nEvidence: 12 interviews, March');
    expect(issue.history.find((e: { action: string }) => e.action === 'created')).toMatchObject({ action: 'created', note: 'From the LED analysis of Accra: bottleneck “Fish traders need three permits to sell”.' });
    const after = (await admin.get(`/api/v1/led/regions/${region.id}`)).json() as LedRegionDetail;
    expect(after.bottleneckList.find((b) => b.id === regulatory!.id)!.advocacyIssueId).toBe(taken.json().advocacyIssueId);
    // Once: a second click is refused, and no second issue is made.
    const again = await take(regulatory!.id);
    expect([again.statusCode, again.json().code]).toEqual([409, 'led.bottleneck_in_advocacy']);
    const issues = (await admin.get('/api/v1/advocacy-issues')).json().items.filter((i: { title: string }) => i.title === 'Fish traders need three permits to sell');
    expect(issues).toHaveLength(1);
  });
});

describe('LED measures carried out and followed up', () => {
  type Detail = MeasureDetail;
  const bandIn2026 = (p: { birthYear?: number; ageBand?: string }) => {
    if (p.birthYear === undefined) return p.ageBand ?? 'unknown';
    const age = 2026 - p.birthYear;
    return age < 15 ? 'under_15' : age < 25 ? '15_24' : age < 35 ? '25_34' : '35_plus';
  };
  async function measureIn(admin: Client, name: string, region: string, measure: object = {}) {
    const r = (await admin.post('/api/v1/led/regions', { name, region })).json() as LedRegionDetail;
    const created = (await admin.post(`/api/v1/led/regions/${r.id}/measures`, { title: `Measure of ${name}`, budget: 100_000, startsOn: '2026-01-05', endsOn: '2026-12-20', ...measure })).json() as LedRegionDetail;
    expect(created.measureList).toHaveLength(1);
    return { region: r, id: created.measureList[0]!.id };
  }

  it('records participants, new jobs and higher incomes as people, counted from their records, with breakdowns adding up', async () => {
    const { admin, orgId } = await createOrg(t.app, ghana);
    const [firmA, firmB] = [await createMemberFirm(admin, { legalName: 'Volta Fish Ltd' }), await createMemberFirm(admin, { legalName: 'Keta Salt Co' })];
    const { id } = await measureIn(admin, 'Keta', 'GH-AA');
    const url = `/api/v1/led/measures/${id}`;
    // Milestones, budget lines by funding source, a progress report; a milestone removed.
    await admin.post(`${url}/milestones`, { title: 'Cold room built', dueOn: '2026-04-30' });
    const m = (await admin.post(`${url}/milestones`, { title: 'Fishmongers trained', dueOn: '2026-06-30' })).json() as Detail;
    const trained = m.milestones.find((x) => x.title === 'Fishmongers trained')!;
    expect((await admin.put(`${url}/milestones/${trained.id}`, { title: 'Fishmongers trained', dueOn: '2026-06-30', doneOn: '2026-06-12' })).json().milestones[1]).toMatchObject({ doneOn: '2026-06-12' });
    expect((await admin.delete(`${url}/milestones/${m.milestones[0]!.id}`)).json().milestones.map((x: { title: string }) => x.title)).toEqual(['Fishmongers trained']);
    await admin.post(`${url}/budget-lines`, { label: 'Cold room', source: 'led_fund', planned: 60_000, actual: 58_500 });
    await admin.post(`${url}/budget-lines`, { label: 'Solar panels', source: 'donor', planned: 30_000, actual: 31_000 });
    const b = (await admin.post(`${url}/budget-lines`, { label: 'Land and labour', source: 'partner_in_kind', planned: 10_000 })).json() as Detail;
    expect(b.budgetBySource).toEqual([{ source: 'led_fund', planned: 60_000, actual: 58_500 }, { source: 'partner_in_kind', planned: 10_000, actual: 0 }, { source: 'donor', planned: 30_000, actual: 31_000 }]);
    expect((await admin.post(`${url}/budget-lines`, { label: 'Bad', source: 'lottery', planned: 1 })).statusCode).toBe(400);
    expect((await admin.post(`${url}/reports`, { reportedOn: '2026-05-02', text: 'Walls up, roof next week.' })).json().reports).toHaveLength(1);

    // People as typed in: each becomes (or is found again as) a person of the people module.
    const typed: Array<{ role: string; name: string; sex: string; birthYear?: number; ageBand?: string; phone?: string; memberId?: string }> = [
      { role: 'participant', name: 'Ama Mensah', sex: 'female', birthYear: 2004, phone: '0244000001' },
      { role: 'participant', name: 'Kofi Addo', sex: 'male', birthYear: 1990, phone: '0244000002' },
      { role: 'participant', name: 'Esi Quaye', sex: 'female', ageBand: '25_34', phone: '0244000003' },
      { role: 'participant', name: 'Yao Tetteh', sex: 'not_stated', phone: '0244000004' },
      { role: 'new_job', name: 'Kwame Boateng', sex: 'male', birthYear: 2001, phone: '0244000005', memberId: firmA.id },
      { role: 'new_job', name: 'Abena Owusu', sex: 'female', birthYear: 1998, phone: '0244000006', memberId: firmA.id },
      { role: 'new_job', name: 'Adjoa Asante', sex: 'female', birthYear: 1985, phone: '0244000007', memberId: firmB.id },
      // The same phone as Kofi: the same person, now with a higher income.
      { role: 'higher_income', name: 'Kofi Addo', sex: 'male', birthYear: 1990, phone: '+233 24 400 0002' },
    ];
    let last: Detail | null = null;
    for (const { role, ...person } of typed) {
      const res = await admin.post(`${url}/people`, { role, person, on: '2026-03-10' });
      expect(res.statusCode, res.body).toBe(200);
      last = res.json();
    }
    const detail = last!;
    // Independent sums from the list typed above (a person once per role).
    for (const role of ['participant', 'new_job', 'higher_income'] as const) {
      const mine = typed.filter((p) => p.role === role);
      const result = detail.results[role];
      expect(result.people).toBe(mine.length);
      expect(result.bySex).toEqual({ female: mine.filter((p) => p.sex === 'female').length, male: mine.filter((p) => p.sex === 'male').length, not_stated: mine.filter((p) => p.sex === 'not_stated').length });
      const bands = Object.fromEntries(Object.entries(result.byAgeBand).filter(([, n]) => n > 0));
      const expected: Record<string, number> = {};
      for (const p of mine) expected[bandIn2026(p)] = (expected[bandIn2026(p)] ?? 0) + 1;
      expect(bands).toEqual(expected);
      expect(Object.values(result.bySex).reduce((s, n) => s + n, 0)).toBe(result.people);
      expect(Object.values(result.byAgeBand).reduce((s, n) => s + n, 0)).toBe(result.people);
    }
    expect(detail.newJobsByFirm).toEqual([{ memberId: firmA.id, name: 'Volta Fish Ltd', people: 2 }, { memberId: firmB.id, name: 'Keta Salt Co', people: 1 }]);
    expect(detail.people.filter((p) => p.role === 'participant').map((p) => [p.name, p.ageBand])).toEqual([['Ama Mensah', '15_24'], ['Esi Quaye', '25_34'], ['Kofi Addo', '35_plus'], ['Yao Tetteh', 'unknown']]);
    // Kofi is one person of the people module, with both participations of the measure.
    const kofi = detail.people.find((p) => p.name === 'Kofi Addo' && p.role === 'higher_income')!;
    expect(detail.people.find((p) => p.name === 'Kofi Addo' && p.role === 'participant')!.personId).toBe(kofi.personId);
    const person = (await admin.get(`/api/v1/people-reached/${kofi.personId}`)).json();
    expect(person.participationList.map((p: { source: string; kind: string; sourceId: string; role: string }) => [p.source, p.kind, p.sourceId, p.role]).sort()).toEqual([
      ['led', 'measure', id, 'higher_income'], ['led', 'measure', id, 'participant'],
    ]);
    const again = await admin.post(`${url}/people`, { role: 'participant', personId: kofi.personId });
    expect([again.statusCode, again.json().code]).toEqual([409, 'led.person_already_recorded']);
    expect((await admin.post(`${url}/people`, { role: 'participant' })).json().errors[0]).toMatchObject({ path: 'personId', code: 'led.person_required' });
    const off = (await admin.delete(`${url}/people/${kofi.personId}?role=participant`)).json() as Detail;
    expect([off.results.participant.people, off.results.higher_income.people]).toEqual([3, 1]);
    expect((await admin.delete(`${url}/people/${kofi.personId}?role=participant`)).statusCode).toBe(404);

    const closed = (await admin.put(`${url}/closing`, { evaluation: 'Cold room runs; 3 jobs at two firms.', closedOn: '2026-12-20' })).json() as Detail;
    expect([closed.closingEvaluation, closed.closedOn]).toEqual(['Cold room runs; 3 jobs at two firms.', '2026-12-20']);
    // Viewers read, only staff write; another organisation finds nothing.
    const viewer = await createPerson(t.app, orgId, 'viewer');
    expect((await viewer.client.get(url)).statusCode).toBe(200);
    expect((await viewer.client.post(`${url}/reports`, { reportedOn: '2026-05-03', text: 'x' })).statusCode).toBe(403);
    const other = await createOrg(t.app, ghana);
    expect((await other.admin.get(url)).statusCode).toBe(404);
    expect((await other.admin.post(`${url}/people`, { role: 'participant', person: { name: 'Intruder' } })).statusCode).toBe(404);
    // Every write is on the measure's audit trail, named.
    const audit = (await admin.get(`/api/v1/audit?entityType=led_measure&entityId=${id}&limit=100`)).json();
    const actions = new Set(audit.items.map((e: { action: string }) => e.action));
    for (const a of ['led_measure.milestone_add', 'led_measure.milestone_update', 'led_measure.milestone_remove', 'led_measure.budget_line_add', 'led_measure.report_add', 'led_measure.person_add', 'led_measure.person_remove', 'led_measure.close']) {
      expect(actions.has(a), a).toBe(true);
    }
    expect(audit.items.every((e: { entityName: string }) => e.entityName === 'Measure of Keta')).toBe(true);
  });

  it('counts a person reached by two measures in two regions once in the LED indicators', async () => {
    const { admin } = await createOrg(t.app, ghana);
    const north = await measureIn(admin, 'Tamale', 'GH-NP');
    const south = await measureIn(admin, 'Accra', 'GH-AA');
    const ama = { name: 'Ama Mensah', sex: 'female', birthYear: 2000, phone: '0200000001' };
    const kojo = { name: 'Kojo Badu', sex: 'male', birthYear: 1980, phone: '0200000002' };
    await admin.post(`/api/v1/led/measures/${north.id}/people`, { role: 'participant', person: ama, on: '2026-02-01' });
    await admin.post(`/api/v1/led/measures/${south.id}/people`, { role: 'participant', person: ama, on: '2026-05-01' });
    await admin.post(`/api/v1/led/measures/${south.id}/people`, { role: 'participant', person: kojo, on: '2026-05-01' });
    await admin.post(`/api/v1/led/measures/${south.id}/people`, { role: 'new_job', person: ama, on: '2026-06-01' });
    const framework = (await admin.post('/api/v1/results/frameworks', { name: 'LED programme', donor: 'Donor' })).json();
    for (const [library, level] of [['led.people_trained', 'output'], ['led.new_jobs', 'outcome'], ['led.higher_income', 'impact']]) {
      const res = await admin.post(`/api/v1/results/frameworks/${framework.id}/indicators`, { library, name: library, level, kind: 'unique_people', dimensions: ['sex', 'age_band'] });
      expect(res.statusCode, res.body).toBe(201);
    }
    const period = (await admin.post(`/api/v1/results/frameworks/${framework.id}/periods`, { label: '2026', startsOn: '2026-01-01', endsOn: '2026-12-31' })).json();
    const [trained, jobs, income] = period.results;
    // Three participations, two people.
    expect([trained.total, trained.records]).toEqual([{ n: 2 }, 3]);
    expect(trained.breakdowns.sex.categories).toEqual([{ category: 'female', figure: { n: 1 } }, { category: 'male', figure: { n: 1 } }]);
    expect(trained.breakdowns.age_band.categories.reduce((s: number, c: { figure: { n: number } }) => s + c.figure.n, 0)).toBe(2);
    expect([jobs.total, income.total]).toEqual([{ n: 1 }, { n: 0 }]);
  });

  it('mails the lead partner a follow-up link, takes the answer once, and shares measures still effective', async () => {
    const { admin } = await createOrg(t.app, ghana);
    const lasting = await measureIn(admin, 'Ho', 'GH-AA', { title: 'Lasting cold room', startsOn: '2024-02-01', endsOn: '2025-01-31', status: 'done', leadEmail: 'lead@fishmongers.example' });
    const lapsed = await measureIn(admin, 'Bolga', 'GH-NP', { title: 'Lapsed dryer', startsOn: '2024-02-01', endsOn: '2025-01-31', status: 'done', leadEmail: 'lead@dryers.example' });
    await measureIn(admin, 'Wa', 'GH-NP', { title: 'Still running', startsOn: '2026-06-01', endsOn: '2027-05-31', status: 'running', leadEmail: 'lead@running.example' });
    // Long ago, the 6-month forms were sent: their links have expired since.
    await sendFollowUps(t.database, 'http://app.example', new Date('2025-08-05T08:00:00Z'));
    // Today, the 12-month follow-up of both; the running measure has none.
    await sendFollowUps(t.database, 'http://app.example', new Date('2026-12-02T08:00:00Z'));
    const mails = (await admin.get('/api/v1/mail/outbox?limit=200')).json().items.filter((m: { kind: string }) => m.kind === 'led_follow_up') as Array<{ toEmail: string; body: string }>;
    expect(mails.map((m) => m.toEmail).sort()).toEqual(['lead@dryers.example', 'lead@dryers.example', 'lead@fishmongers.example', 'lead@fishmongers.example']);
    const linkOf = (to: string, months: string) => /\/led\/follow-up\/(f-[\w-]+)/.exec(mails.find((m) => m.toEmail === to && m.body.includes(`${months} months`))!.body)![1]!;
    const token = linkOf('lead@fishmongers.example', '12');
    const anonymous = new Client(t.app);
    const form = await anonymous.get(`/led/follow-up/${token}`);
    expect([form.statusCode, form.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
    expect(form.body).toContain('Lasting cold room');
    // The page speaks its mail's language (the organisation's, English here), not the browser's.
    const inFrench = await anonymous.get(`/led/follow-up/${token}`, { 'accept-language': 'fr-FR,fr;q=0.9' });
    expect([inFrench.body.includes('<html lang="en">'), inFrench.body.includes(translator('en')('led.followUpPage.send'))]).toEqual([true, true]);
    expect((await anonymous.get('/led/follow-up/f-not-a-link-at-all')).statusCode).toBe(404);
    // A link past its day is refused (the expired 6-month links are not even shown in the outbox).
    const lapsedToken = linkOf('lead@dryers.example', '12');
    await withSystem(t.database.db, (tx) => tx.update(ledFollowUps).set({ expiresAt: new Date('2026-01-01T00:00:00Z') }).where(eq(ledFollowUps.measureId, lapsed.id)));
    const expired = await anonymous.request({ method: 'POST', url: `/led/follow-up/${lapsedToken}`, payload: 'stillEffective=yes', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect([expired.statusCode, expired.body.includes('expired')]).toEqual([410, true]);
    // The partner answers on the phone's form: a plain form post.
    const answered = await anonymous.request({ method: 'POST', url: `/led/follow-up/${token}`, payload: 'stillEffective=yes&jobsKept=3&whoPays=The+fishmongers%27+association&note=', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(answered.statusCode, answered.body).toBe(200);
    const again = await anonymous.request({ method: 'POST', url: `/led/follow-up/${token}`, payload: 'stillEffective=no', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(again.statusCode).toBe(409);
    const lastingDetail = (await admin.get(`/api/v1/led/measures/${lasting.id}`)).json() as Detail;
    expect(lastingDetail.status).toBe('effective');
    expect(lastingDetail.followUps.find((f) => f.months === 12)).toMatchObject({ answeredBy: 'partner', stillEffective: true, jobsKept: 3, whoPays: "The fishmongers' association" });
    // Staff enter the lapsed measure's 6-month answer; a follow-up not yet due is refused.
    const notDue = await admin.put(`/api/v1/led/measures/${lasting.id}/follow-ups/24`, { stillEffective: true });
    expect([notDue.statusCode, notDue.json().code]).toEqual([409, 'led.follow_up_not_due']);
    const staffAnswer = (await admin.put(`/api/v1/led/measures/${lapsed.id}/follow-ups/6`, { stillEffective: false, whoPays: 'Nobody' })).json() as Detail;
    expect([staffAnswer.status, staffAnswer.followUps[0]!.answeredBy]).toEqual(['done', 'staff']);
    const audit = (await admin.get(`/api/v1/audit?entityType=led_measure&entityId=${lasting.id}`)).json();
    expect(audit.items.find((e: { action: string }) => e.action === 'led_measure.follow_up_answer')).toMatchObject({ entityName: 'Lasting cold room', actorName: 'Lead partner' });
    // Per region and overall, pooled: Ho 1/1, Bolga 0/1, Wa 0/0 (no follow-up due) → 1/2.
    const compared = (await admin.get('/api/v1/led/compare')).json() as LedComparison;
    expect(compared.items.map((i) => [i.name, i.effective])).toEqual([['Bolga', { num: 0, den: 1 }], ['Ho', { num: 1, den: 1 }], ['Wa', { num: 0, den: 0 }]]);
    expect(compared.effective).toEqual({ num: 1, den: 2 });
    const framework = (await admin.post('/api/v1/results/frameworks', { name: 'LED programme', donor: 'Donor' })).json();
    await admin.post(`/api/v1/results/frameworks/${framework.id}/indicators`, { library: 'led.measures_effective', name: 'Still effective', level: 'outcome', kind: 'pooled_percentage', dimensions: ['region'] });
    const period = (await admin.post(`/api/v1/results/frameworks/${framework.id}/periods`, { label: '2026', startsOn: '2026-01-01', endsOn: '2026-12-31' })).json();
    expect(period.results[0].total).toEqual({ num: 1, den: 2, pct: 50 });
    expect(period.results[0].breakdowns.region.categories).toEqual([{ category: 'GH-AA', figure: { num: 1, den: 1, pct: 100 } }, { category: 'GH-NP', figure: { num: 0, den: 1, pct: 0 } }]);
  });
});

describe('the public LED page', () => {
  it('shows only the regions staff published, with measures, money and counted results, to anyone, in the reader’s language', async () => {
    const { admin, orgId } = await createOrg(t.app, { ...ghana, languages: ['en', 'fr'] });
    const region = async (name: string, code: string) => (await admin.post('/api/v1/led/regions', { name, region: code, narrative: `The economy around ${name}.` })).json() as LedRegionDetail;
    const kumasi = await region('Kumasi cluster', 'GH-AH');
    const tamale = await region('Tamale cluster', 'GH-NP');
    await admin.post(`/api/v1/led/regions/${kumasi.id}/team`, { sector: 'semi_public', name: 'Akosua Darko', email: 'akosua.darko@kumasi.example', phone: '+233 32 200 1234' });
    await admin.post(`/api/v1/led/regions/${kumasi.id}/figures`, { topic: 'population', label: 'Population', value: 5_440_463, unit: 'people', source: 'Census 2021', year: 2021 });
    const power = (await admin.post(`/api/v1/led/regions/${kumasi.id}/bottlenecks`, { title: 'Power cuts in Suame', description: 'Two days lost a week.' })).json().bottleneckList[0].id;
    const measure = async (title: string, budget: number, startsOn: string) => (await admin.post(`/api/v1/led/regions/${kumasi.id}/measures`, {
      title, budget, startsOn, endsOn: '2026-12-20', bottleneckId: power, status: 'running', leadEmail: 'lead@suame.example', partners: [{ name: 'Suame artisans association', sector: 'private' }],
    })).json().measureList.find((m: { title: string }) => m.title === title).id as string;
    const solar = await measure('Solar workshops in Suame', 1_234_567, '2026-01-05');
    const costing = await measure('Costing course for weavers', 50_000, '2026-02-01');
    await admin.post(`/api/v1/led/measures/${solar}/milestones`, { title: 'Panels bought', dueOn: '2026-03-01', doneOn: '2026-02-25' });
    await admin.post(`/api/v1/led/measures/${solar}/milestones`, { title: 'Panels installed', dueOn: '2026-06-01' });
    await admin.post(`/api/v1/led/measures/${solar}/reports`, { reportedOn: '2026-02-26', text: 'Panels delivered to 12 workshops.' });
    const ama = { name: 'Ama Mensah', sex: 'female', birthYear: 2000, phone: '0200000011' };
    const kojo = { name: 'Kojo Badu', sex: 'male', birthYear: 1980, phone: '0200000012' };
    await admin.post(`/api/v1/led/measures/${solar}/people`, { role: 'participant', person: ama, on: '2026-03-01' });
    await admin.post(`/api/v1/led/measures/${solar}/people`, { role: 'participant', person: kojo, on: '2026-03-01' });
    await admin.post(`/api/v1/led/measures/${solar}/people`, { role: 'new_job', person: ama, on: '2026-04-01' });
    await admin.post(`/api/v1/led/measures/${costing}/people`, { role: 'participant', person: ama, on: '2026-03-05' });

    // Off by default; only staff switch it, and the switch is on the region's audit trail.
    expect([kumasi.published, tamale.published]).toEqual([false, false]);
    const viewer = (await createPerson(t.app, orgId, 'viewer')).client;
    expect((await viewer.post(`/api/v1/led/regions/${kumasi.id}/publication`, { published: true })).statusCode).toBe(403);
    const published = await admin.post(`/api/v1/led/regions/${kumasi.id}/publication`, { published: true });
    expect([published.statusCode, published.json().published]).toEqual([200, true]);
    const audit = (await admin.get(`/api/v1/audit?entityType=led_region&entityId=${kumasi.id}&limit=100`)).json();
    expect(audit.items.filter((e: { action: string }) => e.action.endsWith('publish')).map((e: { action: string; entityName: string }) => [e.action, e.entityName])).toEqual([['led_region.publish', 'Kumasi cluster']]);

    const anonymous = new Client(t.app);
    const base = `/local-development/${orgId}`;
    const index = await anonymous.get(base);
    expect([index.statusCode, index.headers['content-type'], index.headers['cache-control'], index.headers.vary]).toEqual([200, 'text/html; charset=utf-8', 'public, max-age=300', 'Accept-Language']);
    expect([index.body.includes(`href="${base}/regions/${kumasi.id}"`), index.body.includes('Kumasi cluster'), index.body.includes('Tamale cluster')]).toEqual([true, true, false]);

    const page = await anonymous.get(`${base}/regions/${kumasi.id}`);
    expect(page.statusCode).toBe(200);
    const en = translator('en');
    expect(page.body).toContain('<html lang="en">');
    // The subdivision by ISO's name, never its code; the measure with its budget in cedis, its progress and its partner.
    expect([page.body.includes('Ashanti'), page.body.includes('GH-AH')]).toEqual([true, false]);
    for (const text of ['Solar workshops in Suame', 'GH₵12,345.67', 'GH₵500.00', en('led.publicPage.milestonesDone', { done: 1, total: 2 }), 'Panels delivered to 12 workshops.', 'Suame artisans association', 'Power cuts in Suame', 'Census 2021', '5,440,463']) {
      expect(page.body, text).toContain(text);
    }
    // No personal data: neither the team's contacts, the lead partner's address, nor the people recorded.
    for (const secret of ['Akosua Darko', 'akosua.darko@kumasi.example', '+233 32 200 1234', 'lead@suame.example', 'Ama Mensah', 'Kojo Badu', '0200000011']) {
      expect(page.body.includes(secret), secret).toBe(false);
    }
    // People trained and new jobs: the region (each person once), then each measure by start, as the records count them.
    const shown = (role: 'participant' | 'new_job') => [...page.body.matchAll(new RegExp(`<dt>${en(`led.impl.roles.${role}`)}</dt><dd>(\\d+)</dd>`, 'g'))].map((m) => Number(m[1]));
    const counted = async (role: string, ids: string[]) => withSystem(t.database.db, async (tx) => Number((await tx.execute(sql`SELECT count(DISTINCT person_id)::int AS n FROM person_participations WHERE org_id = ${orgId} AND source = 'led' AND kind = 'measure' AND role = ${role} AND source_id IN (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`)).rows[0]!.n));
    for (const role of ['participant', 'new_job'] as const) {
      expect(shown(role), role).toEqual([await counted(role, [solar, costing]), await counted(role, [solar]), await counted(role, [costing])]);
    }
    expect(shown('participant')).toEqual([2, 2, 1]);

    // In French where the reader asks for it (the organisation speaks it): words, dates and money.
    const french = await anonymous.get(`${base}/regions/${kumasi.id}`, { 'accept-language': 'fr-FR,fr;q=0.9' });
    expect(french.body).toContain('<html lang="fr">');
    expect(french.body).toContain(translator('fr')('led.publicPage.bottlenecks'));
    expect(french.body).toMatch(/12\s345,67\sGHS/u);

    // Not published, or another organisation's (even published there): not found.
    expect((await anonymous.get(`${base}/regions/${tamale.id}`)).statusCode).toBe(404);
    const other = await createOrg(t.app, ghana);
    const theirs = (await other.admin.post('/api/v1/led/regions', { name: 'Their region', region: 'GH-AA' })).json() as LedRegionDetail;
    await other.admin.post(`/api/v1/led/regions/${theirs.id}/publication`, { published: true });
    expect((await anonymous.get(`/local-development/${other.orgId}/regions/${theirs.id}`)).statusCode).toBe(200);
    expect((await anonymous.get(`${base}/regions/${theirs.id}`)).statusCode).toBe(404);
    // Taken off again, it is gone from both pages.
    await admin.post(`/api/v1/led/regions/${kumasi.id}/publication`, { published: false });
    expect((await anonymous.get(`${base}/regions/${kumasi.id}`)).statusCode).toBe(404);
    expect((await anonymous.get(base)).body.includes('Kumasi cluster')).toBe(false);
  });
});
