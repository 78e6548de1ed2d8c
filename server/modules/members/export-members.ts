import type { Readable } from 'node:stream';
import { and, asc, gt } from 'drizzle-orm';
import type { MemberFilter } from '../../../contracts/members.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { streamTable, type TableFormat } from '../../platform/export/stream-table.js';
import { translator } from '../../platform/i18n/i18n.js';
import { currencyDigits } from '../../../contracts/money.js';
import { memberConditions } from './member-conditions.js';
import { members } from './tables.js';

export const EXPORT_COLUMNS = [
  'id', 'legal_name', 'trade_name', 'registration_number', 'tax_number', 'isic_class', 'region', 'district', 'address',
  'latitude', 'longitude', 'employees_female', 'employees_male', 'turnover', 'size_class', 'formality', 'women_led',
  'youth_led', 'owner_sex', 'founded_year', 'products', 'export_status', 'email', 'phone', 'website', 'tags', 'status',
  'joined_on', 'renewal_due_on',
] as const;

/** How the file is written for the person who asked: money in the organisation's currency, yes/no in their language. */
export interface ExportWording {
  currency: string;
  locale: string;
}

/** The header row: money columns name their currency, since the cells hold currency units. */
export function exportHeader(currency: string): string[] {
  return EXPORT_COLUMNS.map((c) => (c === 'turnover' ? `turnover (${currency})` : c));
}

function rowWriter({ currency, locale }: ExportWording) {
  // Stored amounts are minor units (pesewas, paise); a spreadsheet reader expects cedis and rupees.
  const perUnit = 10 ** currencyDigits(currency);
  const t = translator(locale);
  const yesNo = (v: boolean) => (v ? t('ui.yes') : t('ui.no'));
  return (m: typeof members.$inferSelect): Array<string | number | null> => [
    m.id, m.legalName, m.tradeName, m.registrationNumber, m.taxNumber, m.isicClass, m.region, m.district, m.address,
    m.latitude, m.longitude, m.employeesFemale, m.employeesMale, m.turnover === null ? null : m.turnover / perUnit, m.sizeClass, m.formality,
    yesNo(m.womenLed), yesNo(m.youthLed), m.ownerSex, m.foundedYear, m.products, m.exportStatus, m.email, m.phone, m.website, m.tags.join(', '), m.status,
    m.joinedOn, m.renewalDueOn,
  ];
}

/** Matching members in id order, a batch at a time: memory stays flat however many there are. */
async function* batches(ctx: TenantCtx, filter: Omit<MemberFilter, 'sort'>, size = 1000) {
  let after: string | null = null;
  for (;;) {
    const rows = await ctx.tx
      .select()
      .from(members)
      .where(and(...memberConditions(ctx, filter), after ? gt(members.id, after) : undefined))
      .orderBy(asc(members.id))
      .limit(size);
    if (rows.length === 0) return;
    yield rows;
    after = rows.at(-1)!.id;
  }
}

/** Streams the matching firms as CSV or XLSX; `run` executes the reading inside the caller's tenant transaction. */
export function exportMembers(
  format: TableFormat,
  run: (work: (ctx: TenantCtx) => Promise<void>) => Promise<void>,
  filter: Omit<MemberFilter, 'sort'>,
  wording: ExportWording,
): Readable {
  const row = rowWriter(wording);
  return streamTable(format, 'members', exportHeader(wording.currency), (write) =>
    run(async (ctx) => {
      for await (const batch of batches(ctx, filter)) for (const m of batch) await write(row(m));
    }),
  );
}
