import { z } from 'zod';

/**
 * Columns a spreadsheet can fill: the member fields, plus two that are not
 * member fields — a total of employees (the registry counts women and men)
 * and the contact person, who becomes the firm's first contact.
 */
export const IMPORT_FIELDS = [
  'legalName', 'tradeName', 'registrationNumber', 'taxNumber', 'isicClass', 'region', 'district', 'address', 'latitude', 'longitude',
  'employeesFemale', 'employeesMale', 'employeesTotal', 'turnover', 'formality', 'womenLed', 'youthLed', 'ownerSex', 'foundedYear', 'products',
  'exportStatus', 'email', 'phone', 'website', 'contactName', 'tags', 'status', 'joinedOn', 'renewalDueOn',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Fields a merge into an existing firm may take from the file, one choice each. */
export const MERGEABLE_FIELDS = [
  'legalName', 'tradeName', 'registrationNumber', 'taxNumber', 'isicClass', 'region', 'district', 'address', 'latitude', 'longitude',
  'employeesFemale', 'employeesMale', 'turnover', 'formality', 'womenLed', 'youthLed', 'ownerSex', 'foundedYear', 'products',
  'exportStatus', 'email', 'phone', 'website', 'joinedOn', 'renewalDueOn',
] as const satisfies readonly ImportField[];
export type MergeableField = (typeof MERGEABLE_FIELDS)[number];

/** Field -> index of the column that fills it. */
export const ImportMapping = z.partialRecord(z.enum(IMPORT_FIELDS), z.number().int().min(0).max(199));
export type ImportMapping = z.infer<typeof ImportMapping>;

/** Per differing field of a merge: keep what the registry has, or take the file's value. */
export const MergeChoice = z.enum(['registry', 'file']);
export type MergeChoice = z.infer<typeof MergeChoice>;

/** What to do with a row that looks like a firm already in the registry. Rows are numbered as in the sheet (header = 1). */
export const DuplicateDecision = z.union([
  z.literal('create'),
  z.literal('skip'),
  z.object({ merge: z.uuid(), fields: z.partialRecord(z.enum(MERGEABLE_FIELDS), MergeChoice).optional() }),
]);
export type DuplicateDecision = z.infer<typeof DuplicateDecision>;
export const ImportDecisions = z.record(z.string().regex(/^\d+$/), DuplicateDecision);

/** Rows of the file that share a registration number: keep one of them (its row number) or all as separate firms. */
export const FileDuplicateChoices = z.record(z.string(), z.union([z.literal('all'), z.number().int().min(2)]));
export type FileDuplicateChoices = z.infer<typeof FileDuplicateChoices>;

/**
 * The number of rejected rows the person agreed to leave out. Absent, a file
 * with rejected rows is refused whole; it must match the check, so rows are
 * never dropped that the person did not see.
 */
export const SkipRejected = z.number().int().min(0);

/** Text encodings a person may force on a CSV file whose names came out garbled: those the file reader knows (TABLE_ENCODINGS). */
export const IMPORT_ENCODINGS = [
  'utf-8', 'utf-16le', 'utf-16be',
  'windows-1252', 'iso-8859-1', 'iso-8859-15', 'macintosh',
  'windows-1250', 'iso-8859-2',
  'windows-1251', 'koi8-r', 'koi8-u', 'ibm866', 'iso-8859-5',
  'windows-1253', 'iso-8859-7',
  'windows-1254',
  'windows-1255', 'iso-8859-8',
  'windows-1256', 'iso-8859-6',
  'windows-1257',
  'windows-1258',
  'windows-874',
  'shift_jis', 'euc-jp', 'iso-2022-jp',
  'gbk', 'gb18030', 'big5',
  'euc-kr',
] as const;
export const ImportEncoding = z.enum(IMPORT_ENCODINGS);

export const ImportPreview = z.object({
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string(),
  columns: z.array(z.string()),
  rowCount: z.number().int(),
  sample: z.array(z.array(z.string())),
  suggestedMapping: ImportMapping,
});

/** A stored or imported value as the person compares it. */
export const FieldValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type FieldValue = z.infer<typeof FieldValue>;

export const ImportProblem = z.object({ field: z.string(), code: z.string(), message: z.string() });
export const ImportReport = z.object({
  rows: z.number().int(),
  valid: z.number().int(),
  rejected: z.array(z.object({ row: z.number().int(), problems: z.array(ImportProblem) })),
  duplicates: z.array(
    z.object({
      row: z.number().int(),
      legalName: z.string(),
      candidates: z.array(
        z.object({
          memberId: z.uuid(),
          legalName: z.string(),
          reason: z.enum(['registration_number', 'similar_name']),
          similarity: z.number(),
          /** Fields the file fills differently; `registry` null = the registry has nothing there yet. */
          differences: z.array(z.object({ field: z.enum([...MERGEABLE_FIELDS, 'status']), registry: FieldValue, file: FieldValue })),
        }),
      ),
      suggested: DuplicateDecision,
    }),
  ),
  /** Valid rows sharing a registration number inside the file. */
  fileDuplicates: z.array(z.object({ registrationNumber: z.string(), rows: z.array(z.object({ row: z.number().int(), legalName: z.string() })) })),
  /** Cells holding a formula: the computed value is imported, the person should know. */
  formulas: z.array(z.object({ row: z.number().int(), column: z.string(), formula: z.string(), value: z.string() })),
  /** Names of the columns no field reads. */
  notImported: z.array(z.string()),
  /** Districts the rows name that the organisation has not set up (rows = how many rows name it). */
  missingDistricts: z.array(z.object({ region: z.string().nullable(), name: z.string(), rows: z.number().int() })),
  /** Rows whose employees are known only as a total: kept as a note on the firm, not as women and men. */
  totalEmployeesAsNote: z.number().int(),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ImportResult = z.object({ importId: z.uuid(), created: z.number().int(), merged: z.number().int(), skipped: z.number().int(), rejected: z.number().int() });

/** Missing districts to add to the organisation's settings from the check step. */
export const AddDistricts = z.object({ districts: z.array(z.object({ region: z.string().trim().toUpperCase().min(1), name: z.string().trim().min(1).max(200) })).min(1).max(2000) });
