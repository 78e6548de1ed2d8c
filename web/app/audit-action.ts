import type { TFunction } from 'i18next';

/**
 * What an audit entry's action reads as, in the reader's language. An advocacy
 * issue's steps are audited as `advocacy_issue.<step>` and read as the issue's
 * history reads them (`advocacy.events`); an action without a label shows its
 * code rather than nothing.
 */
export function auditActionLabel(t: TFunction, action: string): string {
  const step = /^advocacy_issue\.(.+)$/.exec(action)?.[1];
  if (step) return t(`advocacy.events.${step}`, { defaultValue: t(`audit.actions.${action}`, { defaultValue: action }) });
  return t(`audit.actions.${action}`, { defaultValue: action });
}
