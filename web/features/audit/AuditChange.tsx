import { Anchor, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditEntry } from '../../../contracts/audit.js';
import { auditChanges, recordPath, recordPermission, recordTypeLabel, type AuditReaders, type AuditValue } from '../../app/audit-change.js';
import { countryName, currencyName, formatDate, formatDateTime } from '../../app/format.js';
import { formatMoney, formatNumber } from '../../app/money.js';
import { useLanguageName, useRegionName } from '../../app/reference.js';
import { useCan, useSession } from '../../app/session.js';
import { sectorLabel } from '../../app/sectors.js';

const REGION_FIELDS = ['region', 'regions'];

/** The codes of regions a page of entries holds, so their names load once for the page. */
function codesIn(entries: AuditEntry[], fields: string[]): string[] {
  const codes: string[] = [];
  const take = (v: unknown) => (typeof v === 'string' ? codes.push(v) : Array.isArray(v) ? v.forEach(take) : undefined);
  for (const e of entries) for (const side of [e.before, e.after]) for (const f of fields) take(side?.[f]);
  return codes;
}

/** The readers of a page of entries: the reader's locale, the organisation's currency, names of regions and languages. */
export function useAuditReaders(entries: AuditEntry[]): AuditReaders {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const region = useRegionName(codesIn(entries, REGION_FIELDS));
  const language = useLanguageName(codesIn(entries, ['languages', 'language', 'locale']));
  const currency = session?.org?.currency ?? 'USD';
  return useMemo(
    () => ({
      t, date: formatDate, dateTime: formatDateTime, number: formatNumber, money: (minor: number) => formatMoney(minor, currency),
      region, sector: sectorLabel, country: countryName, currency: currencyName, language,
    }),
    [t, currency, region, language],
  );
}

/** A record of the log by its name, linked where the reader may open it. */
export function RecordLink({ type, id, name }: { type: string; id: string; name: string }) {
  const can = useCan();
  const path = recordPath(type, id);
  const permission = recordPermission[type];
  if (!path || (permission && !can(permission))) return <>{name}</>;
  return <Anchor component={Link} to={path} inherit>{name}</Anchor>;
}

/** The record an entry is about: its type in words and its name. */
export function AuditRecord({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const name = entry.entityName;
  return (
    <>
      <Text size="xs" c="dimmed">{recordTypeLabel(t, entry.entityType)}</Text>
      {name && <Text size="sm">{entry.entityExists ? <RecordLink type={entry.entityType} id={entry.entityId} name={name} /> : name}</Text>}
    </>
  );
}

function Value({ value }: { value: AuditValue }) {
  return value.record ? <RecordLink type={value.record.type} id={value.record.id} name={value.text} /> : <>{value.text}</>;
}

/** What an entry changed: each field by its label, the value it had and the value it took. */
export function AuditChangeList({ entry, readers }: { entry: AuditEntry; readers: AuditReaders }) {
  const changes = auditChanges(entry, readers);
  if (changes.length === 0) return <Text size="xs" c="dimmed">—</Text>;
  return (
    <Stack gap={2}>
      {changes.map((c) => (
        <Text size="xs" key={c.field} style={{ overflowWrap: 'anywhere' }}>
          <b>{c.label}</b>{': '}
          {c.before && c.after ? (
            <><Value value={c.before} />{' → '}<Value value={c.after} /></>
          ) : (
            <Value value={(c.after ?? c.before)!} />
          )}
        </Text>
      ))}
    </Stack>
  );
}
