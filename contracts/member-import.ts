import { z } from 'zod';

/** Member fields a spreadsheet column can fill. */
export const IMPORT_FIELDS = [
  'legalName', 'tradeName', 'registrationNumber', 'taxNumber', 'isicClass', 'region', 'district', 'address', 'latitude', 'longitude',
  'employeesFemale', 'employeesMale', 'turnover', 'formality', 'womenLed', 'youthLed', 'ownerSex', 'foundedYear', 'products',
  'exportStatus', 'email', 'phone', 'website', 'tags', 'status', 'joinedOn', 'renewalDueOn',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Field -> index of the column that fills it. */
export const ImportMapping = z.partialRecord(z.enum(IMPORT_FIELDS), z.number().int().min(0).max(199));
export type ImportMapping = z.infer<typeof ImportMapping>;

/** What to do with a row that looks like a firm already in the registry. Rows are numbered as in the sheet (header = 1). */
export const DuplicateDecision = z.union([z.literal('create'), z.literal('skip'), z.object({ merge: z.uuid() })]);
export const ImportDecisions = z.record(z.string().regex(/^\d+$/), DuplicateDecision);

export const ImportPreview = z.object({
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string(),
  columns: z.array(z.string()),
  rowCount: z.number().int(),
  sample: z.array(z.array(z.string())),
  suggestedMapping: ImportMapping,
});

export const ImportProblem = z.object({ field: z.string(), code: z.string(), message: z.string() });
export const ImportReport = z.object({
  rows: z.number().int(),
  valid: z.number().int(),
  rejected: z.array(z.object({ row: z.number().int(), problems: z.array(ImportProblem) })),
  duplicates: z.array(
    z.object({
      row: z.number().int(),
      legalName: z.string(),
      candidates: z.array(z.object({ memberId: z.uuid(), legalName: z.string(), reason: z.enum(['registration_number', 'similar_name']), similarity: z.number() })),
      suggested: DuplicateDecision,
    }),
  ),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ImportResult = z.object({ importId: z.uuid(), created: z.number().int(), merged: z.number().int(), skipped: z.number().int() });
