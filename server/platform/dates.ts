/** Today's date in UTC as YYYY-MM-DD, the form `date` columns and contracts use. */
export const todayIso = () => new Date().toISOString().slice(0, 10);
