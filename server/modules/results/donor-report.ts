import type { TFunction } from 'i18next';
import { subdivisionName } from '../../../contracts/geo-data.js';
import { isicEntry } from '../../../contracts/isic.js';
import { minorToMajor } from '../../../contracts/money.js';
import type { FrameworkFinance } from '../../../contracts/results-finance.js';
import { NOT_STATED, type Dimension, type Figure, type IndicatorResult } from '../../../contracts/results.js';
import type { ClockFormat } from '../../platform/time.js';
import type { getFramework } from './framework-service.js';
import type { periodReport } from './period-service.js';

type Framework = Awaited<ReturnType<typeof getFramework>>;
type Report = Awaited<ReturnType<typeof periodReport>>;

/** A figure in a report file: the words a person reads, and the number a spreadsheet keeps (null for texts). */
export interface ReportFigure {
  text: string;
  value: number | null;
}

export interface ReportIndicator {
  name: string;
  level: string;
  kind: string;
  unit: string;
  baseline: number | null;
  target: number | null;
  /** Percent of the target reached, when both are numbers. */
  progress: number | null;
  /** A pooled percentage: its figures are percents. */
  share: boolean;
  total: ReportFigure;
  records: number;
  breakdowns: Array<{ dimension: string; rows: Array<{ category: string; figure: ReportFigure }>; overlap: string | null }>;
}

/**
 * A period's report as the donor files print it (PDF and XLSX): the same
 * figures the report page shows, taken from `periodReport` and nothing else,
 * so a file cannot disagree with the page. Names replace codes (regions,
 * sectors, categories) in the reader's language.
 */
export interface DonorReport {
  title: string;
  lines: string[];
  /** Set when an approved report no longer matches its checksum. */
  warning: string | null;
  indicators: ReportIndicator[];
  corrections: Array<{ name: string; reported: ReportFigure; now: ReportFigure; added: number; gone: number }>;
  /**
   * The framework's money in the period: its budget lines that cover some of its days, and its
   * transactions dated in it added up by type and currency (amounts in major units for a spreadsheet).
   */
  budgets: Array<{ period: string; type: string; status: string; amount: ReportFigure; currency: string }>;
  transactionTotals: Array<{ type: string; count: number; amount: ReportFigure; currency: string }>;
  footer: string;
}

export function donorReport(framework: Framework, report: Report, orgName: string, t: TFunction, format: ClockFormat, now: Date, finance: FrameworkFinance | null = null): DonorReport {
  const figure = (f: Figure | null | undefined): ReportFigure => {
    if (!f) return { text: '—', value: null };
    if ('n' in f) return { text: format.number(f.n), value: f.n };
    if ('num' in f) {
      if (f.pct === null) return { text: t('results.noDenominator'), value: null };
      const pct = Math.round(f.pct * 10) / 10;
      return { text: t('results.share', { pct: format.number(pct, { minimumFractionDigits: 1, maximumFractionDigits: 1 }), num: format.number(f.num), den: format.number(f.den) }), value: pct };
    }
    return { text: f.text.length ? f.text.join(' · ') : '—', value: null };
  };
  const category = (dimension: string, code: string) => {
    if (code === NOT_STATED) return t('results.notStated');
    if (dimension === 'region') return subdivisionName(code) ?? code;
    if (dimension === 'sector') {
      const title = isicEntry(code)?.title;
      return title ? `${code} — ${title}` : code;
    }
    if (dimension === 'age_band') return t(`peopleReached.bands.${code}`, { defaultValue: code });
    return t(`results.categories.${code}`, { defaultValue: code });
  };
  const about = new Map(framework.indicators.map((i) => [i.id, i]));
  const indicators = report.results.map((line): ReportIndicator => {
    const known = about.get(line.indicatorId);
    const target = line.target ?? null;
    const n = 'n' in line.total ? line.total.n : null;
    return {
      name: line.name,
      level: known ? t(`results.levels.${known.level}`) : '',
      kind: known ? t(`results.kinds.${known.kind}`) : '',
      unit: known?.unit ?? '',
      baseline: known?.baseline ?? null,
      target,
      progress: target && n !== null ? Math.round((n / target) * 100) : null,
      share: 'num' in line.total,
      total: figure(line.total),
      records: line.records,
      breakdowns: Object.entries(line.breakdowns as IndicatorResult['breakdowns']).map(([dimension, b]) => ({
        dimension: t(`results.dimension.${dimension as Dimension}`),
        rows: b!.categories.map((c) => ({ category: category(dimension, c.category), figure: figure(c.figure) })),
        overlap: b!.overlap > 0 ? t('results.overlap', { count: b!.overlap, dimension: t(`results.dimension.${dimension as Dimension}`) }) : null,
      })),
    };
  });
  const money = (minor: number, currency: string): ReportFigure => ({ text: format.money(minor, currency), value: minorToMajor(minor, currency) });
  const budgets = (finance?.budgets ?? [])
    .filter((b) => b.startsOn <= report.endsOn && b.endsOn >= report.startsOn)
    .map((b) => ({
      period: `${format.date(b.startsOn)} – ${format.date(b.endsOn)}`,
      type: t(`results.finance.budgetTypes.${b.type}`),
      status: t(`results.finance.budgetStatuses.${b.status}`),
      amount: money(b.value, b.currency),
      currency: b.currency,
    }));
  const sums = new Map<string, { type: string; currency: string; count: number; minor: number }>();
  for (const tr of (finance?.transactions ?? []).filter((x) => x.on >= report.startsOn && x.on <= report.endsOn)) {
    const key = `${tr.type} ${tr.currency}`;
    const sum = sums.get(key) ?? { type: tr.type, currency: tr.currency, count: 0, minor: 0 };
    sums.set(key, { ...sum, count: sum.count + 1, minor: sum.minor + tr.value });
  }
  const transactionTotals = [...sums.values()].map((s) => ({ type: t(`results.finance.transactionTypes.${s.type}`), count: s.count, amount: money(s.minor, s.currency), currency: s.currency }));
  const state =
    report.approved !== null
      ? t('results.approvedBy', { by: report.approved.by, at: format.dateTime(report.approved.at) }) + ` ${t('results.checksum')}: ${report.approved.checksum}`
      : t(`results.report.counted.${report.state}`, { date: format.dateTime(now) });
  return {
    title: t('results.report.title', { framework: framework.name }),
    lines: [
      t('results.report.period', { label: report.label, from: format.date(report.startsOn, 'long'), to: format.date(report.endsOn, 'long') }),
      ...(framework.donor ? [t('results.report.donor', { donor: framework.donor })] : []),
      `${t(`results.states.${report.state}`)} · ${state}`,
    ],
    warning: report.approved && !report.approved.intact ? t('results.tampered') : null,
    indicators,
    corrections: report.corrections.map((c) => ({ name: c.name, reported: figure(c.reported as Figure), now: figure(c.now as Figure | null), added: c.added.length, gone: c.gone.length })),
    budgets,
    transactionTotals,
    footer: t('results.report.footer', { org: orgName }),
  };
}
