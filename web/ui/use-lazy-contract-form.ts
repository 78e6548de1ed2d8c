import { useForm } from '@mantine/form';
import { useRef, type ReactNode } from 'react';
import type { z } from 'zod';

type Validator<T> = (values: T) => Record<string, ReactNode>;

/**
 * useContractForm (use-contract-form.ts) for a page that must stay light on a
 * slow phone (a member firm's own page, issue 14): the contract and zod are downloaded
 * once the person starts typing, not with the page. A field left or the form
 * sent before they arrive waits for them (Mantine's asynchronous validation),
 * so the browser still refuses what the server would, with the same words.
 */
export function useLazyContractForm<T extends Record<string, any>>(loadSchema: () => Promise<z.ZodType<unknown, T>>, initialValues: T) {
  const validator = useRef<Promise<Validator<T>> | null>(null);
  const loaded = useRef<Validator<T> | null>(null);
  const load = () =>
    (validator.current ??= Promise.all([loadSchema(), import('./use-contract-form.js')]).then(([schema, { contractResolver }]) => {
      const validate = contractResolver(schema) as Validator<T>;
      loaded.current = validate;
      return validate;
    }));
  return useForm<T>({
    mode: 'controlled',
    initialValues,
    validate: (values) => loaded.current?.(values) ?? load().then((validate) => validate(values)),
    validateInputOnBlur: true,
    onValuesChange: () => void load(),
  });
}
