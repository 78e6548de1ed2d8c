import type { TFunction } from 'i18next';
import type { RunDetail, SelectionOutcome } from '../../../contracts/led-rating.js';
import type { ClockFormat } from '../../platform/time.js';
import { renderPdf, title, write } from '../../platform/pdf/document.js';
import { table } from '../../platform/pdf/table.js';

/** A criterion's name: its own label, else the translated default key. */
export const criterionLabel = (t: TFunction, c: { key: string; label: string }) => c.label || t(`ledCalls.criteria.${c.key}`, { defaultValue: c.key });

export const reasonText = (t: TFunction, o: SelectionOutcome, f: ClockFormat, currency: string) =>
  t(`led.selection.reasons.${o.reason.code}`, { remaining: f.money(o.reason.remaining ?? 0, currency), count: o.reason.missing?.length ?? 0 });

/**
 * The selection report of one run: what it was given, every application with its raw and
 * normalised score and rank, whether selected and why, and which choices change when a weight
 * moves by ±10 %. Read from the run as stored, so it says what was decided then.
 */
export function selectionReportPdf(run: RunDetail, t: TFunction, f: ClockFormat, orgName: string): Promise<Buffer> {
  const money = (n: number) => f.money(n, run.currency);
  const names = new Map(run.results.map((r) => [r.id, r.title || r.leadName]));
  const heading = `${t('led.selection.reportTitle')}: ${run.callTitle}`;
  return renderPdf({ title: heading, author: orgName }, (doc) => {
    title(doc, heading, [
      `${t('led.selection.runOf', { seq: run.seq })} · ${f.dateTime(run.at)}${run.byName ? ` · ${run.byName}` : ''}`,
      run.normalised ? t('led.selection.basisNormalised') : t('led.selection.basisRaw'),
      `${t('led.selection.budget')} ${money(run.budget)} · ${t('led.selection.spent')} ${money(run.spent)} · ${t('led.selection.remaining')} ${money(run.budget - run.spent)}`,
    ].join('\n'));
    if (!run.inputs.optimal) write(doc, t('led.selection.notProven'), { weight: 'bold', color: '#b42318' });
    write(doc, t('led.selection.criteriaLine', {
      list: run.inputs.criteria.map((c) => `${criterionLabel(t, c)} ${c.weight}`).join(' · '),
      reviewers: run.inputs.reviewers.length,
    }), { size: 9, color: '#555555' });
    doc.moveDown(0.5);
    const basisRank = (o: SelectionOutcome) => (run.normalised ? o.normalisedRank : o.rawRank) ?? Number.MAX_SAFE_INTEGER;
    const ordered = [...run.results].sort((a, b) => basisRank(a) - basisRank(b));
    const score = (n: number | null) => (n === null ? '—' : n.toFixed(2));
    table(
      doc,
      [{ share: 4 }, { share: 3, align: 'end' }, { share: 2.6, align: 'end' }, { share: 1.3, align: 'end' }, { share: 2.6, align: 'end' }, { share: 1.3, align: 'end' }, { share: 5 }],
      [t('led.selection.application'), t('led.selection.requested'), t('led.selection.rawScore'), t('led.selection.rank'), t('led.selection.normalisedScore'), t('led.selection.rank'), t('led.selection.decision')],
      ordered.map((o) => [
        o.title || o.leadName,
        money(o.amount),
        score(o.rawScore),
        o.rawRank === null ? '—' : String(o.rawRank),
        score(o.normalisedScore),
        o.normalisedRank === null ? '—' : String(o.normalisedRank),
        reasonText(t, o, f, run.currency),
      ]),
      { size: 8.5 },
    );
    doc.moveDown(0.8);
    write(doc, t('led.selection.sensitivity'), { weight: 'bold', size: 12 });
    write(doc, t('led.selection.sensitivityHelp'), { size: 9, color: '#555555' });
    const criteria = new Map(run.inputs.criteria.map((c) => [c.id, c]));
    const changes = run.sensitivity.filter((s) => s.entering.length || s.leaving.length);
    if (!changes.length) write(doc, t('led.selection.stable'));
    else {
      table(
        doc,
        [{ share: 4 }, { share: 1.5, align: 'end' }, { share: 5 }, { share: 5 }],
        [t('led.selection.criterion'), t('led.selection.change'), t('led.selection.entering'), t('led.selection.leaving')],
        changes.map((s) => [
          criterionLabel(t, criteria.get(s.criterionId) ?? { key: '?', label: '' }),
          `${s.change > 0 ? '+' : '−'}10 %`,
          s.entering.map((id) => names.get(id) ?? id).join(', ') || '—',
          s.leaving.map((id) => names.get(id) ?? id).join(', ') || '—',
        ]),
        { size: 8.5 },
      );
    }
  });
}
