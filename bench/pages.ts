/**
 * The pages issue 14 measures, on the demo organisation: member-facing ones
 * (≤ 150 kB compressed on a first visit, Lighthouse ≥ 90), staff ones
 * (≤ 350 kB, Lighthouse ≥ 90) and public ones (Lighthouse ≥ 95). Shared by
 * page-weight.ts and lighthouse.ts.
 */
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../server/demo/seed-demo.js';
import { startProduct } from './lib.js';

/**
 * The product to measure: its own process on a fresh embedded database, or
 * one already running with the demo data at BENCH_URL (on a loaded machine a
 * first start with demo data can outlast the start-up deadline).
 */
export async function productToMeasure(): Promise<{ url: string; stop(): Promise<void> }> {
  const url = process.env.BENCH_URL;
  return url ? { url: url.replace(/\/$/, ''), stop: async () => {} } : startProduct('pglite');
}

export type Audience = 'member' | 'staff' | 'public';
export interface BenchPage {
  name: string;
  path: string;
  audience: Audience;
  /** Who is signed in (a session cookie `name=value`), or nobody. */
  cookie: string | null;
  /** Compressed bytes of a first visit, in kB; null where the issue sets none. */
  maxKb: number | null;
  minScore: number;
}

export async function signIn(base: string, role: 'member' | 'staff' | 'admin'): Promise<string> {
  const person = DEMO_PEOPLE.find((p) => p.role === role)!;
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: person.email, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in of ${person.email} failed: ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

async function get<T>(base: string, path: string, cookie: string): Promise<T> {
  const res = await fetch(`${base}${path}`, { headers: { cookie, accept: 'application/json' } });
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as T;
}

export async function benchPages(base: string): Promise<BenchPage[]> {
  const member = await signIn(base, 'member');
  const staff = await signIn(base, 'staff');
  const session = await get<{ org: { id: string } }>(base, '/api/v1/auth/session', staff);
  const consultations = (await get<{ items: Array<{ id: string; submitted: number; publicUrl: string | null }> }>(base, '/api/v1/consultations?limit=50', staff)).items;
  const results = [...consultations].sort((a, b) => b.submitted - a.submitted)[0];
  const publicLink = consultations.find((c) => c.publicUrl)?.publicUrl ?? (await openAnonymousConsultation(base, staff, consultations[0]!.id));
  const issue = (await get<{ items: Array<{ id: string }> }>(base, '/api/v1/advocacy-issues', staff)).items[0];
  // The demo's round table meeting (a forum's first meeting).
  let meeting: string | undefined;
  for (const forum of (await get<{ items: Array<{ id: string }> }>(base, '/api/v1/forums', staff)).items) {
    meeting ??= (await get<{ meetings: Array<{ id: string }> }>(base, `/api/v1/forums/${forum.id}`, staff)).meetings[0]?.id;
  }
  if (!results || !issue || !meeting) throw new Error('the demo has no consultation, advocacy issue or meeting');
  const pages: BenchPage[] = [
    { name: 'sign-in', path: '/sign-in', audience: 'member', cookie: null, maxKb: 150, minScore: 90 },
    { name: 'member home', path: '/', audience: 'member', cookie: member, maxKb: 150, minScore: 90 },
    { name: 'issues raised (member)', path: '/issues', audience: 'member', cookie: member, maxKb: 150, minScore: 90 },
    { name: 'my firm (member)', path: '/my-firm', audience: 'member', cookie: member, maxKb: 150, minScore: 90 },
    { name: 'member list (staff)', path: '/members', audience: 'staff', cookie: staff, maxKb: 350, minScore: 90 },
    { name: 'consultation results (staff)', path: `/consultations/${results.id}`, audience: 'staff', cookie: staff, maxKb: 350, minScore: 90 },
    { name: 'advocacy issue (staff)', path: `/advocacy/${issue.id}`, audience: 'staff', cookie: staff, maxKb: 350, minScore: 90 },
    { name: 'meeting (staff)', path: `/dialogue/meetings/${meeting}`, audience: 'staff', cookie: staff, maxKb: 350, minScore: 90 },
    { name: 'reform tracker (public)', path: `/reforms/${session.org.id}`, audience: 'public', cookie: null, maxKb: null, minScore: 95 },
    { name: 'respondent page (public)', path: new URL(publicLink).pathname, audience: 'public', cookie: null, maxKb: null, minScore: 95 },
    // Issue 17: the public LED page; issue 18: the public directory and a firm's page in it.
    { name: 'LED page (public)', path: `/local-development/${session.org.id}`, audience: 'public', cookie: null, maxKb: null, minScore: 95 },
    { name: 'directory (public)', path: `/directory/${session.org.id}`, audience: 'public', cookie: null, maxKb: null, minScore: 95 },
    { name: 'firm in the directory (public)', path: await firmInDirectory(base, session.org.id), audience: 'public', cookie: null, maxKb: null, minScore: 95 },
    { name: 'certificate check (public)', path: '/verify', audience: 'public', cookie: null, maxKb: null, minScore: 95 },
  ];
  return pages;
}

/** The first firm the public directory links to, read from the page itself as a visitor would. */
async function firmInDirectory(base: string, orgId: string): Promise<string> {
  const html = await (await fetch(`${base}/directory/${orgId}`)).text();
  const link = new RegExp(`href="(/directory/${orgId}/firms/[^"?]+)`).exec(html)?.[1];
  if (!link) throw new Error('the demo directory lists no firm');
  return link;
}

/** The demo's consultations go to firms by invitation; the public link of an anonymous one is the respondent page anyone opens. */
async function openAnonymousConsultation(base: string, cookie: string, likeId: string): Promise<string> {
  const { csrfToken } = await get<{ csrfToken: string }>(base, '/api/v1/auth/session', cookie);
  const post = async <T>(path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const like = await get<{ formId: string }>(base, `/api/v1/consultations/${likeId}`, cookie);
  const created = await post<{ id: string }>('/api/v1/consultations', { title: 'Open questionnaire (benchmark)', formId: like.formId, identity: 'anonymous', audience: {} });
  const opened = await post<{ publicUrl: string | null }>(`/api/v1/consultations/${created.id}/open`);
  if (!opened.publicUrl) throw new Error('an open anonymous consultation has no public link');
  return opened.publicUrl;
}
