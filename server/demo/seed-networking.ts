import { DEFAULT_WEIGHTS, IntroductionInput, OfferInput, ProfileInput, type IntroductionState } from '../../contracts/networking.js';
import type { Audience } from '../../contracts/surveys.js';
import { directoryFirms, firmsInAudience } from '../modules/members/audience-service.js';
import { createIntroduction, moveIntroduction } from '../modules/networking/introduction-service.js';
import { createOffer, expressInterest, moveOffer, type OfferAction } from '../modules/networking/offer-service.js';
import { saveProfile } from '../modules/networking/profile-service.js';
import { saveNetworkingSettings } from '../modules/networking/settings-service.js';
import type { TenantCtx } from '../platform/db/tenancy.js';
import { chapter, staffCtx, type DemoCast } from './seed-events.js';

const DAY_MS = 86_400_000;

/** Where a firm of the demo is, said as its customers would: the town of its region. */
const TOWN: Record<string, string> = { 'GH-AH': 'Kumasi', 'GH-NP': 'Tamale', 'GH-AA': 'Accra', 'GH-CP': 'Cape Coast', 'GH-WP': 'Takoradi' };

/**
 * The firms of the networking story: each by its sector (ISIC), in the region
 * named first where the chamber has one, else anywhere; `persona` is the
 * member persona's own firm.
 */
const CAST = {
  cashew: { sector: '4620', regions: ['GH-NP'] },
  shea: { sector: '1040', regions: ['GH-NP'] },
  hotel: { sector: '5510', regions: ['GH-AH'] },
  tours: { sector: '7911', regions: ['GH-AH'] },
  hotel2: { sector: '5510', regions: ['GH-AA'] },
  sheaGroup: { sector: '1040', regions: ['GH-NP', 'GH-AH'] },
  gari: { sector: '1061', regions: ['GH-AH'] },
  apps: { sector: '6201', regions: ['GH-AA'] },
  kente: { sector: '1312', regions: ['GH-AH'] },
  cocoa: { sector: '4620', regions: ['GH-AH'] },
  networks: { sector: '6202', regions: ['GH-NP', 'GH-AH'] },
} as const;
type Part = keyof typeof CAST | 'persona';

/**
 * The chamber's SME networking, launched about two hundred days ago and told
 * in seven chapters, each in a gap between the demo's other chapters (the
 * audit log reads in order: seed-demo.ts calls them where they fall):
 * directory profiles of twelve firms (eight listed, one lapsed, three kept for
 * the chamber's matching only), cooperation offers and requests in every
 * state, firms' interest in them, and introductions followed to a deal or none.
 * Offers and profiles are listed for six months (the chamber's setting), so the
 * first offer, never renewed, has expired.
 */
