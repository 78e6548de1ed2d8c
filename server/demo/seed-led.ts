import { AssessmentInput, BottleneckInput, KeyFigureInput, LedRegionInput, LedTeamMemberInput, MeasureInput } from '../../contracts/led.js';
import { addAssessment, copyMatrix, editAssessment, getMatrix } from '../modules/led/analysis-service.js';
import { addBottleneck, addMeasure } from '../modules/led/measure-service.js';
import { setRegionPublished } from '../modules/led/public-service.js';
import { addKeyFigure, addTeamMember, createRegion } from '../modules/led/region-service.js';
import { listContacts } from '../modules/members/contact-service.js';
import { dayOf } from './back-date.js';
import { seedLedInterviews, type AshantiBottlenecks } from './seed-led-calls.js';
import { seedLedPilot } from './seed-led-results.js';
import { chapter, firmOwners, staffCtx, type DemoCast } from './seed-events.js';

/**
 * The LED cycle the chamber runs with its Ashanti branch around Kumasi, begun
 * about three months ago: the team and the steering committee, the region's
 * key figures with their sources, last year's locational analysis carried into
 * this year's and revised, the bottlenecks it found, and the measures chosen
 * for them, each within a year.
 */
export async function seedAshantiLed(cast: DemoCast) {
  return chapter(cast, [102, 92], () => ledCycle(cast));
}

