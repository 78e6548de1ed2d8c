import type { Assessment, Bottleneck, KeyFigure, LedRegion, LedSector, LedTeamMember, Measure } from '../../../contracts/led.js';
import type { ledAssessments, ledBottlenecks, ledKeyFigures, ledMeasures, ledRegions, ledTeamMembers } from './tables.js';

export type RegionRow = typeof ledRegions.$inferSelect;
export type TeamMemberRow = typeof ledTeamMembers.$inferSelect;
export type KeyFigureRow = typeof ledKeyFigures.$inferSelect;
export type AssessmentRow = typeof ledAssessments.$inferSelect;
export type BottleneckRow = typeof ledBottlenecks.$inferSelect;
export type MeasureRow = typeof ledMeasures.$inferSelect;

export interface RegionCounts { teamSize: number; bottlenecks: number; measures: number }

export function presentRegion(r: RegionRow, beside: { branches: Map<string, string>; counts: RegionCounts | undefined }): LedRegion {
  return {
    id: r.id,
    name: r.name,
    region: r.region,
    district: r.district,
    branchId: r.branchId,
    branchName: r.branchId ? beside.branches.get(r.branchId) ?? null : null,
    narrative: r.narrative,
    teamSize: beside.counts?.teamSize ?? 0,
    bottlenecks: beside.counts?.bottlenecks ?? 0,
    measures: beside.counts?.measures ?? 0,
    published: r.published,
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function presentTeamMember(r: TeamMemberRow, beside: { firms: Map<string, string> }): LedTeamMember {
  return {
    id: r.id,
    body: r.body as LedTeamMember['body'],
    name: r.name,
    sector: r.sector as LedSector,
    sectorKind: r.sectorKind,
    organisation: r.organisation,
    role: r.role,
    email: r.email,
    phone: r.phone,
    memberId: r.memberId,
    firmName: r.memberId ? beside.firms.get(r.memberId) ?? null : null,
    contactId: r.contactId,
    decisionMakerId: r.decisionMakerId,
  };
}

export function presentKeyFigure(r: KeyFigureRow): KeyFigure {
  return { id: r.id, topic: r.topic as KeyFigure['topic'], label: r.label, value: Number(r.value), unit: r.unit, source: r.source, year: r.year };
}

export function presentAssessment(r: AssessmentRow): Assessment {
  return { id: r.id, year: r.year, factor: r.factor, finding: r.finding as Assessment['finding'], rating: r.rating, evidence: r.evidence, source: r.source };
}

export function presentBottleneck(r: BottleneckRow, beside: { measures: number }): Bottleneck {
  return { id: r.id, title: r.title, kind: r.kind, description: r.description, factor: r.factor, evidence: r.evidence, measures: beside.measures, advocacyIssueId: r.advocacyIssueId };
}

export function presentMeasure(r: MeasureRow, beside: { bottlenecks: Map<string, string> }): Measure {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    bottleneckId: r.bottleneckId,
    bottleneckTitle: r.bottleneckId ? beside.bottlenecks.get(r.bottleneckId) ?? null : null,
    partners: r.partners as Measure['partners'],
    budget: r.budget,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    status: r.status as Measure['status'],
    leadEmail: r.leadEmail,
  };
}
