import type { z } from 'zod';

type AnyZod = z.ZodType & { def: Record<string, unknown> & { type: string } };

/**
 * A plausible value for a zod schema, with every id-like string set to
 * `foreignId`: what an attacker would send to reach another tenant's rows.
 */
export function sampleInput(schema: unknown, foreignId: string, key = ''): unknown {
  const s = schema as AnyZod;
  const def = s.def;
  switch (def.type) {
    case 'object': {
      const shape = (def.shape ?? {}) as Record<string, unknown>;
      return Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, sampleInput(v, foreignId, k)]));
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return sampleInput(def.innerType, foreignId, key);
    case 'pipe':
      return sampleInput(def.in, foreignId, key);
    case 'array':
      return [sampleInput(def.element, foreignId, key)];
    case 'enum':
      return Object.values(def.entries as Record<string, string>)[0];
    case 'literal':
      return (def.values as unknown[])[0];
    case 'boolean':
      return false;
    case 'number':
      return 1;
    case 'string': {
      const format = (s as unknown as { format?: string }).format;
      if (format === 'uuid' || /id$/i.test(key)) return foreignId;
      if (format === 'email' || /email/i.test(key)) return 'probe@example.test';
      if (/password/i.test(key)) return 'a long enough password';
      if (key === 'country') return 'GH';
      if (key === 'currency') return 'GHS';
      if (key === 'languages') return 'en';
      if (key === 'regions') return 'GH-AA';
      if (key === 'locale') return 'en';
      return 'probe';
    }
    default:
      return undefined;
  }
}
