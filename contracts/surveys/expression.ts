import jsep from 'jsep';

/**
 * The subset of XLSForm (XPath) expressions a form may use in relevant,
 * constraint, required and calculation. It runs in the browser and on the
 * server from this one file, so both decide alike. jsep parses; the
 * evaluator below knows only the functions listed in FUNCTIONS.
 *
 *   ${name}            another question's answer ("." is this question's)
 *   and or not()       = != < <= > >=       + - * div mod
 *   'text' "text" 12 3.5
 */

jsep.addBinaryOp('or', 1);
jsep.addBinaryOp('and', 2);
jsep.addBinaryOp('=', 6);
jsep.addBinaryOp('div', 10);
jsep.addBinaryOp('mod', 10);
for (const op of ['||', '&&', '|', '^', '&', '==', '===', '!==', '<<', '>>', '>>>', '/', '%', '??']) jsep.removeBinaryOp(op);
for (const op of ['~', '!', '+']) jsep.removeUnaryOp(op);

export type Value = string | number | boolean | string[] | Value[] | null | undefined | Record<string, unknown>;
/** Runs a form author's pattern against a text: pattern.ts (RE2, linear time), never a backtracking engine. */
export type PatternTest = (pattern: string, text: string) => boolean;

export interface Scope {
  /** The answer to a named question, as seen from where the expression runs. */
  get(name: string): Value;
  self: Value;
  today: string;
  /** Needed only by forms that use regex(). */
  matches?: PatternTest;
}

const empty = (v: Value) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
const asText = (v: Value): string => (empty(v) ? '' : Array.isArray(v) ? v.map(asText).join(' ') : typeof v === 'object' ? JSON.stringify(v) : String(v));
const asNumber = (v: Value): number => (typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : empty(v) ? NaN : Number(asText(v)));
const asBool = (v: Value): boolean => (typeof v === 'boolean' ? v : typeof v === 'number' ? v !== 0 && !Number.isNaN(v) : !empty(v));
const flat = (args: Value[]): Value[] => args.flatMap((a) => (Array.isArray(a) ? a : [a]));

function compare(a: Value, b: Value): number {
  const x = asNumber(a);
  const y = asNumber(b);
  if (typeof a !== 'boolean' && typeof b !== 'boolean' && !Number.isNaN(x) && !Number.isNaN(y) && !empty(a) && !empty(b)) return x - y;
  const s = asText(a);
  const t = asText(b);
  return s < t ? -1 : s > t ? 1 : 0;
}

const FUNCTIONS: Record<string, (args: Value[]) => Value> = {
  selected: ([list, v]) => (Array.isArray(list) ? list.map(asText) : asText(list).split(' ')).includes(asText(v)),
  count_selected: ([list]) => (Array.isArray(list) ? list.length : asText(list).split(' ').filter(Boolean).length),
  string_length: ([s]) => asText(s).length,
  not: ([v]) => !asBool(v),
  number: ([v]) => asNumber(v),
  int: ([v]) => Math.trunc(asNumber(v)),
  round: ([v, digits]) => {
    const f = 10 ** (empty(digits) ? 0 : asNumber(digits));
    return Math.round(asNumber(v) * f) / f;
  },
  concat: (args) => args.map(asText).join(''),
  if: ([c, a, b]) => (asBool(c) ? a : b),
  coalesce: ([a, b]) => (empty(a) ? b : a),
  // Answered from the scope in run(), which holds the pattern engine.
  regex: () => false,
  contains: ([s, t]) => asText(s).includes(asText(t)),
  starts_with: ([s, t]) => asText(s).startsWith(asText(t)),
  count: ([v]) => (Array.isArray(v) ? v.length : empty(v) ? 0 : 1),
  sum: (args) => flat(args).filter((v) => !empty(v)).reduce<number>((t, v) => t + asNumber(v), 0),
  min: (args) => Math.min(...flat(args).filter((v) => !empty(v)).map(asNumber)),
  max: (args) => Math.max(...flat(args).filter((v) => !empty(v)).map(asNumber)),
  true: () => true,
  false: () => false,
  // Answered from the scope in run(); listed so that the check knows it.
  today: () => null,
};

export interface Compiled {
  ast: jsep.Expression;
  /** The questions it reads, by name. */
  references: string[];
  /** The patterns written into it as text (the second argument of regex()), to be checked once, when the form is saved. */
  patterns: string[];
  evaluate(scope: Scope): Value;
}

export class ExpressionError extends Error {
  constructor(
    readonly code: 'survey.expression_syntax' | 'survey.expression_function' | 'survey.expression_too_long',
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
  }
}

/**
 * XLSForm writes ${name}, "." and hyphenated function names, none of which a
 * JavaScript-style parser reads: rewrite them outside string literals first.
 */
