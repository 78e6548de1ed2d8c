import pg from 'pg';
import { NodePgSession, NodePgTransaction, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { PgDialect } from 'drizzle-orm/pg-core';

const dialect = new PgDialect();

/** A transaction of the app's database (re-exported by tenancy.ts, where services take it from). */
export type Tx = Parameters<Parameters<NodePgDatabase['transaction']>[0]>[0];

/**
 * A transaction whose BEGIN travels with its first statements. drizzle's
 * own `transaction` sends BEGIN alone and waits for it; here `opening`
 * (`BEGIN; ...; ...`) goes as one simple query, one round trip, and `work`
 * receives each statement's result beside the transaction. The simple
 * protocol carries no parameters: whoever writes `opening` quotes its values.
 */
export async function transactionOpenedWith<T>(
  db: NodePgDatabase,
  opening: string,
  work: (tx: Tx, opened: pg.QueryResult[]) => Promise<T>,
): Promise<T> {
  // drizzle(pool) keeps its pool there; NodePgDatabase's type does not say so.
  const pool = (db as NodePgDatabase & { $client?: unknown }).$client;
  if (!(pool instanceof pg.Pool)) throw new Error('transactionOpenedWith needs a database over a pool');
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    const results = (await client.query(opening)) as pg.QueryResult | pg.QueryResult[];
    const tx = new NodePgTransaction(dialect, new NodePgSession(client, dialect, undefined), undefined) as unknown as Tx;
    const result = await work(tx, Array.isArray(results) ? results : [results]);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // Outside a transaction (the opening never reached BEGIN) ROLLBACK only warns.
    await client.query('ROLLBACK').catch((lost: Error) => (broken = lost));
    throw error;
  } finally {
    // A connection that cannot even roll back is not given to the next request.
    client.release(broken);
  }
}
