import { EnquiryInput, InfoEntryInput, InfoSubscriptionInput } from '../../contracts/networking-info.js';
import { StaffProductInput } from '../../contracts/networking-showcase.js';
import { answerEnquiry, askEnquiry } from '../modules/networking/enquiry-service.js';
import { saveInfoSubscription } from '../modules/networking/info-digest.js';
import { createInfoEntry, setInfoEntryState } from '../modules/networking/info-entry-service.js';
import { createProduct, moveProduct, rateProduct, saveQualityScale } from '../modules/networking/showcase-service.js';
import type { TenantCtx } from '../platform/db/tenancy.js';
import { dayOf } from './back-date.js';
import { chapter, staffCtx, type DemoCast } from './seed-events.js';

const DAY_MS = 86_400_000;

/** The firms of the networking story the showcase and the information service speak of (seed-networking.ts). */
export interface ShowcaseFirms { persona: string; shea: string; gari: string; kente: string }

/**
 * The chamber's showcase of local products and its information service, told
 * in two chapters in the gaps of the others (seed-demo.ts calls them where
 * they fall): about a hundred days ago the chamber sets its One-Village-One-
 * Product scale, publishes and rates the products of four producers, opens the
 * information service with its first entries and answers the persona's question
 * about shipping stoles; yesterday the persona proposes her bags (waiting for
 * staff) and the shea centre phones in a question not answered yet.
 */
