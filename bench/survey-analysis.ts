import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Database } from '../server/platform/db/database.js';
import type { Client } from '../server/test/app.js';
import { createOrg } from '../server/test/factories.js';
import { inProcessProduct, percentile } from './lib.js';
import { createPublishedForm } from '../server/test/survey-factories.js';

/** 100,000 submitted responses to the port clearance form, written in SQL, firms' profiles varied. */
export async function seedResponses(database: Database, orgId: string, consultationId: string, count = 100_000) {
  await database.db.execute(sql`
    INSERT INTO responses (org_id, consultation_id, form_version, status, channel, submitted_at, firm, answers)
    SELECT ${orgId}::uuid, ${consultationId}::uuid, 1, 'submitted', 'web', now() - (i || ' minutes')::interval,
      jsonb_build_object('sector', (ARRAY['A','C','G','I','J'])[1 + i % 5], 'region', (ARRAY['GH-AA','GH-AH','GH-NP'])[1 + i % 3],
                         'size', (ARRAY['micro','micro','small','medium'])[1 + i % 4], 'ownership', (ARRAY['women_led','other','youth_led'])[1 + i % 3],
                         'ownerSex', (ARRAY['female','male'])[1 + i % 2]),
      jsonb_strip_nulls(jsonb_build_object(
        'imports', CASE WHEN i % 3 = 0 THEN 'no' ELSE 'yes' END,
        'days', CASE WHEN i % 3 = 0 THEN NULL ELSE (i % 40) END,
        'problems', CASE i % 3 WHEN 0 THEN NULL WHEN 1 THEN '["inspection","fees"]'::jsonb ELSE '["systems"]'::jsonb END,
        'satisfaction', 1 + i % 5,
        'rating', jsonb_build_object('speed', (ARRAY['good','poor'])[1 + i % 2], 'cost', (ARRAY['poor','good','poor'])[1 + i % 3]),
        'comment', 'Clearance took too long, shipment ' || i))
    FROM generate_series(1, ${count}) AS i`);
  await database.db.execute(sql`VACUUM ANALYZE responses`);
}

/** p50/p95 of a consultation's analysis (every question) and of one cross-tab, over 100,000 responses, through the API. */
export async function surveyAnalysis(kind: 'pglite' | 'postgres', runs = 20) {
  const { app, database, close } = await inProcessProduct(kind);
  try {
    const { admin, orgId } = await createOrg(app);
    const form = await createPublishedForm(admin as Client);
    const id = (await admin.post('/api/v1/consultations', { title: 'Bench', formId: form.id, identity: 'anonymous' })).json().id;
    await admin.post(`/api/v1/consultations/${id}/open`);
    await seedResponses(database, orgId, id);
    // Rows written in SQL are older than the tallies: the first analysis counts them, once.
    const firstStart = performance.now();
    const first = await admin.get(`/api/v1/consultations/${id}/analysis`);
    if (first.statusCode !== 200) throw new Error(first.body);
    const firstAnalysisMs = Math.round(performance.now() - firstStart);
    await database.db.execute(sql`VACUUM ANALYZE response_tallies`);
    const results: Record<string, { p50: number; p95: number }> = {};
    for (const [name, query] of Object.entries({ 'every question': '', 'cross-tab by region': '?by=region', 'cross-tab by size, one region': '?by=size&region=GH-NP' })) {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        const res = await admin.get(`/api/v1/consultations/${id}/analysis${query}`);
        if (res.statusCode !== 200) throw new Error(res.body);
        times.push(performance.now() - start);
      }
      results[name] = { p50: percentile(times, 50), p95: percentile(times, 95) };
    }
    return { kind, responses: 100_000, firstAnalysisCountingOlderResponsesMs: firstAnalysisMs, results };
  } finally {
    await close();
  }
}

/** Gzipped size of the JavaScript the respondent page loads: its entry, what it preloads, and one language. */
export function respondentPageSize() {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  const dist = path.resolve('web/dist');
  const html = fs.readFileSync(path.join(dist, 'respond.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const entry = fs.readFileSync(path.join(dist, files[0]!), 'utf8');
  // The language catalogue and the runtime it needs, loaded on start.
  const english = [...entry.matchAll(/"(assets\/(?:en|rolldown-runtime)-[\w-]+\.js)"/g)].map((m) => m[1]!);
  const all = [...new Set([...files, ...english])];
  const sizes = all.map((f) => ({ file: f, gzip: gzipSync(fs.readFileSync(path.join(dist, f))).length }));
  return { files: sizes, totalGzipBytes: sizes.reduce((t, s) => t + s.gzip, 0), htmlGzipBytes: gzipSync(html).length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const which = process.argv[2];
  if (!which || which === 'size') console.log(JSON.stringify(respondentPageSize(), null, 1));
  for (const kind of (which && which !== 'size' ? [which] : which === 'size' ? [] : ['postgres', 'pglite']) as Array<'pglite' | 'postgres'>) {
    console.log(JSON.stringify(await surveyAnalysis(kind), null, 1));
  }
}
