// Apart from surveys.ts so that the results page can name the dimensions
// without the form schema (and the RE2 engine its pattern check loads).
export const CROSS_TAB_DIMENSIONS = ['sector', 'region', 'size', 'ownership', 'ownerSex'] as const;