export function networkingStory(cast: DemoCast) {
  const ctx = staffCtx(cast);
  // The persona acts from her own account: her profile, offers and interests.
  const own: TenantCtx = { tx: cast.tx, orgId: cast.orgId, role: 'member', actor: { userId: cast.persona.userId, name: cast.persona.name }, locale: 'en' };
  const firms = new Map<Part, { id: string; town: string }>();
  const offers = new Map<string, string>();
  const interests = new Map<string, string>();
  const introductions = new Map<string, string>();

  const firm = (role: Part) => firms.get(role)!.id;
  const town = (role: Part) => firms.get(role)!.town;
  /** The hotel's profile as first listed; renewed later with one more offering. */
  const hotelProfile = () => ({
    optedIn: true,
    summary: `Sixty-room hotel in ${town('hotel')} with a conference hall for 250, a spa and a lobby shop. We buy what is made around us: kente and crafts for the shop and the rooms, shea products for the spa, gari, plantain and fruit for the kitchen.`,
    offerings: [
      { name: 'Rooms and suites', kind: 'service', hsCode: '' },
      { name: 'Conference hall and catering for 250', kind: 'service', hsCode: '' },
    ],
    certifications: ['Ghana Tourism Authority licence, 3 stars'],
    languages: ['en', 'tw', 'fr'],
    publicFields: ['summary', 'offerings', 'certifications', 'languages', 'sector', 'region'],
  });
  /** A chapter `daysAgo` days ago, a few hours long either side; its work reads `now` as that day. */
  const at = <T>(daysAgo: [number, number], work: (now: Date) => Promise<T>) =>
    chapter(cast, daysAgo, () => work(new Date(cast.today.getTime() - ((daysAgo[0] + daysAgo[1]) / 2) * DAY_MS)));

  async function castFirms() {
    const taken = new Set<string>([cast.persona.firmId]);
    const pick = async (sector: string, regions: readonly string[]) => {
      for (const region of [...regions, undefined]) {
        const audience: Audience = region ? { sector, region } : { sector };
        const found = (await firmsInAudience(ctx, audience)).sort((a, b) => a.legalName.localeCompare(b.legalName)).find((f) => !taken.has(f.id));
        if (found) {
          taken.add(found.id);
          return found.id;
        }
      }
      throw new Error(`demo: no active member firm of sector ${sector} left for the networking story`);
    };
    const ids = new Map<Part, string>([['persona', cast.persona.firmId]]);
    for (const [role, want] of Object.entries(CAST) as Array<[keyof typeof CAST, (typeof CAST)[keyof typeof CAST]]>) ids.set(role, await pick(want.sector, want.regions));
    const found = await directoryFirms(ctx, [...ids.values()]);
    for (const [role, id] of ids) firms.set(role, { id, town: TOWN[found.get(id)?.region ?? ''] ?? 'Kumasi' });
  }

  const profile = (who: Part, input: Record<string, unknown>, now: Date) =>
    who === 'persona' ? saveProfile(own, firm(who), ProfileInput.parse(input), now, 'firm') : saveProfile(ctx, firm(who), ProfileInput.parse(input), now, 'staff');

  /** An offer entered (by the firm or by staff for it) and taken along the review: `steps` in order. */
  async function offer(key: string, who: Part, input: Record<string, unknown>, now: Date, steps: OfferAction[], reason?: string) {
    const by = who === 'persona' ? own : ctx;
    const id = await createOffer(by, firm(who), OfferInput.parse(input));
    offers.set(key, id);
    for (const step of steps) {
      // The firm submits and withdraws its own; staff approve, return and renew.
      const firmsStep = who === 'persona' && (step === 'submit' || step === 'withdraw');
      await moveOffer(firmsStep ? own : ctx, id, step, now, { reason: step === 'return' ? reason : undefined, ownerId: firmsStep ? firm(who) : undefined });
    }
    return id;
  }
  const move = (key: string, step: OfferAction, now: Date) => moveOffer(ctx, offers.get(key)!, step, now);

  /** A firm's interest in another's published offer: the persona's from her account, the others' taken by staff on the phone. */
  async function interest(key: string, offerKey: string, who: Part, message: string, now: Date) {
    interests.set(key, await expressInterest(who === 'persona' ? own : ctx, offers.get(offerKey)!, firm(who), message, now));
  }

  /** The chamber introduces the firm behind an offer to one interested in it (or two firms on no offer). */
  async function introduce(key: string, a: Part, b: Part, note: string, on?: { offer: string; interest?: string }) {
    introductions.set(key, await createIntroduction(ctx, IntroductionInput.parse({
      firmA: firm(a), firmB: firm(b), offerId: on ? offers.get(on.offer)! : null, interestId: on?.interest ? interests.get(on.interest)! : null, note,
    })));
  }
  const step = (key: string, state: IntroductionState, note = '') => moveIntroduction(ctx, introductions.get(key)!, state, note);

  return {
    /** The firm of the story playing `role` (once the launch has cast them): the showcase's producers (seed-showcase.ts). */
    firmOf: (role: Part) => firm(role),
    /** About two hundred days ago: the chamber opens the directory; a cashew buyer lists itself and its first offer. */
    launch: () => at([199.8, 199.2], async (now) => {
      await castFirms();
      await saveNetworkingSettings(ctx, { expiryMonths: 6, reminderDays: 30, weights: DEFAULT_WEIGHTS, shareInfoWithFederation: false, shareOffersWithFederation: false, federationContact: '' });
      await profile('cashew', {
        optedIn: true,
        summary: `Produce buyer with a warehouse in ${town('cashew')}: raw cashew nuts bought from farmer groups in the Northern and Bono East regions between February and May, dried, graded by out-turn and bagged in 80 kg jute sacks; cocoa beans in the main crop season as an agent of a licensed buying company.`,
        offerings: [
          { name: 'Raw cashew nuts in shell, KOR 47–49 lbs', kind: 'product', hsCode: '080131' },
          { name: 'Cocoa beans, main crop', kind: 'product', hsCode: '180100' },
          { name: 'Warehousing and grading for farmer groups', kind: 'service', hsCode: '' },
        ],
        exportMarkets: ['VN', 'IN'],
        certifications: ['GEPA registered exporter'],
        languages: ['en', 'ha', 'tw'],
        publicFields: ['summary', 'offerings', 'exportMarkets', 'region'],
      }, now);
      await profile('shea', {
        optedIn: false,
        summary: `Women's shea processing centre in ${town('shea')}: 140 women of eleven villages pick, crack and boil the nuts and knead the butter by hand.`,
        offerings: [{ name: 'Unrefined shea butter, grade A', kind: 'product', hsCode: '151590' }],
        languages: ['en', 'dag'],
      }, now);
      await offer('cashew', 'cashew', {
        kind: 'export_partner', side: 'offer', title: 'Raw cashew nuts for processors in Viet Nam and India',
        offered: 'Up to 300 tonnes of raw cashew nuts a season (February to May), out-turn 47–49 lbs, moisture below 9 %, in 80 kg jute bags, loaded in 20-foot containers at Tema.',
        sought: 'A processor or importer who buys by the container, inspects at our warehouse and pays by letter of credit.',
        hsCodes: ['080131'], sectors: ['1030', '4630'], countries: ['VN', 'IN'],
      }, now, ['submit', 'approve']);
    }),

    /** Five to six months ago: more firms fill their profiles, a shea offer is published, a hotel is interested and introduced. */
    firstOffers: () => at([174, 169], async (now) => {
      await profile('persona', {
        optedIn: false,
        summary: 'Family workshop of twelve looms in Bonwire, weaving kente by hand since 1994: full cloths for weddings and festivals, stoles for graduations and churches, and strips woven to order with a name or a school\'s colours.',
        offerings: [
          { name: 'Handwoven kente cloth, 12 yards', kind: 'product', hsCode: '5408' },
          { name: 'Kente stoles and graduation sashes', kind: 'product', hsCode: '6214' },
        ],
        languages: ['en', 'tw'],
      }, now);
      await profile('hotel', hotelProfile(), now);
      await profile('tours', {
        optedIn: false,
        summary: `Tour operator in ${town('tours')}: day trips to the kente and adinkra villages and Lake Bosomtwe, longer tours to Mole and Kakum.`,
        offerings: [{ name: 'Craft village day tours', kind: 'service', hsCode: '' }],
        languages: ['en', 'tw', 'de'],
      }, now);
      await profile('hotel2', {
        optedIn: false,
        summary: `Business hotel of 40 rooms in ${town('hotel2')}, near the airport; restaurant and two meeting rooms.`,
        offerings: [{ name: 'Rooms and meeting rooms', kind: 'service', hsCode: '' }, { name: 'Airport shuttle', kind: 'service', hsCode: '' }],
        languages: ['en', 'fr'],
      }, now);
      await profile('sheaGroup', {
        optedIn: false,
        summary: `Cooperative of nine women's groups around ${town('sheaGroup')} selling shea nuts and butter together; its buyer has been one exporter so far.`,
        offerings: [{ name: 'Shea nuts, dried', kind: 'product', hsCode: '120792' }, { name: 'Shea butter, unrefined', kind: 'product', hsCode: '151590' }],
        languages: ['dag', 'en'],
      }, now);
      await offer('shea', 'shea', {
        kind: 'supplier', side: 'offer', title: 'Grade A unrefined shea butter, 20 tonnes a year',
        offered: 'Hand-kneaded unrefined shea butter, grade A, in 25 kg cartons or 500 g tubs; shea soap in bars. Free fatty acids tested by the Ghana Standards Authority on every lot.',
        sought: 'Cosmetics makers, spas and exporters who order every quarter and agree a price before the season.',
        hsCodes: ['151590', '3401'], sectors: ['2023', '5510'], countries: ['FR', 'DE'],
      }, now, ['submit', 'approve']);
      await offer('sheaGroup', 'sheaGroup', {
        kind: 'supplier', side: 'offer', title: 'Dried shea nuts from nine women\'s groups',
        offered: 'Forty tonnes of dried, sorted shea nuts a season, delivered to a warehouse in Tamale or Kumasi.',
        sought: 'Butter processors and exporters buying by the tonne.',
        hsCodes: ['120792'], sectors: ['1040'], countries: [],
      }, now, ['submit', 'approve']);
      await interest('hotelShea', 'shea', 'hotel', 'For our spa: about 200 kg of butter and 1,500 bars of soap a year, with our own label if possible.', now);
      await interest('cocoaCashew', 'cashew', 'cocoa', 'We buy cashew in Bono East too and could fill part of a container when the season is short.', now);
      await introduce('spa', 'shea', 'hotel', 'The spa manager would like samples of butter and soap, and the price for 50 kg a quarter.', { offer: 'shea', interest: 'hotelShea' });
    }),

    /** Four and a half months ago. */
    winter: () => at([134.8, 133.2], async () => {
      await step('spa', 'accepted', 'Both agreed to meet; the centre sends samples by the Tamale–Kumasi bus.');
      await introduce('cashew', 'cashew', 'cocoa', 'Two buyers who could fill one container together for a processor in Viet Nam.', { offer: 'cashew', interest: 'cocoaCashew' });
    }),

    /** Four months ago, the day after the weavers' last evening. */
    spring: () => at([119.26, 119.18], async () => {
      await step('spa', 'met', 'Met at the hotel; the spa tried the butter for a month.');
      await step('cashew', 'accepted');
    }),

    /** Three and a half months ago, before the LED cycle began. */
    summer: () => at([107, 103], async (now) => {
      await profile('persona', {
        optedIn: true,
        summary: 'Family workshop of twelve looms in Bonwire, weaving kente by hand since 1994: full cloths for weddings and festivals, stoles for graduations and churches, and strips woven to order with a name or a school\'s colours. We cost every piece with the chamber\'s worksheet and ship samples by DHL.',
        offerings: [
          { name: 'Handwoven kente cloth, 12 yards', kind: 'product', hsCode: '5408' },
          { name: 'Kente stoles and graduation sashes', kind: 'product', hsCode: '6214' },
          { name: 'Kente bags and purses', kind: 'product', hsCode: '4202' },
          { name: 'Weaving demonstrations for visitors', kind: 'service', hsCode: '' },
        ],
        exportMarkets: ['US', 'GB', 'NG'],
        certifications: ['GEPA registered exporter'],
        languages: ['en', 'tw'],
        publicFields: ['summary', 'offerings', 'exportMarkets', 'languages', 'sector', 'region', 'contacts'],
      }, now);
      await profile('tours', {
        optedIn: true,
        summary: `Tour operator in ${town('tours')}: day trips to Manhyia Palace, the kente and adinkra villages and Lake Bosomtwe; tours of a week to Mole and Kakum. Most of our guests are school groups and church groups from the United States and Germany, and passengers of cruise ships calling at Takoradi.`,
        offerings: [
          { name: 'Craft village day tours', kind: 'service', hsCode: '' },
          { name: 'Mole and Kakum tours, 5 to 8 days', kind: 'service', hsCode: '' },
          { name: 'Airport and cruise port transfers', kind: 'service', hsCode: '' },
        ],
        exportMarkets: ['US', 'DE', 'GB'],
        certifications: ['Ghana Tourism Authority licensed tour operator'],
        languages: ['en', 'tw', 'de'],
        publicFields: ['summary', 'offerings', 'certifications', 'languages', 'region'],
      }, now);
      await move('sheaGroup', 'withdraw', now);
      await offer('lobby', 'hotel', {
        kind: 'buyer', side: 'request', title: 'Kente, crafts and shea products for our lobby shop and rooms',
        offered: 'Orders every quarter, paid within 30 days of delivery; the maker\'s name on a card beside each piece in the shop.',
        sought: 'Kente stoles and table runners, adinkra cloth, baskets from Bolgatanga and shea soap, made around Kumasi, in small lots of 20 to 50 pieces.',
        hsCodes: ['6214', '4602', '3401'], sectors: ['1312', '1040'], countries: [],
      }, now, ['submit', 'approve']);
      await offer('stoles', 'persona', {
        kind: 'distributor', side: 'request', title: 'A distributor for kente graduation stoles in the United States and the United Kingdom',
        offered: 'Stoles and sashes woven to order in a school\'s colours with its name and year, 300 to 1,000 pieces a graduation season; samples sent by DHL within a week.',
        sought: 'A distributor or retailer selling to universities, churches and African diaspora associations, who orders by February for the May and June ceremonies.',
        hsCodes: ['6214'], sectors: ['4641', '4771'], countries: ['US', 'GB'],
      }, now, ['submit', 'approve']);
      await offer('trail', 'tours', {
        kind: 'joint_venture', side: 'offer', title: 'A kente and adinkra craft trail sold together with the weaving villages',
        offered: 'Bookings of 10 to 40 visitors a week from November to April, our minibuses and a licensed guide.',
        sought: 'Workshops in Bonwire, Adanwomase and Ntonso that welcome visitors for a demonstration and keep a shop, and a place for lunch on the way.',
        sectors: ['1312', '5610'], countries: [],
      }, now, ['submit', 'approve']);
      await interest('personaLobby', 'lobby', 'persona', 'We weave stoles and table runners in small lots and can label each with the weaver\'s name.', now);
      await introduce('lobby', 'hotel', 'persona', 'A first order of stoles and table runners for the lobby shop; Abena brings samples.', { offer: 'lobby', interest: 'personaLobby' });
      await step('spa', 'deal', 'The hotel orders 50 kg of butter and 400 bars of soap a quarter for its spa, under its own label.');
      await step('cashew', 'met');
      await introduce('transfers', 'tours', 'hotel2', 'Transfers from the airport for the hotel\'s guests, and rooms for the operator\'s groups before they fly home.');
    }),

    /** Three months ago: the directory fills, food and software offers, firms interested in each other. */
    autumn: () => at([91.8, 90.2], async (now) => {
      await profile('shea', {
        optedIn: true,
        summary: `Women's shea processing centre in ${town('shea')}: 140 women of eleven villages pick, crack and boil the nuts and knead the butter by hand, and make soap from it. Every lot is tested for free fatty acids; organic since last season.`,
        offerings: [
          { name: 'Unrefined shea butter, grade A', kind: 'product', hsCode: '151590' },
          { name: 'Shea nuts, dried and sorted', kind: 'product', hsCode: '120792' },
          { name: 'Shea soap bars', kind: 'product', hsCode: '3401' },
        ],
        exportMarkets: ['FR', 'DE', 'US'],
        certifications: ['Ecocert organic (EU)', 'FDA Ghana product registration'],
        languages: ['en', 'dag', 'ha'],
        publicFields: ['summary', 'offerings', 'exportMarkets', 'certifications', 'languages', 'region', 'size'],
      }, now);
      await profile('gari', {
        optedIn: true,
        summary: `Cassava processor in ${town('gari')}: gari, cassava flour and kokonte from farmers nearby, roasted on stainless steel pans, packed from 500 g to 50 kg for shops, schools and hotel kitchens.`,
        offerings: [
          { name: 'Gari, white and yellow', kind: 'product', hsCode: '110620' },
          { name: 'High-quality cassava flour', kind: 'product', hsCode: '110620' },
          { name: 'Kokonte (dried cassava chips)', kind: 'product', hsCode: '071410' },
        ],
        exportMarkets: ['BF', 'TG'],
        certifications: ['FDA Ghana product registration', 'GSA certification mark'],
        languages: ['en', 'tw'],
        publicFields: ['summary', 'offerings', 'certifications', 'sector', 'region'],
      }, now);
      await profile('apps', {
        optedIn: true,
        summary: `A team of nine in ${town('apps')} building mobile apps and websites for small firms: mobile money checkout, stock and sales apps that work offline, online shops.`,
        offerings: [
          { name: 'Mobile money payment integration', kind: 'service', hsCode: '' },
          { name: 'Offline stock and sales app', kind: 'service', hsCode: '' },
          { name: 'Online shops for craft and food producers', kind: 'service', hsCode: '' },
        ],
        exportMarkets: ['NG', 'CI'],
        languages: ['en', 'fr'],
        publicFields: ['summary', 'offerings'],
      }, now);
      await profile('kente', {
        optedIn: true,
        summary: `Weaving house in ${town('kente')} with thirty weavers: kente for weddings and chiefs' durbars, adinkra-stamped cloth for funerals, and uniforms woven for associations.`,
        offerings: [
          { name: 'Handwoven kente cloth', kind: 'product', hsCode: '5408' },
          { name: 'Adinkra-stamped cotton cloth', kind: 'product', hsCode: '5208' },
          { name: 'Kente stoles', kind: 'product', hsCode: '6214' },
        ],
        languages: ['en', 'tw'],
        publicFields: ['summary', 'offerings', 'languages', 'region'],
      }, now);
      await offer('gari', 'gari', {
        kind: 'supplier', side: 'offer', title: 'Gari and cassava flour for hotel and school kitchens',
        offered: 'Weekly deliveries in Kumasi of gari in 25 and 50 kg bags and cassava flour for bakeries, at a price fixed for three months.',
        sought: 'Hotels, schools and caterers who buy every week.',
        hsCodes: ['110620'], sectors: ['5510', '5629', '8510'], countries: [],
      }, now, ['submit', 'approve']);
      await offer('checkout', 'apps', {
        kind: 'technology', side: 'offer', title: 'Mobile money checkout and an offline stock app for small shops',
        offered: 'An app that records sales and stock without a connection and takes MTN MoMo and Telecel Cash; set up in a day, a monthly fee per shop.',
        sought: 'Workshops and shops that sell to visitors, to try it for three months at half the fee.',
        sectors: ['1312', '4771', '5510'], countries: [],
      }, now, ['submit', 'approve']);
      await interest('kenteLobby', 'lobby', 'kente', 'We can deliver adinkra cloth and stoles every quarter.', now);
      await interest('hotelGari', 'gari', 'hotel', 'Our kitchen uses about 150 kg of gari a week.', now);
      await interest('toursStoles', 'stoles', 'tours', 'Our school groups from the United States ask for graduation stoles every year; their schools could order through us.', now);
      await interest('kenteCheckout', 'checkout', 'kente', 'Our shop takes cash only; visitors ask to pay by mobile money.', now);
      await interest('hotel2Shea', 'shea', 'hotel2', 'Shea soap for the rooms, about 3,000 small bars a year.', now);
      await step('lobby', 'accepted');
      await introduce('kenteLobby', 'hotel', 'kente', 'A second supplier of cloth for the lobby shop, for adinkra pieces.', { offer: 'lobby', interest: 'kenteLobby' });
      await introduce('gari', 'gari', 'hotel', 'Weekly gari for the hotel kitchen.', { offer: 'gari', interest: 'hotelGari' });
      await step('cashew', 'no_deal', 'No agreement on the price per kilo: the processor pays on the out-turn of each lot, the trader wanted one price for the container.');
      await step('transfers', 'no_deal', 'The hotel has a contract with another operator until the end of next year.');
    }),

    /** Last week: a profile renewed, offers waiting for review, returned, in draft; the meetings go on. */
    lastWeek: () => at([7.15, 7.02], async (now) => {
      // Renewed with the spa's treatments added.
      await profile('hotel', { ...hotelProfile(), offerings: [...hotelProfile().offerings, { name: 'Spa with shea treatments', kind: 'service', hsCode: '' }] }, now);
      await profile('cocoa', {
        optedIn: false,
        summary: `Cocoa buying agent in ${town('cocoa')} for a licensed buying company, with twelve purchasing clerks in the villages of the Ashanti region.`,
        offerings: [{ name: 'Cocoa beans, main and light crop', kind: 'product', hsCode: '180100' }],
        languages: ['en', 'tw'],
      }, now);
      await profile('networks', {
        optedIn: true,
        summary: `IT support from ${town('networks')}: Wi-Fi for hotels and guest houses, networks and computers for schools, maintenance contracts.`,
        offerings: [
          { name: 'Hotel and guest house Wi-Fi', kind: 'service', hsCode: '' },
          { name: 'School computer labs and networks', kind: 'service', hsCode: '' },
        ],
        languages: ['en', 'dag'],
        publicFields: ['summary', 'offerings', 'region'],
      }, now);
      await move('shea', 'renew', now);
      await offer('wifi', 'networks', {
        kind: 'subcontracting', side: 'request', title: 'Subcontractors for hotel Wi-Fi installations in Tamale and Kumasi',
        offered: 'Three hotel installations of 40 to 80 rooms each in the next quarter; cabling and access points supplied by us.',
        sought: 'Two technicians\' firms with their own tools and a van, paid per room installed.',
        sectors: ['6202', '4321'], countries: [],
      }, now, ['submit']);
      await offer('processing', 'cocoa', {
        kind: 'joint_venture', side: 'request', title: 'Cocoa processing',
        offered: 'Beans and a warehouse.',
        sought: 'A partner.',
        hsCodes: ['1801'], sectors: ['1073'], countries: [],
      }, now, ['submit', 'return'], 'Please say what the partner would bring and what you bring: the volume of beans a year, the share of the investment, and the product (cocoa butter, powder, chocolate). The title names the product, not the partnership you seek.');
      await offer('bags', 'persona', {
        kind: 'subcontracting', side: 'request', title: 'A sewing workshop for kente bags and purses',
        offered: 'Kente strips cut to size, 200 bags a month from March.',
        sought: 'A workshop in Kumasi with industrial machines that lines and finishes bags and purses.',
        hsCodes: ['4202'], sectors: ['1512'], countries: [],
      }, now, []);
      await interest('personaTrail', 'trail', 'persona', 'Our workshop in Bonwire can take groups of up to 20 for a demonstration, Tuesday to Saturday.', now);
      await step('lobby', 'met', 'Met at the hotel; three stoles and two runners left with the manager for the shop.');
      await step('kenteLobby', 'accepted');
      await introduce('stoles', 'persona', 'tours', 'The operator\'s partner schools in the United States could order stoles for their graduations.', { offer: 'stoles', interest: 'toursStoles' });
      await step('gari', 'accepted');
      await step('gari', 'met', 'Tasting in the hotel kitchen with the chef.');
      await step('gari', 'deal', 'The hotel buys 150 kg of gari a week, delivered on Mondays, price fixed until March.');
    }),
  };
}
