import { B2bProfileInput, B2bSettingsInput } from '../../contracts/b2b.js';
import type { Registration } from '../../contracts/events.js';
import { answerRequest, cancelRequest, requestMeeting, runScheduler, saveProfile, saveSettings } from '../modules/b2b/b2b-service.js';
import { listRegistrations } from '../modules/events/registration-service.js';
import { directoryFirms } from '../modules/members/audience-service.js';
import type { TenantCtx } from '../platform/db/tenancy.js';
import { dayAt } from './back-date.js';
import { chapter, staffCtx, type DemoCast } from './seed-events.js';

/** What a firm of each sector brings to the B2B day and looks for there (ISIC division or class first). */
const PITCH: Array<{ sector: string; offer: string; seek: string; sectors: string[] }> = [
  { sector: '55', offer: 'A hotel that buys locally: lobby shop, spa and kitchen; orders every quarter, paid within 30 days.', seek: 'Kente and adinkra pieces for the shop and the rooms, shea butter and soap for the spa, gari and fruit for the kitchen.', sectors: ['1312', '1040', '1061'] },
  { sector: '1312', offer: 'Handwoven kente stoles, table runners and cloth, in small lots with the weaver\'s name.', seek: 'Hotel shops and tour operators who order every season.', sectors: ['55', '79'] },
  { sector: '1040', offer: 'Unrefined shea butter and shea soap in bars, in tubs or cartons, with a hotel\'s own label.', seek: 'Spas and hotel rooms that order every quarter.', sectors: ['55'] },
];
const pitchFor = (sector: string | null) => PITCH.find((p) => sector?.startsWith(p.sector)) ?? PITCH[1]!;

/**
 * Matchmaking at the Ashanti B2B day, opened when its seats were taken (seed-events.ts):
 * twenty-minute meetings from half past nine, with a coffee break and lunch, on six tables
 * named after Kumasi's quarters; requests until three days before. Ten firms (four hotels,
 * weavers and shea processors) say what they offer and seek; the persona asks the hotels from
 * her own account. Most requests are accepted, two declined, some still waiting, one
 * withdrawn. One hotel's buyer is there only in the morning and a shea processor from the
 * north only in the afternoon: their meeting cannot be placed, and the schedule says why.
 * Staff run the scheduler, and a meeting asked and accepted afterwards is placed around it
 * (the hotel's agenda issued again).
 */
