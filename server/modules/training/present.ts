import type { CourseKind, CourseModule, CourseSummary } from '../../../contracts/training.js';
import type { trainingCourses, trainingModules } from './tables.js';

export type CourseRow = typeof trainingCourses.$inferSelect;
export type ModuleRow = typeof trainingModules.$inferSelect;

/** A course as the list shows it, with its number of sessions and the next one's start. */
export function presentCourse(r: CourseRow, beside: { sessions: number; nextSessionAt: Date | null }): CourseSummary {
  return {
    id: r.id,
    title: r.title,
    kind: r.kind as CourseKind,
    description: r.description,
    audience: r.audience,
    hours: r.hours,
    completionShare: r.completionShare,
    sessions: beside.sessions,
    nextSessionAt: beside.nextSessionAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export const presentModule = (m: ModuleRow): CourseModule => ({ id: m.id, position: m.position, title: m.title, objectives: m.objectives, materials: m.materials, hours: m.hours });
