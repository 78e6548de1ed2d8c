import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig, type Config } from '../platform/config.js';
import type { Database } from '../platform/db/database.js';
import { createTestDatabase } from './database.js';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
}

export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: 'http://roundtable.test', LOGIN_RATE_LIMIT: '1000', ...env });
  // TEST_LOG=1 shows the server's log, e.g. the cause of a 500.
  // Every write that succeeds without an audit entry answers 500 here (platform/audit/audited-writes.ts),
  // and every reply is checked against its schema (platform/http/presented-replies.ts).
  const app = await buildApp({ config, database, serveWeb: false, logger: process.env.TEST_LOG ? { level: 'error' } : false, strictAudit: true, strictReplies: true });
  await app.ready();
  return { app, database, config };
}

/** One app on one fresh database for the whole test file. */
export function useTestApp(env: Record<string, string> = {}): TestApp {
  const holder = {} as TestApp;
  beforeAll(async () => {
    Object.assign(holder, await startTestApp(env));
  });
  afterAll(async () => {
    await holder.app?.close();
    await holder.database?.close();
  });
  return holder;
}

/** A signed-in browser: carries the session cookie and CSRF token like the web app does. */
export class Client {
  constructor(
    readonly app: FastifyInstance,
    public cookie = '',
    public csrf = '',
  ) {}

  async request(options: InjectOptions): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...(options.headers as Record<string, string>) };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && options.method && options.method !== 'GET') headers['x-csrf-token'] ??= this.csrf;
    const res = await this.app.inject({ ...options, headers });
    const set = res.cookies.find((c) => c.name === 'rt_session');
    if (set) this.cookie = set.value ? `rt_session=${set.value}` : '';
    if (res.statusCode < 300 && res.headers['content-type']?.includes('json')) {
      const body = res.json() as { csrfToken?: string };
      if (body?.csrfToken) this.csrf = body.csrfToken;
    }
    return res;
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request({ method: 'GET', url, headers });
  }
  post(url: string, payload?: unknown, headers?: Record<string, string>) {
    return this.request({ method: 'POST', url, payload: payload as object, headers });
  }
  put(url: string, payload?: unknown, headers?: Record<string, string>) {
    return this.request({ method: 'PUT', url, payload: payload as object, headers });
  }
  delete(url: string, headers?: Record<string, string>) {
    return this.request({ method: 'DELETE', url, headers });
  }

  /** A multipart upload of one file, with text fields sent as JSON. */
  async upload(url: string, file: Buffer, filename: string, fields: Record<string, unknown> = {}) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, JSON.stringify(v));
    form.append('file', new Blob([new Uint8Array(file)]), filename);
    const encoded = new Response(form);
    const payload = Buffer.from(await encoded.arrayBuffer());
    return this.request({ method: 'POST', url, payload, headers: { 'content-type': encoded.headers.get('content-type')! } });
  }

  /**
   * Follows a task a route started (202 and its id) to its end, and answers
   * as the route did before it became a task: 200 and the result, or the
   * problem's status and the problem. Other answers pass through.
   */
  async finished(started: LightMyRequestResponse): Promise<{ statusCode: number; json(): any; task?: unknown }> {
    if (started.statusCode !== 202) return started;
    const { taskId } = started.json() as { taskId: string };
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
      const res = await this.get(`/api/v1/tasks/${taskId}`);
      const task = res.json();
      if (res.statusCode !== 200) return res;
      if (task.state === 'done') return { statusCode: 200, json: () => task.result, task };
      if (task.state === 'failed') return { statusCode: task.problem.status, json: () => task.problem, task };
      if (task.state === 'cancelled') return { statusCode: 499, json: () => task, task };
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`task ${taskId} did not finish within a minute`);
  }

  async login(email: string, password: string) {
    const res = await this.post('/api/v1/auth/login', { email, password });
    if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
    return this;
  }
}