async function ledCycle(cast: DemoCast) {
  const ctx = staffCtx(cast);
  const year = cast.today.getUTCFullYear();
  const region = await createRegion(ctx, LedRegionInput.parse({
    name: 'Ashanti', region: 'GH-AH', branchId: cast.ashantiBranchId,
    narrative: 'Kumasi is the trading centre of the middle belt: Kejetia market, the Suame Magazine workshops and the road north to Tamale and Burkina Faso meet here. Around the city, weaving villages (Bonwire, Adanwomase, Ntonso for adinkra) and Lake Bosomtwe draw visitors who mostly come for the day and leave.\n\nThe chamber\'s members in the region are small: kente and craft workshops, gari, shea and palm-oil processors, guest houses, tour operators and fitting shops. What holds them back, in their own words, is power that fails several times a week, credit that asks for a land title, and prices set without knowing what a piece costs.',
  }));

  const team: Array<Record<string, unknown>> = [
    { body: 'team', name: 'Akosua Darko', sector: 'semi_public', sectorKind: 'BMO', organisation: 'Ashanti Regional Chamber', role: 'LED coordinator', email: 'akosua.darko@ashanti.ghanachamber.example' },
    { body: 'team', name: 'Kofi Mensah-Bonsu', sector: 'public', sectorKind: 'District assembly', organisation: 'Ejisu Municipal Assembly', role: 'Business development officer', phone: '+233 32 209 1144' },
    { body: 'team', name: 'Linda Nyamekye', sector: 'public', sectorKind: 'Government agency', organisation: 'Ghana Tourism Authority, Ashanti regional office', role: 'Product development officer' },
    { body: 'committee', name: 'Gifty Owusu-Ansah', sector: 'public', sectorKind: 'Regional government', organisation: 'Ashanti Regional Coordinating Council', role: 'Regional economic planning officer' },
    { body: 'committee', name: 'Dr. Ernestina Addae', sector: 'semi_public', sectorKind: 'University', organisation: 'KNUST School of Business', role: 'Lecturer in entrepreneurship' },
    { body: 'committee', name: 'Joseph Kyei', sector: 'semi_public', sectorKind: 'Savings and loans', organisation: 'Kumasi savings and loans cooperative', role: 'Credit manager' },
  ];
  // Two members speak for the region's firms: the persona for the weavers, a processor for agro-processing.
  const [weaver] = (await listContacts(ctx, cast.persona.firmId)).filter((c) => !c.erasedAt);
  if (weaver) team.push({ body: 'team', sector: 'private', sectorKind: 'Kente weaving', memberId: cast.persona.firmId, contactId: weaver.id });
  const [processor] = await firmOwners(ctx, 1, [{ sector: '1040' }, { sector: '1061' }], [cast.persona.firmId]);
  if (processor) team.push({ body: 'committee', sector: 'private', sectorKind: 'Agro-processing', memberId: processor.memberId, contactId: processor.contactId });
  for (const member of team) await addTeamMember(ctx, region, LedTeamMemberInput.parse(member));

  const figures: Array<Record<string, unknown>> = [
    { topic: 'population', label: 'Population', value: 4_780_380, unit: 'people', source: 'Ghana Statistical Service, 2010 Population and Housing Census', year: 2010 },
    { topic: 'population', label: 'Population', value: 5_440_463, unit: 'people', source: 'Ghana Statistical Service, 2021 Population and Housing Census', year: 2021 },
    { topic: 'employment', label: 'Weavers at work in Bonwire, Adanwomase and Ntonso', value: 1_150, unit: 'people', source: 'Count by the chamber with the three weavers\' associations', year },
    { topic: 'employment', label: 'Artisans in the Suame Magazine workshops', value: 200_000, unit: 'people', source: 'Suame Magazine Industrial Development Organisation, estimate', year: year - 3 },
    { topic: 'infrastructure', label: 'Unplanned power cuts a month, Suame and Kaase industrial areas', value: 14, unit: 'cuts', source: 'Chamber survey of 38 member firms in June', year },
    { topic: 'economy', label: 'Hotel and guest-house rooms in Kumasi', value: 3_900, unit: 'rooms', source: 'Ghana Tourism Authority, Ashanti regional office', year: year - 1 },
    { topic: 'economy', label: 'Visitors to the Bonwire kente centre', value: 18_500, unit: 'visitors', source: 'Visitor book of the Bonwire Kente Heritage Centre', year: year - 1 },
  ];
  for (const f of figures) await addKeyFigure(ctx, region, KeyFigureInput.parse(f));

  // Last year's analysis, made with the branch before the LED team was formed.
  const before: Array<Record<string, unknown>> = [
    { factor: 'infrastructure', finding: 'weakness', rating: -2, evidence: 'Workshops in Suame lose two to three working days a week to power cuts; the Kumasi–Accra road is under repair for most of its length.', source: 'Member issue raised by seven firms; chamber visits' },
    { factor: 'skills', finding: 'weakness', rating: -1, evidence: 'Weavers and processors learn the craft from a parent or a master, but nobody teaches them to cost a piece or keep accounts.', source: 'Interviews with twelve workshop owners' },
    { factor: 'finance', finding: 'weakness', rating: -2, evidence: 'Banks ask for a land title for loans above GHS 20,000; most workshops rent their premises or work on family land.', source: 'Member issue on collateral; two rural banks interviewed' },
    { factor: 'markets', finding: 'strength', rating: 1, evidence: 'Kejetia market and the road north bring traders from the whole middle belt and the Sahel.', source: 'Chamber market study' },
    { factor: 'institutions', finding: 'strength', rating: 1, evidence: 'The Asantehene\'s palace, the district assemblies and the chamber meet regularly on the city\'s markets.', source: 'Regional Coordinating Council minutes' },
  ];
  for (const a of before) await addAssessment(ctx, region, AssessmentInput.parse({ ...a, year: year - 1 }));
  // This year's starts as a copy, revised where the year changed something, and completed.
  await copyMatrix(ctx, region, year - 1, year);
  const copied = await getMatrix(ctx, region, year);
  const revise = async (factor: string, change: Record<string, unknown>) => {
    const cell = copied.items.find((i) => i.factor === factor)!;
    await editAssessment(ctx, region, cell.id, AssessmentInput.parse({ ...cell, ...change, year }));
  };
  await revise('markets', { rating: 2, evidence: 'Hotels and tour operators now ask for local crafts and food: the networking evening brought twenty firms together, and the hotels asked for a day of meetings with suppliers.', source: 'Chamber events; Ghana Tourism Authority' });
  await revise('skills', { evidence: 'Eight weavers completed the chamber\'s costing course at Bonwire; before it, only two of the nine who started had written down what their yarn cost.', source: 'Attendance and coaching records of the course' });
  const added: Array<Record<string, unknown>> = [
    { factor: 'labour_market', finding: 'strength', rating: 1, evidence: 'Young people are willing to learn weaving, fitting and tour guiding; apprenticeships fill every year.', source: 'Weavers\' associations; Suame artisans\' association' },
    { factor: 'business_services', finding: 'weakness', rating: -1, evidence: 'Two business advisory centres serve the whole region; coaching visits to the villages are rare.', source: 'Ghana Enterprises Agency, Ashanti office' },
    { factor: 'environment', finding: 'weakness', rating: -2, evidence: 'Illegal gold mining has muddied the Offin and Oda rivers that dyers and shea processors draw water from.', source: 'Environmental Protection Agency, regional office' },
    { factor: 'Cultural heritage and crafts', finding: 'strength', rating: 2, evidence: 'Kente from Bonwire and adinkra from Ntonso are known worldwide; the palace museum and Lake Bosomtwe are within an hour of each other.', source: 'Ghana Tourism Authority' },
  ];
  for (const a of added) await addAssessment(ctx, region, AssessmentInput.parse({ ...a, year }));

  const bottleneck = async (b: Record<string, unknown>) => addBottleneck(ctx, region, BottleneckInput.parse(b));
  const power = await bottleneck({
    title: 'Power cuts stop the Suame and Kaase workshops', kind: 'locational',
    description: 'Welders, fitters and millers stop work several times a week without notice; running a generator doubles the cost of an hour of work.',
    factor: 'infrastructure', evidence: 'Fourteen unplanned cuts a month in the June survey; seven firms raised it with the chamber.',
  });
  const pricing = await bottleneck({
    title: 'Weavers price their cloth below what it costs them', kind: 'other',
    description: 'Most weavers price by what a neighbour asks and do not count their own days at the loom, so a full cloth often earns less than the yarn and the days put into it.',
    factor: 'skills', evidence: 'Only two of the nine weavers who started the costing course had kept yarn receipts.',
  });
  await bottleneck({
    title: 'No loan without a land title', kind: 'regulatory',
    description: 'Processors need working capital before the harvest, when nuts and cassava are cheap, but banks ask for a land title few of them hold.',
    factor: 'finance', evidence: 'Nine members raised it; two rural banks confirmed the rule for loans above GHS 20,000.',
  });
  const visitors = await bottleneck({
    title: 'Visitors come to the craft villages for an hour and leave', kind: 'market',
    description: 'Tour buses stop at Bonwire for a short visit on the way to Kumasi; there is no guided trail, nowhere to stay overnight and little to buy beyond cloth.',
    factor: 'markets', evidence: 'Visitor book of the kente centre; tour operators at the networking evening.',
  });

  const measure = async (m: Record<string, unknown>) => addMeasure(ctx, region, MeasureInput.parse(m));
  await measure({
    title: 'Kente and adinkra craft trail: Bonwire, Adanwomase and Ntonso',
    description: 'A signposted day trail through three craft villages, with trained local guides, weaving demonstrations and a shop in each, sold through Kumasi hotels and tour operators.',
    bottleneckId: visitors,
    partners: [
      { name: 'Ghana Tourism Authority, Ashanti regional office', sector: 'public' },
      { name: 'Ejisu Municipal Assembly', sector: 'public' },
      { name: 'Bonwire Kente Weavers', sector: 'private' },
      { name: 'Ashanti Regional Chamber', sector: 'semi_public' },
    ],
    budget: 18_500_000, startsOn: dayOf(cast.today, -85), endsOn: dayOf(cast.today, 240), status: 'running',
  });
  await measure({
    title: 'Shared solar back-up for twenty Suame workshops',
    description: 'A feasibility study, then a pilot: one solar array with batteries on a workshop roof, shared by twenty neighbouring workshops that pay for what they use.',
    bottleneckId: power,
    partners: [
      { name: 'Suame Magazine artisans\' association', sector: 'private' },
      { name: 'KNUST School of Engineering', sector: 'semi_public' },
      { name: 'Energy Commission', sector: 'public' },
    ],
    budget: 9_600_000, startsOn: dayOf(cast.today, -70), endsOn: dayOf(cast.today, 230), status: 'running',
  });
  await measure({
    title: 'Coaching sixty weavers to cost and price their cloth',
    description: 'Three coaches certified by the chamber visit sixty weaving workshops four times each, with the costing worksheet and the cash book; the weavers\' associations choose who goes first.',
    bottleneckId: pricing,
    partners: [
      { name: 'Ghana Enterprises Agency, business advisory centre Ejisu', sector: 'public' },
      { name: 'Bonwire, Adanwomase and Ntonso weavers\' associations', sector: 'private' },
      { name: 'Ashanti Regional Chamber', sector: 'semi_public' },
    ],
    budget: 4_200_000, startsOn: dayOf(cast.today, 25), endsOn: dayOf(cast.today, 300), status: 'planned',
  });
  // The chamber shows Ashanti on its public LED page (/local-development/<org>); Northern, just begun, is not shown.
  // The branch's pilot from before the cycle, ended with its follow-ups answered (seed-led-results.ts).
  await seedLedPilot(cast, region);
  // The team's interviews, coded to these bottlenecks (seed-led-calls.ts).
  const bottlenecks: AshantiBottlenecks = { power, pricing, visitors };
  await seedLedInterviews(cast, region, bottlenecks);
  await setRegionPublished(ctx, region, true);
  return { region, bottlenecks };
}