function rewrite(source: string, names: string[]): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === "'" || c === '"') {
      const end = source.indexOf(c, i + 1);
      if (end < 0) throw new ExpressionError('survey.expression_syntax', 'unclosed quote');
      // XPath strings have no escapes; the parser's have: a pattern's \d must reach regex() as written.
      out += source.slice(i, end + 1).replaceAll('\\', '\\\\');
      i = end;
    } else if (c === '$' && source[i + 1] === '{') {
      const end = source.indexOf('}', i);
      if (end < 0) throw new ExpressionError('survey.expression_syntax', 'unclosed ${');
      names.push(source.slice(i + 2, end));
      out += `$ref${names.length - 1}`;
      i = end;
    } else if (c === '.' && !/[0-9]/.test(source[i + 1] ?? '') && !/[0-9]/.test(source[i - 1] ?? '')) {
      out += '$self';
    } else {
      out += c;
    }
  }
  return out.replace(/\b(count|string|starts)-(selected|length|with)\s*\(/g, '$1_$2(');
}

export function compile(source: string): Compiled {
  if (source.length > 1000) throw new ExpressionError('survey.expression_too_long', String(source.length));
  const names: string[] = [];
  let ast: jsep.Expression;
  try {
    ast = jsep(rewrite(source, names));
  } catch (e) {
    if (e instanceof ExpressionError) throw e;
    throw new ExpressionError('survey.expression_syntax', (e as Error).message);
  }
  check(ast);
  const evaluate = (scope: Scope) => run(ast, scope, names);
  return { ast, references: [...new Set(names)], patterns: patternsIn(ast), evaluate };
}

function patternsIn(node: jsep.Expression): string[] {
  const found: string[] = [];
  const visit = (n: jsep.Expression | undefined) => {
    if (!n) return;
    if (n.type === 'CallExpression') {
      const args = n.arguments as jsep.Expression[];
      if ((n.callee as jsep.Identifier).name === 'regex' && args[1]?.type === 'Literal' && typeof args[1].value === 'string') found.push(args[1].value);
      args.forEach(visit);
    } else if (n.type === 'BinaryExpression') {
      visit(n.left as jsep.Expression);
      visit(n.right as jsep.Expression);
    } else if (n.type === 'UnaryExpression') visit(n.argument as jsep.Expression);
  };
  visit(node);
  return found;
}

function check(node: jsep.Expression): void {
  switch (node.type) {
    case 'Literal':
    case 'Identifier':
      if (node.type === 'Identifier' && !/^\$(ref\d+|self)$/.test(node.name as string)) {
        throw new ExpressionError('survey.expression_syntax', `unknown word "${node.name}" (write \${${node.name}} for a question)`);
      }
      return;
    case 'BinaryExpression':
      check(node.left as jsep.Expression);
      check(node.right as jsep.Expression);
      return;
    case 'UnaryExpression':
      check(node.argument as jsep.Expression);
      return;
    case 'CallExpression': {
      const callee = node.callee as jsep.Expression;
      const name = callee.type === 'Identifier' ? (callee.name as string) : '';
      if (!Object.hasOwn(FUNCTIONS, name)) throw new ExpressionError('survey.expression_function', name.replace('_', '-') || '?');
      (node.arguments as jsep.Expression[]).forEach(check);
      return;
    }
    case 'Compound':
    default:
      throw new ExpressionError('survey.expression_syntax', `unexpected ${node.type}`);
  }
}

function run(node: jsep.Expression, scope: Scope, names: string[]): Value {
  switch (node.type) {
    case 'Literal':
      return node.value as Value;
    case 'Identifier': {
      const id = node.name as string;
      return id === '$self' ? scope.self : scope.get(names[Number(id.slice(4))]!);
    }
    case 'UnaryExpression':
      return -asNumber(run(node.argument as jsep.Expression, scope, names));
    case 'CallExpression': {
      const name = (node.callee as jsep.Identifier).name;
      if (name === 'today') return scope.today;
      if (name === 'regex') {
        const [text, pattern] = (node.arguments as jsep.Expression[]).map((a) => run(a, scope, names));
        if (!scope.matches) throw new Error('regex() needs a pattern engine in its scope (contracts/surveys/pattern.ts)');
        return scope.matches(asText(pattern), asText(text));
      }
      return FUNCTIONS[name]!((node.arguments as jsep.Expression[]).map((a) => run(a, scope, names)));
    }
    case 'BinaryExpression': {
      const op = node.operator as string;
      const left = run(node.left as jsep.Expression, scope, names);
      // and/or stop early, as in XPath.
      if (op === 'and') return asBool(left) && asBool(run(node.right as jsep.Expression, scope, names));
      if (op === 'or') return asBool(left) || asBool(run(node.right as jsep.Expression, scope, names));
      const right = run(node.right as jsep.Expression, scope, names);
      switch (op) {
        case '=': return compare(left, right) === 0;
        case '!=': return compare(left, right) !== 0;
        case '<': return compare(left, right) < 0;
        case '<=': return compare(left, right) <= 0;
        case '>': return compare(left, right) > 0;
        case '>=': return compare(left, right) >= 0;
        case '+': return asNumber(left) + asNumber(right);
        case '-': return asNumber(left) - asNumber(right);
        case '*': return asNumber(left) * asNumber(right);
        case 'div': return asNumber(left) / asNumber(right);
        case 'mod': return asNumber(left) % asNumber(right);
      }
    }
  }
  throw new ExpressionError('survey.expression_syntax', `unexpected ${node.type}`);
}

export { asBool, empty as isEmptyValue };
