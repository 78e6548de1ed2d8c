import type { z } from 'zod';
import type { CertificationInput, CourseDetail, CourseEvaluation, CourseInput, EvaluationKind, EvaluationLinkHandOver, EvaluationLinksSent, EvaluationSettingsInput, Lineage, ModuleInput, SessionInput } from '../../../contracts/training.js';
import type { Certificate, IssueCertificateInput, IssueEligibleCertificatesInput, SigningKeys } from '../../../contracts/certificates.js';
import { api } from '../../app/api.js';

export const coursesPath = '/api/v1/training/courses';

export const trainingKeys = {
  all: ['training'] as const,
  courses: ['training', 'courses'] as const,
  course: (id: string) => ['training', 'course', id] as const,
  lineage: ['training', 'lineage'] as const,
  certificates: (courseId: string) => ['training', 'course', courseId, 'certificates'] as const,
  evaluation: (courseId: string) => ['training', 'course', courseId, 'evaluation'] as const,
  /** A course's participants, paged; under `course(id)`, so what refreshes the course refreshes them. */
  participants: (courseId: string) => ['training', 'course', courseId, 'participants'] as const,
  signingKeys: ['training', 'signing-keys'] as const,
};

export const fetchCourse = (id: string) => api<CourseDetail>(`${coursesPath}/${id}`);
/** A course's participants, a page at a time (`useCursorPages`), and their download. */
export const participantsPath = (courseId: string) => `${coursesPath}/${courseId}/participants`;
export const fetchLineage = () => api<Lineage>('/api/v1/training/lineage');

export const createCourse = (input: z.input<typeof CourseInput>) => api<CourseDetail>(coursesPath, { method: 'POST', body: input });
export const updateCourse = (id: string, input: z.input<typeof CourseInput>) => api<CourseDetail>(`${coursesPath}/${id}`, { method: 'PUT', body: input });
export const addModule = (id: string, input: z.input<typeof ModuleInput>) => api<CourseDetail>(`${coursesPath}/${id}/modules`, { method: 'POST', body: input });
export const updateModule = (id: string, moduleId: string, input: z.input<typeof ModuleInput>) => api<CourseDetail>(`${coursesPath}/${id}/modules/${moduleId}`, { method: 'PUT', body: input });
export const removeModule = (id: string, moduleId: string) => api<CourseDetail>(`${coursesPath}/${id}/modules/${moduleId}`, { method: 'DELETE' });
/** A session is an event (kind training_session) made in draft: it is published on its event page. */
export const addSession = (id: string, input: z.input<typeof SessionInput>) => api<CourseDetail>(`${coursesPath}/${id}/sessions`, { method: 'POST', body: input });
export const addTrainer = (id: string, personId: string) => api<CourseDetail>(`${coursesPath}/${id}/trainers`, { method: 'POST', body: { personId } });
export const removeTrainer = (id: string, personId: string) => api<CourseDetail>(`${coursesPath}/${id}/trainers/${personId}`, { method: 'DELETE' });
export const certifyTrainer = (id: string, input: z.input<typeof CertificationInput>) => api<CourseDetail>(`${coursesPath}/${id}/certifications`, { method: 'POST', body: input });

export const fetchEvaluation = (courseId: string) => api<CourseEvaluation>(`${coursesPath}/${courseId}/evaluation`);
export const setEvaluation = (courseId: string, input: z.input<typeof EvaluationSettingsInput>) => api<CourseEvaluation>(`${coursesPath}/${courseId}/evaluation`, { method: 'PUT', body: input });
/** Staff enter a person's answers to one of the course's forms on the respondent page (web/respond/source.ts). */
/** Takes back a person's answers to one of the course's forms (entered for the wrong person or from the wrong sheet). */
export const removeEvaluationAnswer = (courseId: string, kind: EvaluationKind, personId: string) => api<CourseEvaluation>(`${coursesPath}/${courseId}/evaluation/${kind}/people/${personId}`, { method: 'DELETE' });
export const evaluationAnswerUrl = (courseId: string, kind: EvaluationKind, personId: string) => `/r/course/${encodeURIComponent(courseId)}/${kind}/${encodeURIComponent(personId)}`;
/** Staff correct a person's submitted answers on the respondent page (opened with the answers given). */
export const evaluationCorrectionUrl = (courseId: string, kind: EvaluationKind, personId: string) => `${evaluationAnswerUrl(courseId, kind, personId)}?correct=1`;
/** Mails each participant who has not answered a form their own link to it. */
export const sendEvaluationLinks = (courseId: string, kind: EvaluationKind) => api<EvaluationLinksSent>(`${coursesPath}/${courseId}/evaluation/${kind}/links`, { method: 'POST', body: {} });
/** A participant's own link made (or renewed) to hand over on the spot: a QR code, or copied. */
export const handOverEvaluationLink = (courseId: string, kind: EvaluationKind, personId: string) => api<EvaluationLinkHandOver>(`${coursesPath}/${courseId}/evaluation/${kind}/people/${personId}/link`, { method: 'POST', body: {} });

export const fetchCertificates = (courseId: string) => api<{ items: Certificate[] }>(`${coursesPath}/${courseId}/certificates`);
export const issueCertificate = (courseId: string, input: z.input<typeof IssueCertificateInput>) => api<Certificate>(`${coursesPath}/${courseId}/certificates`, { method: 'POST', body: input });
/** A certificate to every participant who may have one and has none yet, in one request (each signed and audited). */
export const issueEligibleCertificates = (courseId: string, input: z.input<typeof IssueEligibleCertificatesInput>) => api<{ items: Certificate[] }>(`${coursesPath}/${courseId}/certificates/eligible`, { method: 'POST', body: input });
export const revokeCertificate = (id: string, reason: string) => api<Certificate>(`/api/v1/training/certificates/${id}/revoke`, { method: 'POST', body: { reason } });
export const certificatePdfUrl = (id: string) => `/api/v1/training/certificates/${id}/certificate.pdf`;

export const fetchSigningKeys = () => api<SigningKeys>('/api/v1/training/signing-keys');
export const rotateSigningKey = () => api<SigningKeys>('/api/v1/training/signing-keys/rotate', { method: 'POST', body: {} });