/**
 * The second LED cycle, just begun by the national chamber around Tamale: a
 * region described, a team of two and the first figures counted, nothing
 * analysed yet — what a region looks like in its first week, and the second
 * region the chamber's staff compare Ashanti with.
 */
export async function seedNorthernLed(cast: DemoCast) {
  return chapter(cast, [7.9, 7.2], async () => {
    const ctx = staffCtx(cast);
    const region = await createRegion(ctx, LedRegionInput.parse({
      name: 'Northern: Tamale and Savelugu', region: 'GH-NP',
      narrative: 'Tamale is the market of the north: shea nuts, soya, rice and yams come in from the districts around it, and processed shea butter leaves for Tema and abroad. Most processing is done by women\'s groups working by hand.\n\nThe chamber begins here with the shea processors and the rice millers, who asked for the same kind of work the chamber does in Ashanti.',
    }));
    const team: Array<Record<string, unknown>> = [
      { body: 'team', name: 'Abdul-Rahman Issah', sector: 'semi_public', sectorKind: 'BMO', organisation: 'Northern Regional Chamber', role: 'LED coordinator', email: 'abdul-rahman.issah@northern.ghanachamber.example' },
      { body: 'team', name: 'Mariama Alhassan', sector: 'private', sectorKind: 'Shea processing', organisation: 'Savelugu women shea processors\' union', role: 'Secretary', phone: '+233 37 202 4410' },
    ];
    for (const member of team) await addTeamMember(ctx, region, LedTeamMemberInput.parse(member));
    const year = cast.today.getUTCFullYear();
    const figures: Array<Record<string, unknown>> = [
      { topic: 'employment', label: 'Women in shea processing groups, Tamale and Savelugu', value: 2_300, unit: 'people', source: 'Count by the chamber with the shea processors\' union', year },
      { topic: 'economy', label: 'Rice mills in Tamale metropolis', value: 41, unit: 'mills', source: 'Chamber visits with the municipal business advisory centre', year },
    ];
    for (const f of figures) await addKeyFigure(ctx, region, KeyFigureInput.parse(f));
    return region;
  });
}
