import type { FastifyReply } from 'fastify';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { AppError } from '../errors/app-error.js';
import { login } from './auth-service.js';
import { signInRules } from './limits.js';
import { giveBackAttempt, takeAttempt, type ThrottleRule } from './throttle.js';

/** Counts the attempt; past a limit it is refused before anything is checked, with Retry-After. */
export async function guardAttempt(db: NodePgDatabase, reply: FastifyReply, rules: ThrottleRule[]) {
  const refusal = await takeAttempt(db, rules);
  if (!refusal) return;
  reply.header('retry-after', String(refusal.retryAfterSeconds));
  throw new AppError('auth.too_many_attempts', { minutes: Math.ceil(refusal.retryAfterSeconds / 60) });
}

/**
 * A sign-in as every door takes it (the API and the server's sign-in page):
 * counted per account and per address, refused during a lockout even with the
 * right password, and given back when it succeeds (only failures count).
 */
export async function countedSignIn(
  db: NodePgDatabase,
  reply: FastifyReply,
  attempt: { limit: number; ip: string; userAgent: string | undefined },
  input: { email: string; password: string },
) {
  const rules = signInRules(attempt.limit, input.email, attempt.ip);
  await guardAttempt(db, reply, rules);
  const session = await login(db, input, attempt.userAgent);
  await giveBackAttempt(db, rules);
  return session;
}
