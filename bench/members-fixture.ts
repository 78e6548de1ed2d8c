import { sql } from 'drizzle-orm';
import type { Database } from '../server/platform/db/database.js';

/**
 * 100,000 firms in one organisation, written in SQL for speed: names from
 * Ghanaian places and trades, sectors, regions, sizes, tags and statuses
 * spread as in a real registry.
 */
export async function seedManyFirms(database: Database, orgId: string, count = 100_000) {
  await database.db.execute(sql`
    INSERT INTO members (org_id, legal_name, registration_number, isic_class, isic_section, isic_division, isic_group, region,
                         employees_female, employees_male, size_class, formality, women_led, youth_led, tags, status, renewal_due_on)
    SELECT ${orgId}::uuid,
      (ARRAY['Kumasi','Tamale','Accra','Tema','Bolgatanga','Ho','Koforidua','Sunyani','Techiman','Yendi','Ejisu','Bonwire','Savelugu','Obuasi','Elmina'])[1 + (i % 15)]
        || ' ' || (ARRAY['Mensah','Asante','Owusu','Boateng','Issah','Alhassan','Quaye','Tetteh','Agyeman','Darko','Nyarko','Fuseini','Osei','Addo','Appiah'])[1 + ((i / 15) % 15)]
        || ' ' || (ARRAY['Kente Weavers','Shea Processors','Gari Mills','Cocoa Buyers','Auto Repairs','Guest House','Tours','Software Solutions','ICT Consult','Rice Millers','Grain Traders','Fashion House'])[1 + ((i / 225) % 12)]
        || ' ' || i,
      'CS' || (100000 + i),
      c.code, c.section, c.division, c.grp,
      (ARRAY['GH-AA','GH-AH','GH-NP','GH-CP','GH-WP','GH-EP','GH-UE'])[1 + (i % 7)],
      i % 9, i % 13, (ARRAY['micro','micro','micro','small','small','medium','large'])[1 + (i % 7)],
      CASE WHEN i % 5 = 0 THEN 'informal' ELSE 'formal' END, i % 3 = 0, i % 4 = 0,
      ARRAY[(ARRAY['crafts','agro-processing','tourism','ict','trade','auto'])[1 + (i % 6)]],
      (ARRAY['active','active','active','active','applicant','lapsed','suspended'])[1 + (i % 7)],
      date '2026-01-01' + (i % 700)
    FROM generate_series(1, ${count}) AS i
    CROSS JOIN LATERAL (SELECT * FROM (VALUES
      ('1061','C','10','106'), ('1040','C','10','104'), ('1312','C','13','131'), ('4620','G','46','462'),
      ('4520','G','45','452'), ('5510','I','55','551'), ('7911','N','79','791'), ('6201','J','62','620')) AS v(code, section, division, grp)
      OFFSET (i % 8) LIMIT 1) c`);
  // Autovacuum would have run on a live server: without it counts cannot use index-only scans.
  await database.db.execute(sql`VACUUM ANALYZE members`);
  await database.db.execute(sql`VACUUM ANALYZE member_name_starts`);
}
