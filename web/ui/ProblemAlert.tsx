import { Alert } from '@mantine/core';
import { ApiError } from '../app/api.js';
import { TaskCancelledError } from '../app/tasks.js';
import { useTranslation } from 'react-i18next';

/** The reason a request was refused, in the user's language; nothing when there is no error. */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  // A cancellation is the person's own choice, not a problem: TaskCancelledNote says it.
  if (!error || error instanceof TaskCancelledError) return null;
  const title = error instanceof ApiError ? error.problem.title : t('errors.internal');
  // A field message that repeats the title (a broken link's) adds nothing.
  const details = error instanceof ApiError ? (error.problem.errors ?? []).filter((e) => e.message !== title) : [];
  return (
    <Alert color="red" role="alert" title={title} variant="light">
      {details.length
        ? details.map((e) => (
            <div key={e.path}>
              {e.path}: {e.message}
            </div>
          ))
        : null}
    </Alert>
  );
}
