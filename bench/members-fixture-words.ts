import { sql } from 'drizzle-orm';
import type { Database } from '../server/platform/db/database.js';

// Word lists a registry's names are made of. Each name draws from them
// independently: a place (most names), a person, a trade, a legal form, a
// number; every other column is drawn on its own too, so no filter follows
// from the name or from another filter (members-fixture.ts derives every
// column from one index, which lines them all up).
const PLACES = ['Kumasi', 'Accra', 'Tamale', 'Tema', 'Takoradi', 'Cape Coast', 'Sunyani', 'Ho', 'Koforidua', 'Bolgatanga', 'Wa',
  'Techiman', 'Obuasi', 'Nkawkaw', 'Winneba', 'Elmina', 'Yendi', 'Ejisu', 'Bonwire', 'Savelugu', 'Hohoe', 'Keta', 'Aflao', 'Nsawam',
  'Kasoa', 'Madina', 'Ashaiman', 'Dambai', 'Damongo', 'Nalerigu', 'Sefwi Wiawso', 'Goaso', 'Dunkwa', 'Tarkwa', 'Prestea', 'Axim',
  'Akim Oda', 'Berekum', 'Kintampo', 'Salaga'];
const PEOPLE = ['Mensah', 'Asante', 'Owusu', 'Boateng', 'Issah', 'Alhassan', 'Quaye', 'Tetteh', 'Agyeman', 'Darko', 'Nyarko',
  'Fuseini', 'Osei', 'Addo', 'Appiah', 'Amoah', 'Ansah', 'Acheampong', 'Adjei', 'Amankwah', 'Baffour', 'Bonsu', 'Danquah', 'Dery',
  'Donkor', 'Frimpong', 'Gyamfi', 'Kuffour', 'Larbi', 'Lamptey', 'Manu', 'Nkrumah', 'Obeng', 'Ofori', 'Opoku', 'Sarpong', 'Wiredu',
  'Yeboah', 'Zakari', 'Abubakar', 'Mahama', 'Iddrisu', 'Seidu', 'Salifu', 'Awuni', 'Atta', 'Kumah', 'Kwarteng', 'Sackey', 'Quarshie',
  'Essien', 'Ekow', 'Efua', 'Akosua', 'Ama', 'Kofi', 'Kwame', 'Yaw', 'Kojo', 'Adwoa'];
const TRADES = ['Trading', 'Kente Weavers', 'Shea Processors', 'Gari Mills', 'Cocoa Buyers', 'Auto Repairs', 'Guest House', 'Tours',
  'Software Solutions', 'ICT Consult', 'Rice Millers', 'Grain Traders', 'Fashion House', 'Fashion Designs', 'Bakery', 'Cold Store',
  'Pharmacy', 'Hardware', 'Building Materials', 'Construction', 'Printing Press', 'Poultry Farm', 'Fish Mongers', 'Palm Oil Mills',
  'Cassava Processors', 'Soap Makers', 'Beads Makers', 'Furniture Works', 'Welding Works', 'Electricals', 'Transport', 'Logistics',
  'Catering Services', 'Restaurant', 'Hotel', 'Beauty Salon', 'Tailoring', 'Shoe Makers', 'Cosmetics', 'Water Supply',
  'Agro Chemicals', 'Fertiliser Dealers', 'Microfinance', 'Insurance Brokers', 'Real Estate', 'Car Rentals', 'Mobile Money',
  'Phone Accessories', 'Solar Energy', 'Pottery', 'Basket Weavers', 'Café', 'Boulangerie', 'Coopérative Agricole',
  'Société Commerciale', 'Crèche'];
const LEGAL_FORMS = ['Ltd', 'Limited', 'Enterprise', 'Enterprises', 'Ventures', 'Company', '& Sons', 'Co-operative', 'Group',
  'Associates', 'Company Limited', 'Sàrl'];
