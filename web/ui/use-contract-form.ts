import { schemaResolver, useForm } from '@mantine/form';
import type { z } from 'zod';
import '../app/form-messages.js';

// Apart (no zod), for the forms that load their contract later (use-lazy-contract-form.ts).
export { applyServerErrors } from './server-errors.js';

/**
 * A Mantine form validated by the same zod contract the server applies, so
 * the browser refuses what the server would refuse, with the same words.
 */
export function useContractForm<T extends Record<string, any>>(schema: z.ZodType<unknown, T>, initialValues: T) {
  return useForm<T>({
    mode: 'controlled',
    initialValues,
    validate: contractResolver(schema),
    validateInputOnBlur: true,
  });
}

/** The form's validation by a contract, in the reader's language (form-messages.ts). */
export function contractResolver<T extends Record<string, any>>(schema: z.ZodType<unknown, T>) {
  return schemaResolver(schema, { sync: true });
}
