import { namesFrom, type RecordVocabulary } from '../../platform/audit/record-names.js';
import { resultsFrameworks, resultsIndicators, resultsPeriods } from './tables.js';

/** What the audit log calls results frameworks, their indicators and periods. */
export const resultsRecordNames: RecordVocabulary = {
  names: {
    results_framework: namesFrom(resultsFrameworks, resultsFrameworks.id, resultsFrameworks.orgId, resultsFrameworks.name),
    results_indicator: namesFrom(resultsIndicators, resultsIndicators.id, resultsIndicators.orgId, resultsIndicators.name),
    results_period: namesFrom(resultsPeriods, resultsPeriods.id, resultsPeriods.orgId, resultsPeriods.label),
  },
  references: { frameworkId: 'results_framework', indicatorId: 'results_indicator', periodId: 'results_period' },
};