const SECTORS = [['1061', 'C', '10', '106'], ['1040', 'C', '10', '104'], ['1079', 'C', '10', '107'], ['1312', 'C', '13', '131'],
  ['1410', 'C', '14', '141'], ['2220', 'C', '22', '222'], ['4100', 'F', '41', '410'], ['4520', 'G', '45', '452'],
  ['4620', 'G', '46', '462'], ['4711', 'G', '47', '471'], ['4772', 'G', '47', '477'], ['4923', 'H', '49', '492'],
  ['5510', 'I', '55', '551'], ['5610', 'I', '56', '561'], ['6201', 'J', '62', '620'], ['6419', 'K', '64', '641'],
  ['7911', 'N', '79', '791'], ['9602', 'S', '96', '960']];
const REGIONS = ['GH-AA', 'GH-AH', 'GH-NP', 'GH-CP', 'GH-WP', 'GH-EP', 'GH-UE'];
const TAGS = ['crafts', 'agro-processing', 'tourism', 'ict', 'trade', 'auto'];

const list = (xs: string[]) => sql`ARRAY[${sql.join(xs.map((x) => sql`${x}`), sql`, `)}]::text[]`;

/**
 * 100,000 firms in one organisation, every column drawn independently
 * (seeded, so each run gets the same registry). Real registries are
 * skewed: the earlier entries of each list are drawn more often
 * (random()^1.6 picks the first tenth of a list about a quarter of the time).
 * The size class follows from the employees by the default thresholds, as
 * the product derives it.
 */
export async function seedIndependentFirms(database: Database, orgId: string, count = 100_000) {
  const pick = (xs: string[], chance = 1) => sql`CASE WHEN random() < ${chance} THEN (${list(xs)})[1 + floor(${xs.length} * power(random(), 1.6))::int] END`;
  const sectors = sql.join(SECTORS.map(([code, section, division, group], n) => sql`(${n + 1}::int, ${code}::text, ${section}::text, ${division}::text, ${group}::text)`), sql`, `);
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT setseed(0.42)`);
    await tx.execute(sql`
      INSERT INTO members (org_id, legal_name, registration_number, isic_class, isic_section, isic_division, isic_group, region,
                           employees_female, employees_male, size_class, formality, women_led, youth_led, tags, status, renewal_due_on)
      SELECT ${orgId}::uuid, f.name, 'RG' || (1000000 + f.i), s.code, s.section, s.division, s.grp, f.region, f.women, f.men,
        CASE WHEN f.women + f.men <= 9 THEN 'micro' WHEN f.women + f.men <= 49 THEN 'small' WHEN f.women + f.men <= 249 THEN 'medium' ELSE 'large' END,
        f.formality, f.women_led, f.youth_led, f.tags, f.status, f.renewal
      FROM (
        SELECT i,
          concat_ws(' ', ${pick(PLACES, 0.75)}, ${pick(PEOPLE, 0.55)}, ${pick(TRADES)}, ${pick(LEGAL_FORMS, 0.7)},
                    CASE WHEN random() < 0.25 THEN (1 + floor(random() * 2000))::text END) AS name,
          1 + floor(${SECTORS.length} * power(random(), 1.6))::int AS sector,
          ${pick(REGIONS)} AS region,
          floor(exp(random() * 4.5))::int - 1 AS women, floor(exp(random() * 5))::int - 1 AS men,
          CASE WHEN random() < 0.3 THEN 'informal' ELSE 'formal' END AS formality,
          random() < 0.3 AS women_led, random() < 0.2 AS youth_led,
          CASE WHEN random() < 0.2 THEN ARRAY[${pick(TAGS)}, ${pick(TAGS)}] ELSE ARRAY[${pick(TAGS)}] END AS tags,
          (ARRAY['active','active','active','active','applicant','lapsed','lapsed','suspended','resigned'])[1 + floor(random() * 9)::int] AS status,
          date '2026-01-01' + floor(random() * 730)::int AS renewal
        FROM generate_series(1, ${count}) AS i
      ) f
      JOIN (VALUES ${sectors}) AS s(n, code, section, division, grp) ON s.n = f.sector`);
  });
  // Autovacuum would have run on a live server: without it counts cannot use index-only scans.
  const tables = await database.db.execute<{ name: string }>(sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND (tablename = 'members' OR tablename LIKE 'member\_name\_%')`);
  for (const { name } of tables.rows) await database.db.execute(sql.raw(`VACUUM ANALYZE "${name}"`));
}
