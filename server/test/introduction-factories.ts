import { and, eq, sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { expect } from 'vitest';
import type { DealFollowUp } from '../../contracts/networking.js';
import { withSystem } from '../platform/db/tenancy.js';
import type { Client } from './app.js';
import { createMemberFirm } from './factories.js';
import { surveyFollowUps } from '../modules/surveys/tables.js';

// What the tests of introductions and their deal follow-ups build the same way, through the routes.

/** A member firm made active, as introductions need. */
export async function activeFirm(admin: Client, fields: Record<string, unknown>) {
  const firm = await createMemberFirm(admin, fields);
  expect((await admin.post(`/api/v1/members/${firm.id}/status`, { status: 'active' })).statusCode).toBe(200);
  return firm;
}

/** Introduces two firms and moves the introduction through the given states. */
export async function introduce(admin: Client, firmA: string, firmB: string, states: string[]) {
  const intro = (await admin.post('/api/v1/networking/introductions', { firmA, firmB, note: '' })).json() as { id: string };
  for (const state of states) expect((await admin.post(`/api/v1/networking/introductions/${intro.id}/state`, { state })).statusCode).toBe(200);
  return intro.id;
}

/** An introduction's deal follow-ups as staff read them. */
export const followUps = async (admin: Client, introId: string) => (await admin.get(`/api/v1/networking/introductions/${introId}/follow-ups`)).json().items as DealFollowUp[];

/** The organisation's follow-ups of some months become due today (as if the months had passed). */
export const makeDue = (db: NodePgDatabase, orgId: string, months: number) =>
  withSystem(db, (tx) => tx.update(surveyFollowUps).set({ dueOn: sql`current_date` }).where(and(eq(surveyFollowUps.orgId, orgId), eq(surveyFollowUps.months, months))));