export function showcaseStory(cast: DemoCast, firms: ShowcaseFirms) {
  const ctx = staffCtx(cast);
  // The persona acts from her own account: her proposal, her question, what she follows.
  const own: TenantCtx = { tx: cast.tx, orgId: cast.orgId, role: 'member', actor: { userId: cast.persona.userId, name: cast.persona.name }, locale: 'en' };
  const daysAgo = (days: number) => new Date(cast.today.getTime() - days * DAY_MS);

  async function product(input: Record<string, unknown>, rating: number) {
    const id = await createProduct(ctx, StaffProductInput.parse(input));
    await rateProduct(ctx, id, rating);
    await moveProduct(ctx, id, 'publish');
    return id;
  }

  async function entry(input: Record<string, unknown>, now: Date, publish = true) {
    const id = await createInfoEntry(ctx, InfoEntryInput.parse(input));
    if (publish) await setInfoEntryState(ctx, id, 'published', now);
    return id;
  }

  return {
    /** About a hundred days ago, between the networking summer and the Ashanti LED cycle. */
    open: () => chapter(cast, [102.9, 102.2], async () => {
      const now = daysAgo(102.5);
      await saveQualityScale(ctx, {
        name: 'OVOP stars',
        levels: ['Sold in the village', 'Sold in the region', 'Sold across Ghana', 'Ready for export', 'Exported'],
      });
      await product({
        memberId: firms.persona, name: 'Kente graduation stole',
        description: 'Hand-woven on the workshop\'s looms in a school\'s colours, with its name and year woven in; 180 cm, fringed ends.',
        hsCode: '6214', originPlace: 'Bonwire', originRegion: 'GH-AH',
      }, 5);
      await product({
        memberId: firms.shea, name: 'Unrefined shea butter, grade A',
        description: 'Kneaded by hand by the women of eleven villages; every lot tested for free fatty acids. In 500 g tubs and 25 kg cartons.',
        hsCode: '151590', originPlace: 'Savelugu', originRegion: 'GH-NP',
      }, 4);
      await product({
        memberId: firms.gari, name: 'Yellow gari with palm oil',
        description: 'Roasted on stainless steel pans from cassava of the farms nearby, in 1 kg and 5 kg bags.',
        hsCode: '110620', originPlace: 'Ejisu', originRegion: 'GH-AH',
      }, 3);
      await product({
        memberId: firms.kente, name: 'Adinkra-stamped cotton cloth',
        description: 'Cotton cloth stamped by hand with symbols carved from calabash and a dye of badie bark.',
        hsCode: '5208', originPlace: 'Ntonso', originRegion: 'GH-AH',
      }, 4);
      await product({
        producerGroup: 'Bolgatanga Basket Weavers\' Association', name: 'Bolga market basket',
        description: 'Woven from elephant grass with a leather-wrapped handle; each basket signed by its weaver.',
        hsCode: '4602', originPlace: 'Bolgatanga', originRegion: 'GH-UE',
      }, 5);

      // The information service opens with what members ask most.
      await entry({
        type: 'finance', title: 'Export finance for small exporters',
        body: 'The Ghana Export-Import Bank lends to exporters for working capital and equipment, often through partner banks. Bring a firm order or a contract, your last two years\' accounts and your GEPA registration. The chamber can review your application before you file it.',
        source: 'Ghana Export-Import Bank (GEXIM)', reviewOn: dayOf(cast.today, 80), sectors: [], hsCodes: [], countries: ['GH'],
      }, now);
      await entry({
        type: 'export_requirements', title: 'Shea butter to the European Union: organic claims and labels',
        body: 'Butter sold as organic needs the certificate of a body the EU recognises and the certificate of inspection for each lot. Labels name the product, its net weight and the producer, in the language of the country of sale.',
        source: 'European Commission, Access2Markets', reviewOn: dayOf(cast.today, 120), sectors: ['1040'], hsCodes: ['151590'], countries: ['FR', 'DE'],
      }, now);
      await entry({
        type: 'regulation', title: 'Registering a packaged food with the Food and Drugs Authority',
        body: 'Packaged gari, flour and other processed foods sold in shops need an FDA registration number on the label. The Authority inspects the premises, tests a sample and registers each product for a number of years.',
        source: 'Food and Drugs Authority, Ghana', sourceUrl: 'https://fdaghana.gov.gh', reviewOn: dayOf(cast.today, 45), sectors: ['1061', '1040'], hsCodes: ['1106'], countries: ['GH'],
      }, now);
      // Its review date has passed: staff see it flagged.
      await entry({
        type: 'trade_fair', title: 'Ghana International Trade Fair, Accra',
        body: 'The chamber books a shared stand for members in the craft and food halls; firms pay their share of the space and bring their own samples.',
        source: 'Ghana Trade Fair Company', reviewOn: dayOf(cast.today, -5), sectors: ['1312', '1040', '1061'], hsCodes: [], countries: ['GH'],
      }, now);
      await entry({
        type: 'service_provider', title: 'Packaging and label design in Kumasi',
        body: 'Draft: designers and printers members have used for labels, tubs and gift boxes, with what they charge.',
        source: 'Chamber staff, from members\' experience', reviewOn: dayOf(cast.today, 30), sectors: [], hsCodes: [], countries: [],
      }, now, false);

      // The persona follows her trade and markets, and asks how to ship stoles; staff answer the same afternoon.
      await saveInfoSubscription(own, firms.persona, InfoSubscriptionInput.parse({ sectors: ['1312'], hsCodes: ['6214'], countries: ['US', 'GB'] }), now);
      const asked = await askEnquiry(own, firms.persona, EnquiryInput.parse({
        subject: 'Shipping graduation stoles to the United States',
        question: 'A university in Atlanta wants 400 stoles by April. What papers do I need to ship them, and who issues the certificate of origin?',
      }), now);
      await answerEnquiry(ctx, asked, [
        'Send them as a commercial shipment with an invoice and packing list. The chamber issues the certificate of origin: bring the invoice to our office or send it by e-mail and we issue it within two working days.',
        'For 400 stoles a courier is often cheaper than sea freight; ask two couriers for a quote on the total weight. We have added you to the export workshop\'s next session.',
      ].join('\n\n'), new Date(now.getTime() + 5 * 3_600_000));
    }),

    /** Yesterday, between the B2B day's registrations and its matchmaking. */
    yesterday: () => chapter(cast, [0.99, 0.93], async () => {
      const now = daysAgo(0.96);
      const bags = await createProduct(own, StaffProductInput.parse({
        memberId: firms.persona, name: 'Kente purse with a leather strap',
        description: 'Kente strips from the workshop\'s looms, lined and finished in Kumasi; 20 × 14 cm.',
        hsCode: '4202', originPlace: 'Bonwire', originRegion: 'GH-AH',
      }));
      await moveProduct(own, bags, 'submit', { ownerId: firms.persona });
      // The shea centre phones in a question; staff type it in for the firm.
      await askEnquiry(ctx, firms.shea, EnquiryInput.parse({
        subject: 'A guarantee for a loan to buy a butter press',
        question: 'Our bank asks for collateral we do not have for a loan of 80,000 cedis to buy a press. Is there a guarantee scheme that would cover part of it?',
      }), now);
    }),
  };
}
