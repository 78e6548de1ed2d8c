import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { Email, Password } from '../contracts/common.js';
import { OrgInput } from '../contracts/orgs.js';
import { seedDemoIfEmpty } from './demo/seed-demo.js';
import { createOrgWithAdmin } from './platform/tenants/tenants.js';
import { userRoles } from './platform/tenants/tables.js';
import { recordAudit } from './platform/audit/record.js';
import { hashPassword } from './platform/auth/passwords.js';
import { users } from './platform/auth/tables.js';
import { writeBackup } from './platform/backup/backup.js';
import { restoreBackup } from './platform/backup/restore.js';
import { loadConfig } from './platform/config.js';
import { DataFolderLocked } from './platform/db/data-folder-lock.js';
import { openDatabase, type Database } from './platform/db/database.js';
import { runMigrations } from './platform/db/migrate.js';
import { withSystem } from './platform/db/tenancy.js';
import { addDonorPerson } from './modules/results/donor-command.js';

// Operators' commands (a restore of a large backup) may hold a transaction
// longer than a request may, so the request limits are off.
async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ url: config.DATABASE_URL, pgliteDir: config.pgliteDir, poolSize: config.DB_POOL_SIZE, limits: null });
  try {
    await runMigrations(database);
    return await work(database);
  } finally {
    await database.close();
  }
}

function parseWith<T>(schema: z.ZodType<T>) {
  return (value: string) => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new InvalidArgumentError(parsed.error.issues[0]?.message ?? 'invalid');
    return parsed.data;
  };
}

const program = new Command('roundtable').description('Roundtable operator commands. The database is DATABASE_URL, or the embedded one in DATA_DIR.');

program
  .command('migrate')
  .description('Bring the database schema up to date')
  .action(() => withDatabase(async (db) => console.log(`Database (${db.kind}) is up to date.`)));

program
  .command('seed-demo')
  .description('Create the demo organisations and users, if the database is empty')
  .action(() =>
    withDatabase(async (db) => {
      const seeded = await seedDemoIfEmpty(db.db, loadConfig().publicUrl);
      if (!seeded) return console.log('The database already holds organisations; demo data not added.');
      console.log(`Demo data created. Password for every demo user: ${seeded.password}`);
      for (const u of seeded.users) console.log(`  ${u.role.padEnd(8)} ${u.email}`);
    }),
  );

program
  .command('create-admin')
  .description('Create an admin: of a new organisation, or added to an existing one with --org-id')
  .requiredOption('--email <email>', 'e-mail address', parseWith(Email))
  .requiredOption('--name <name>', 'full name')
  .option('--password <password>', 'password (else ROUNDTABLE_ADMIN_PASSWORD, else one is generated)')
  .option('--org-id <uuid>', 'existing organisation to administer', parseWith(z.uuid()))
  .option('--org-name <name>', 'name of a new organisation')
  .option('--country <code>', 'ISO 3166-1 country of the new organisation', 'GH')
  .option('--currency <code>', 'ISO 4217 currency of the new organisation', 'GHS')
  .option('--kind <kind>', 'chamber, association, federation or self_help_group', 'chamber')
  .action((opts) =>
    withDatabase(async (db) => {
      const generated = !opts.password && !process.env.ROUNDTABLE_ADMIN_PASSWORD;
      const password = Password.parse(opts.password ?? process.env.ROUNDTABLE_ADMIN_PASSWORD ?? randomBytes(12).toString('base64url'));
      if (!opts.orgId && !opts.orgName) throw new InvalidArgumentError('Give --org-id or --org-name.');
      const org = opts.orgId ? null : OrgInput.parse({ name: opts.orgName, kind: opts.kind, country: opts.country, currency: opts.currency, languages: ['en'] });
      const passwordHash = await hashPassword(password);
      const orgId = await withSystem(db.db, async (tx) => {
        // An existing account keeps its name and gets the new password.
        const [existing] = await tx.select().from(users).where(sql`lower(${users.email}) = ${opts.email}`);
        const [user] = existing
          ? await tx.update(users).set({ passwordHash }).where(sql`id = ${existing.id}`).returning()
          : await tx.insert(users).values({ email: opts.email, name: opts.name, passwordHash }).returning();
        const actor = { userId: user!.id, name: 'roundtable create-admin' };
        if (org) return (await createOrgWithAdmin(tx, org, { userId: user!.id, name: user!.name })).id;
        await tx
          .insert(userRoles)
          .values({ orgId: opts.orgId, userId: user!.id, role: 'admin' })
          .onConflictDoUpdate({ target: [userRoles.orgId, userRoles.userId], set: { role: 'admin' } });
        await recordAudit({ tx, orgId: opts.orgId, role: 'admin', actor, locale: 'en' }, { action: 'person.add', entityType: 'user', entityId: user!.id, after: { role: 'admin' } });
        return opts.orgId as string;
      });
      console.log(`${opts.email} is an admin of organisation ${orgId}.`);
      if (generated) console.log(`Generated password: ${password}`);
    }),
  );

