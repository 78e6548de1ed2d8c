import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CountryCode } from '../../../contracts/geo.js';
import { countryCodes, languageEnglishName, subdivisionsOf } from '../../../contracts/geo-data.js';

const tags = ['reference'];
// ISO's lists change with a release of the product, not in between: a browser
// keeps them a week (and TanStack Query for the whole visit), so a page that
// needs a country's regions asks once, and only for that country.
const CACHE = 'public, max-age=604800';
const rateLimit = { max: 300, timeWindow: '1 minute' };

const LanguageCodes = z
  .string()
  .max(2000)
  .transform((s) => [...new Set(s.split(',').map((c) => c.trim().toLowerCase()).filter(Boolean))].slice(0, 200));

/** Reference data the web app loads on demand: countries and languages for sign-up and settings, a country's region names for every page that shows a region. */
export const referenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/reference/countries',
    { schema: { tags, response: { 200: z.object({ items: z.array(z.string()) }) } }, config: { auth: 'public', rateLimit } },
    async (_request, reply) => {
      reply.header('cache-control', CACHE);
      return { items: countryCodes() };
    },
  );

  app.get(
    '/api/v1/reference/regions/:country',
    {
      schema: { tags, params: z.object({ country: CountryCode }), response: { 200: z.object({ country: z.string(), items: z.array(z.object({ code: z.string(), name: z.string() })) }) } },
      config: { auth: 'public', rateLimit },
    },
    async (request, reply) => {
      reply.header('cache-control', CACHE);
      return { country: request.params.country, items: subdivisionsOf(request.params.country) };
    },
  );

  // English names of the languages asked for (ISO 639), for codes the browser's Intl cannot name (e.g. Dagbani, `dag`).
  app.get(
    '/api/v1/reference/languages',
    {
      schema: { tags, querystring: z.object({ codes: LanguageCodes }), response: { 200: z.object({ items: z.array(z.object({ code: z.string(), name: z.string() })) }) } },
      config: { auth: 'public', rateLimit },
    },
    async (request, reply) => {
      reply.header('cache-control', CACHE);
      return { items: request.query.codes.flatMap((code) => { const name = languageEnglishName(code); return name ? [{ code, name }] : []; }) };
    },
  );
};
