// Without zod, so that a page's download menu does not bring the validator with it.

/** The files a list downloads as. */
export const TABLE_FORMATS = ['csv', 'xlsx'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];
