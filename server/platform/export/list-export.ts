import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TFunction } from 'i18next';
import type { TableFormat } from '../../../contracts/common.js';
import type { TenantCtx } from '../db/tenancy.js';
import { translator } from '../i18n/i18n.js';
import { streamTable, TABLE_CONTENT_TYPES } from './stream-table.js';

/** A cell: text or a number, never a formula (CSV neutralises a leading `=`, XLSX writes strings as strings). */
export type Cell = string | number | null;

/** One column of a list's download: its header (a catalogue key, written in the reader's language) and its cell. */
export interface ExportColumn<T> {
  header: string;
  cell: (row: T, t: TFunction) => Cell | boolean | undefined;
}

/**
 * What a list downloads: the file's name, its columns, and the list's own
 * page function, called with the request's filters and order and a cursor
 * until the last page, so the file holds exactly what the screen lists.
 */
export interface ListExport<T, Q> {
  name: string;
  columns: Array<ExportColumn<T>>;
  page: (ctx: TenantCtx, query: Q & { cursor?: string; limit: number }) => Promise<{ items: T[]; nextCursor: string | null }>;
}

/** Rows read per page of a download: the page functions cap nothing, the API's `limit` is capped by its contract. */
const EXPORT_PAGE = 500;

/** The language the file is written in: the person's chosen one, which a download link's Accept-Language may not carry. */
export function exportLocale(request: FastifyRequest): string {
  return request.principal?.user?.locale ?? request.locale;
}

function cellOf(value: Cell | boolean | undefined, t: TFunction): Cell {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? t('ui.yes') : t('ui.no');
  return value;
}

/**
 * Sends a list as CSV or XLSX, read page by page in one tenant transaction
 * (a consistent snapshot, memory flat however long the list). The route
 * declares `<list path>/export.csv` and `…/export.xlsx` with the list's
 * filter contract and its own permission.
 */
export function sendListExport<T, Q extends object>(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  format: TableFormat,
  list: ListExport<T, Q>,
  query: Q,
) {
  const t = translator(exportLocale(request));
  const header = list.columns.map((c) => t(c.header));
  const stream = streamTable(format, list.name.slice(0, 31), header, (write) =>
    app.tenant(request, async (ctx) => {
      let cursor: string | undefined;
      do {
        const page = await list.page(ctx, { ...query, cursor, limit: EXPORT_PAGE });
        for (const row of page.items) await write(list.columns.map((c) => cellOf(c.cell(row, t), t)));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    }),
  );
  reply.header('content-disposition', `attachment; filename="${list.name}.${format}"`);
  reply.type(TABLE_CONTENT_TYPES[format]);
  return reply.send(stream);
}
