/**
 * A request's address as the log keeps it: a path segment that is a secret
 * (a personal link's token: 32 random bytes, 43 base64url characters, after
 * an optional prefix) is replaced by `…`, so a log file hands no one a
 * respondent's or a lead partner's link. Ids (UUIDs) and words stay.
 */
const SECRET_SEGMENT = /(?<=\/)(?:[a-z]{1,3}-)?[A-Za-z0-9_-]{40,}(?=[/?#]|$)/g;

export const logUrl = (url: string) => url.replace(SECRET_SEGMENT, '…');
