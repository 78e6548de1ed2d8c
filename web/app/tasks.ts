import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Task, TaskStarted } from '../../contracts/tasks.js';
import { api, ApiError } from './api.js';

/** The person stopped the work; nothing of it was kept. */
export class TaskCancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Follows long work the server runs as a task (202 and its id) to its end:
 * each state goes to `onChange`; resolves with the result, throws the
 * problem that stopped it, or `TaskCancelledError`. A dropped connection (a
 * phone between two masts) is waited out: the work goes on on the server.
 */
export async function followTask<T>(started: Promise<TaskStarted>, onChange: (task: Task) => void, signal?: AbortSignal): Promise<T> {
  const { taskId } = await started;
  let delay = 300;
  for (;;) {
    // The page was left: stop asking (the work itself goes on, or was cancelled).
    if (signal?.aborted) throw new TaskCancelledError();
    let task: Task;
    try {
      task = await api<Task>(`/api/v1/tasks/${taskId}`);
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'network')) throw error;
      await sleep(3_000);
      continue;
    }
    onChange(task);
    if (task.state === 'done') return task.result as T;
    if (task.state === 'failed') throw new ApiError(task.problem!);
    if (task.state === 'cancelled') throw new TaskCancelledError();
    await sleep(delay);
    delay = Math.min(delay * 1.5, 2_000);
  }
}

/** The task being followed, and a way to ask it to stop (see TaskProgress). */
export function useTask() {
  const [task, setTask] = useState<Task | null>(null);
  const cancel = useMutation({ mutationFn: (id: string) => api(`/api/v1/tasks/${id}/cancel`, { method: 'POST' }) });
  const { reset } = cancel;
  const left = useRef(new AbortController());
  useEffect(() => {
    left.current = new AbortController();
    return () => left.current.abort();
  }, []);
  const follow = useCallback(
    async <T,>(started: Promise<TaskStarted>): Promise<T> => {
      try {
        return await followTask<T>(started, setTask, left.current.signal);
      } finally {
        setTask(null);
        reset();
      }
    },
    [reset],
  );
  return {
    task,
    follow,
    cancel: () => task && cancel.mutate(task.id),
    cancelling: cancel.isPending || !!task?.cancelRequested,
  };
}