export async function seedB2bMatchmaking(cast: DemoCast, eventId: string) {
  const ctx = staffCtx(cast);
  const own: TenantCtx = { tx: cast.tx, orgId: cast.orgId, role: 'member', actor: { userId: cast.persona.userId, name: cast.persona.name }, locale: 'en' };
  const on = 19;

  const requests = await chapter(cast, [0.9, 0.6], async () => {
    await saveSettings(ctx, eventId, B2bSettingsInput.parse({
      firstSlotAt: dayAt(cast.today, on, 9, 30), slotMinutes: 20, slotCount: 15,
      breaks: [{ afterSlot: 6, minutes: 15 }, { afterSlot: 9, minutes: 60 }],
      tableCount: 6, tableNames: ['Adum', 'Asafo', 'Bantama', 'Manhyia', 'Nhyiaeso', 'Suame'],
      requestDeadline: dayAt(cast.today, on - 3, 17),
    }));
    const seated = (await listRegistrations(ctx, eventId)).filter((r) => r.status === 'registered' && r.member);
    const sectors = await directoryFirms(ctx, [...new Set(seated.map((r) => r.member!.id))]);
    const sectorOf = (r: Registration) => sectors.get(r.member!.id)?.sector ?? null;
    const regionOf = (r: Registration) => sectors.get(r.member!.id)?.region ?? null;
    // One person per firm takes part: the first registered of each (the persona herself for hers).
    const firstOfFirm = seated.filter((r, i) => seated.findIndex((x) => x.member!.id === r.member!.id) === i);
    const persona = firstOfFirm.find((r) => r.member!.id === cast.persona.firmId)!;
    const of = (prefix: string) => firstOfFirm.filter((r) => r !== persona && sectorOf(r)?.startsWith(prefix));
    // The invited buyers are hotels; the suppliers weavers and shea processors, one of them from the north.
    const [hotel1, hotel2, hotel3, hotel4] = of('55') as Array<Registration | undefined>;
    const [kente1, kente2] = of('1312') as Array<Registration | undefined>;
    const shea = of('1040');
    const northern = shea.find((r) => regionOf(r) === 'GH-NP') ?? shea[2];
    const [shea1, shea2] = shea.filter((r) => r !== northern) as Array<Registration | undefined>;
    if (!hotel1 || !hotel2 || !hotel3 || !hotel4 || !kente1 || !kente2 || !shea1 || !shea2 || !northern) throw new Error('demo: the B2B day lacks the buyers and suppliers of its matchmaking');

    // Profiles: the persona's from her account, the others' entered by staff from the registration forms.
    // One hotel's buyer is there in the morning only; the processor from the north arrives for the afternoon.
    const morning = Array.from({ length: 9 }, (_, i) => i);
    const afternoon = Array.from({ length: 6 }, (_, i) => 9 + i);
    for (const r of [persona, hotel1, hotel2, hotel3, hotel4, kente1, kente2, shea1, shea2, northern]) {
      const pitch = pitchFor(r === persona ? '1312' : sectorOf(r));
      const available = r === hotel4 ? morning : r === northern ? afternoon : r === kente2 ? [...morning.slice(2), ...afternoon] : null;
      await saveProfile(r === persona ? own : ctx, eventId, r.id, B2bProfileInput.parse({ offer: pitch.offer, seek: pitch.seek, sectors: pitch.sectors, available }));
    }

    const ask = async (from: Registration, to: Registration, message: string): Promise<Asked> =>
      ({ id: await requestMeeting(from === persona ? own : ctx, eventId, from.id, { toRegistrationId: to.id, message }), from, to });
    return {
      persona, ask, latecomer: { from: shea2, to: hotel1 },
      accepted: [
        await ask(persona, hotel1, 'Kente stoles and table runners for your lobby shop; I bring samples and a price list.'),
        await ask(persona, hotel2, 'Table runners and cushion covers woven in your colours for the rooms.'),
        await ask(shea1, hotel1, 'Shea body butter and soap for your spa, with your label.'),
        await ask(shea1, hotel3, 'Small bars of shea soap for the rooms, 3,000 a year.'),
        await ask(kente1, hotel2, 'Framed kente strips for the corridors and the restaurant.'),
        await ask(kente2, hotel3, 'Adinkra cloth and stoles for the gift shop.'),
        await ask(hotel4, northern, 'Organic shea butter for our new spa: can you deliver to Accra?'),
        await ask(northern, hotel1, 'Organic shea butter for the spa, from our centre near Tamale.'),
      ],
      toPersona: await ask(hotel3, persona, 'Kente for the uniforms of our reception staff.'),
      declined: [await ask(shea2, hotel2, 'Shea soap in every room.'), await ask(kente2, hotel4, 'Kente stoles for your boutique.')],
      pending: [await ask(persona, hotel4, 'Kente cushion covers for the suites.'), await ask(kente2, hotel1, 'Adinkra cloth for the lobby shop.'), await ask(shea2, hotel3, 'Shea products in your welcome packs.')],
      withdrawn: await ask(hotel2, kente2, 'Kente for the reception desk.'),
    };
  });

  // The answers come in, the chamber runs the scheduler, and one meeting accepted after it is placed around it.
  await chapter(cast, [0.55, 0.35], async () => {
    // The side asked answers: the persona from her account, the others by staff as they call in.
    const answer = (r: Asked, accept: boolean) => answerRequest(r.to === requests.persona ? own : ctx, eventId, r.to.id, r.id, accept);
    for (const r of [...requests.accepted, requests.toPersona]) await answer(r, true);
    for (const r of requests.declined) await answer(r, false);
    await cancelRequest(ctx, eventId, requests.withdrawn.from.id, requests.withdrawn.id);
    await runScheduler(ctx, eventId);
    // After the run, a processor asks a hotel that says yes at once: placed around the schedule issued.
    await answer(await requests.ask(requests.latecomer.from, requests.latecomer.to, 'Shea soap and body butter for the spa\'s treatments.'), true);
  });
}

interface Asked { id: string; from: Registration; to: Registration }
