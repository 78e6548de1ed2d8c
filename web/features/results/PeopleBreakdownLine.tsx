import { Text } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { BREAKDOWN_AGE_BANDS, BREAKDOWN_SEXES, type PeopleBreakdown } from '../../../contracts/results-dashboard.js';
import { NOT_STATED } from '../../../contracts/results.js';
import { formatNumber } from '../../app/money.js';

/** Which figures an umbrella's indicator shows: its totals, or each broken down by sex or by age band. */
export type BreakdownView = 'total' | 'sex' | 'age';

/**
 * A figure's parts on one wrapping line ("Women: 2 · Men: 1 · Not stated: 0"), every category of the
 * report in its order, named as the period's report names them, so a phone shows them under the figure;
 * the colon keeps a band's bounds apart from its count ("25–34: 3", not "25–34 3").
 */
export function PeopleBreakdownLine({ by, view, testId }: { by: PeopleBreakdown | null; view: BreakdownView; testId: string }) {
  const { t } = useTranslation();
  if (view === 'total' || !by) return null;
  const parts = view === 'sex'
    ? BREAKDOWN_SEXES.map((c) => [c === NOT_STATED ? t('results.notStated') : t(`results.categories.${c}`), by.sex[c]] as const)
    : BREAKDOWN_AGE_BANDS.map((c) => [c === NOT_STATED ? t('results.notStated') : t(`peopleReached.bands.${c}`), by.ageBand[c]] as const);
  return (
    <Text size="xs" c="dimmed" data-testid={testId} style={{ overflowWrap: 'anywhere' }}>
      {/* A line breaks between parts, never inside one ("Not / stated: 0"); the dot ends the line it follows. */}
      {parts.map(([label, n], i) => (
        <Fragment key={label}>
          {i > 0 && ' '}
          <span style={{ whiteSpace: 'nowrap' }}>{t('results.breakdownPart', { label, n: formatNumber(n) })}{i < parts.length - 1 && ' ·'}</span>
        </Fragment>
      ))}
    </Text>
  );
}
