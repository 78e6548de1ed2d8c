import { describe, expect, it } from 'vitest';
import type { LedComparison, LedMatrix, LedRegionDetail } from '../../../contracts/led.js';
import { useTestApp } from '../../test/app.js';
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
