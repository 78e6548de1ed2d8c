import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, Page, TABLE_FORMATS } from '../../../../contracts/common.js';
import { sendListExport, type ListExport } from '../../../platform/export/list-export.js';
import { MatchQuery, MergeInput, NewPersonInput, Person, PersonDetail, PersonInput, PersonFilter, PersonMatch, PersonQuery, UniqueCount, UniqueCountQuery } from '../../../../contracts/people.js';
import { countUniquePeople } from '../participation-service.js';
import { createPerson, editPerson, findMatches, getPerson, listPeople, mergePeople } from '../person-service.js';

const tags = ['people'];

/** The list of people reached as a file: what the screen lists, in its order. */
const peopleExport: ListExport<Person, PersonFilter> = {
  name: 'people-reached',
  columns: [
    { header: 'peopleReached.name', cell: (p) => p.name },
    { header: 'peopleReached.sex', cell: (p, t) => t(`peopleReached.sexes.${p.sex}`) },
    { header: 'peopleReached.birthYear', cell: (p) => p.birthYear },
    { header: 'peopleReached.ageNow', cell: (p, t) => t(`peopleReached.bands.${p.ageBandNow}`) },
    { header: 'peopleReached.phone', cell: (p) => p.phone },
    { header: 'peopleReached.email', cell: (p) => p.email },
    { header: 'peopleReached.firm', cell: (p) => p.member?.name ?? '' },
    { header: 'peopleReached.branch', cell: (p) => p.branch?.name ?? '' },
    { header: 'peopleReached.participations', cell: (p) => p.participations },
    { header: 'ui.export.recorded', cell: (p) => p.createdAt },
  ],
  page: listPeople,
};

/** People the programmes reach: the list, a person's page, recording with matches, merging. */
export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/v1/people-reached', {
    schema: { tags, querystring: PersonQuery, response: { 200: Page(Person).extend({ total: z.number().int().nullable() }) } },
    config: { auth: 'tenant', permission: 'people_reached.read' },
  }, async (request) => app.tenant(request, (ctx) => listPeople(ctx, request.query)));

  for (const format of TABLE_FORMATS) {
    app.get(`/api/v1/people-reached/export.${format}`, {
      schema: { tags, querystring: PersonFilter },
      config: { auth: 'tenant', permission: 'people_reached.read' },
    }, async (request, reply) => sendListExport(app, request, reply, format, peopleExport, request.query));
  }

  // Asked while a person is typed in, before saving: who this may already be.
  app.get('/api/v1/people-reached/matches', {
    schema: { tags, querystring: MatchQuery, response: { 200: z.object({ items: z.array(PersonMatch) }) } },
    config: { auth: 'tenant', permission: 'people_reached.read' },
  }, async (request) => app.tenant(request, async (ctx) => ({ items: await findMatches(ctx, request.query) })));

  // People counted once across every participation, beside the sum of participations.
  app.get('/api/v1/people-reached/summary', {
    schema: { tags, querystring: UniqueCountQuery, response: { 200: UniqueCount } },
    config: { auth: 'tenant', permission: 'people_reached.read' },
  }, async (request) => app.tenant(request, (ctx) => {
    const { kind, source, role, from, to } = request.query;
    return countUniquePeople(ctx, { kinds: kind ? [kind] : undefined, sources: source ? [source] : undefined, roles: role ? [role] : undefined, from, to });
  }));

  app.get('/api/v1/people-reached/:id', {
    schema: { tags, params: IdParams, response: { 200: PersonDetail } },
    config: { auth: 'tenant', permission: 'people_reached.read' },
  }, async (request) => app.tenant(request, (ctx) => getPerson(ctx, request.params.id)));

  app.post('/api/v1/people-reached', {
    schema: { tags, body: NewPersonInput, response: { 201: PersonDetail } },
    config: { auth: 'tenant', permission: 'people_reached.manage' },
  }, async (request, reply) => {
    reply.code(201);
    return app.tenant(request, async (ctx) => getPerson(ctx, await createPerson(ctx, request.body)));
  });

  app.put('/api/v1/people-reached/:id', {
    schema: { tags, params: IdParams, body: PersonInput, response: { 200: PersonDetail } },
    config: { auth: 'tenant', permission: 'people_reached.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await editPerson(ctx, request.params.id, request.body);
    return getPerson(ctx, request.params.id);
  }));

  // The other record's participations move here; it stays as a pointer to this one.
  app.post('/api/v1/people-reached/:id/merge', {
    schema: { tags, params: IdParams, body: MergeInput, response: { 200: PersonDetail } },
    config: { auth: 'tenant', permission: 'people_reached.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await mergePeople(ctx, request.params.id, request.body.otherId);
    return getPerson(ctx, request.params.id);
  }));
};
