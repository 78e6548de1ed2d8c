import http from 'node:http';
import pg from 'pg';

/**
 * The yardstick of `throughput.ts`: what the 50-firm list would cost with
 * nothing around its query. Plain `node:http`, the product's pool size, the
 * list's first-page query as the owner (no session, no transaction, no row
 * security) in one round trip, the rows as JSON.
 * Run: node --import tsx bench/minimal-list-server.ts <database url> <org id> <port>
 */
const [url, orgId, port] = process.argv.slice(2) as [string, string, string];
const pool = new pg.Pool({ connectionString: url, max: 10 });
const LIST =
  'SELECT m.*, lower(m.legal_name)::text AS k FROM members m WHERE m.org_id = $1 ORDER BY lower(m.legal_name) ASC, m.id ASC LIMIT 51';

const server = http.createServer((_request, response) => {
  pool.query(LIST, [orgId]).then(
    ({ rows }) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ items: rows.slice(0, 50) }));
    },
    (error: Error) => {
      response.writeHead(500).end(error.message);
    },
  );
});
server.listen(Number(port), '127.0.0.1', () => console.log('ready'));
process.on('SIGTERM', () => server.close(() => void pool.end()));