// Donors (results, issue 20.5) belong to no organisation: an operator adds them and their people.
const donor = program.command('donor').description('Donors and the people who sign in for them');
donor
  .command('add')
  .description('Add a donor (kept if it exists) and a person who signs in for it: an existing account by e-mail, or a new one')
  .requiredOption('--name <name>', "the donor's name, e.g. \"GIZ\"")
  .requiredOption('--email <email>', "the person's e-mail address", parseWith(Email))
  .option('--person-name <name>', "the person's full name, for a new account (default: the e-mail)")
  .option('--password <password>', 'password of a new account, or a new one for an existing account (else ROUNDTABLE_DONOR_PASSWORD, else one is generated for a new account)')
  .action((opts: { name: string; email: string; personName?: string; password?: string }) =>
    withDatabase(async (db) => {
      const name = opts.name.trim();
      if (!name) throw new InvalidArgumentError('Give the donor a name.');
      const given = opts.password ?? process.env.ROUNDTABLE_DONOR_PASSWORD;
      const password = Password.parse(given ?? randomBytes(12).toString('base64url'));
      const added = await addDonorPerson(db.db, { donor: name, email: opts.email, name: opts.personName?.trim() || opts.email, passwordHash: await hashPassword(password), resetPassword: given !== undefined });
      console.log(`${added.user.email} signs in for donor "${added.donor.name}" (${added.donor.id}).`);
      if (added.created && given === undefined) console.log(`New account; generated password: ${password}`);
      if (added.orgs) console.log(`Note: this account also works in ${added.orgs} organisation(s); its donor dashboard is at /donor.`);
    }),
  );

program
  .command('backup <file>')
  .description('Write a consistent backup of the whole database to a file')
  .action((file: string) =>
    withDatabase(async (db) => {
      const { tables, rows } = await writeBackup(db, file);
      console.log(`Backup written to ${file}: ${rows} rows in ${tables} tables.`);
    }),
  );

program
  .command('restore <file>')
  .description('Load a backup into an empty database (all or nothing)')
  .action((file: string) =>
    withDatabase(async (db) => {
      const { rows } = await restoreBackup(db, file);
      console.log(`Restored ${rows} rows from ${file}.`);
    }),
  );

// Two processes must never open one embedded database: while the server runs
// on the data folder, commands are refused with what to do instead.
function explain(error: Error): string {
  if (!(error instanceof DataFolderLocked)) return error.message;
  const holder = error.pid ? ` (pid ${error.pid})` : '';
  return [
    `the server is running on this data folder${holder}: ${path.dirname(error.folder)}`,
    'Stop it first (SIGTERM lets it finish its requests), then run the command again;',
    `or, while it runs, register a new organisation and its first admin at ${loadConfig().publicUrl}/sign-up,`,
    'and add people to an organisation from its Administration pages.',
  ].join('\n');
}

program.parseAsync().catch((error: Error) => {
  console.error(`roundtable: ${explain(error)}`);
  process.exit(1);
});
