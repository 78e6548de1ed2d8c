import { schemaResolver, useForm } from '@mantine/form';
import type { z } from 'zod';
import { ApiError } from '../app/api.js';
import '../app/form-messages.js';

/**
 * A Mantine form validated by the same zod contract the server applies, so
 * the browser refuses what the server would refuse, with the same words.
 */
export function useContractForm<T extends Record<string, any>>(schema: z.ZodType<unknown, T>, initialValues: T) {
  return useForm<T>({
    mode: 'controlled',
    initialValues,
    validate: schemaResolver(schema, { sync: true }),
    validateInputOnBlur: true,
  });
}

/** Puts the server's per-field messages on the form; returns whether any field matched. */
export function applyServerErrors(form: { setErrors(errors: Record<string, string>): void }, error: unknown): boolean {
  if (!(error instanceof ApiError) || !error.problem.errors?.length) return false;
  form.setErrors(error.fieldErrors);
  return true;
}
