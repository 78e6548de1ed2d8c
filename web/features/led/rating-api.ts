import type { z } from 'zod';
import type { ConflictInput, RatingBoard, RunDetail, ScoreInput } from '../../../contracts/led-rating.js';
import type { Person } from '../../../contracts/orgs.js';
import { api, withQuery } from '../../app/api.js';

// Rating and selection of a call (issue 17.6): each change answers the board as it now is.
const callPath = (callId: string) => `/api/v1/led/calls/${callId}`;

export const ratingKeys = {
  board: (callId: string) => ['led', 'call', callId, 'rating'] as const,
  run: (callId: string, runId: string) => ['led', 'call', callId, 'run', runId] as const,
  people: ['led', 'panel', 'people'] as const,
};

/** The organisation's people, for the panel picker (its first 200 by name). */
export const fetchPeopleForPanel = () => api<{ items: Person[] }>(withQuery('/api/v1/org/people', { limit: 200 }));

export const fetchBoard = (callId: string) => api<RatingBoard>(`${callPath(callId)}/rating`);
export const addReviewer = (callId: string, userId: string) => api<RatingBoard>(`${callPath(callId)}/reviewers`, { method: 'POST', body: { userId } });
export const removeReviewer = (callId: string, userId: string) => api<RatingBoard>(`${callPath(callId)}/reviewers/${userId}`, { method: 'DELETE' });
export const declareConflict = (callId: string, input: z.input<typeof ConflictInput>) => api<RatingBoard>(`${callPath(callId)}/conflicts`, { method: 'POST', body: input });
export const saveScore = (callId: string, input: z.input<typeof ScoreInput>) => api<RatingBoard>(`${callPath(callId)}/scores`, { method: 'POST', body: input });
export const runSelection = (callId: string, normalised: boolean) => api<RunDetail>(`${callPath(callId)}/selections`, { method: 'POST', body: { normalised } });
export const fetchRun = (callId: string, runId: string) => api<RunDetail>(`${callPath(callId)}/selections/${runId}`);
export const runPdfUrl = (callId: string, runId: string) => `${callPath(callId)}/selections/${runId}/report.pdf`;
export const measureFromApplication = (callId: string, runId: string, applicationId: string) =>
  api<RunDetail>(`${callPath(callId)}/selections/${runId}/measures`, { method: 'POST', body: { applicationId } });
