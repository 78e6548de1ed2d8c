import type { Certificate } from '../../../contracts/certificates.js';
import type { CourseDetail, CourseParticipant } from '../../../contracts/training.js';

/** Whether a participant may get a certificate: a course's completer, a ToT's certified trainer (the server's `levelOf`). */
export const certifiable = (course: Pick<CourseDetail, 'kind'>, p: Pick<CourseParticipant, 'completed' | 'certification'>) => (course.kind === 'tot' ? p.certification !== null : p.completed);

/**
 * Who "Issue certificates to all who completed" will give one to, as
 * `POST /courses/:id/certificates/eligible` chooses them: every participant who
 * may have one and has none yet, a revoked one counting as one (the server
 * issues once per person and course).
 */
export function certificatesDue<P extends Pick<CourseParticipant, 'personId' | 'completed' | 'certification'>>(course: Pick<CourseDetail, 'kind'> & { participants: P[] }, certificates: Array<Pick<Certificate, 'personId'>>): P[] {
  const holders = new Set(certificates.map((c) => c.personId));
  return course.participants.filter((p) => certifiable(course, p) && !holders.has(p.personId));
}
