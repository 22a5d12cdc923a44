/**
 * ES `minimum_should_match` (spec §3.5.9, after ES `Queries.calculateMinShouldMatch`): integers,
 * percentages and `a<spec` conditions, evaluated for n optional clauses and clamped at 0.
 */
import { dslError } from '../../atlanErrors';

const INTEGER = /^[+-]?\d+$/;

export function minimumShouldMatch(spec: unknown, n: number): number {
  let text: string;
  if (typeof spec === 'number' && Number.isInteger(spec)) text = String(spec);
  else if (typeof spec === 'string') text = spec.trim();
  else throw invalid(spec);
  const result = text.includes('<') ? conditional(text, n, spec) : simple(text, n, spec);
  return Math.max(0, result);
}

function conditional(text: string, n: number, spec: unknown): number {
  let result = n;
  for (const part of text.split(/\s+/)) {
    const [bound, value, extra] = part.split('<');
    if (bound === undefined || value === undefined || extra !== undefined || !INTEGER.test(bound)) {
      throw invalid(spec);
    }
    if (n <= Number(bound)) return result;
    result = simple(value, n, spec);
  }
  return result;
}

function simple(text: string, n: number, spec: unknown): number {
  if (text.endsWith('%')) {
    const p = text.slice(0, -1);
    if (!INTEGER.test(p)) throw invalid(spec);
    const c = Math.trunc((n * Number(p)) / 100);
    return Number(p) >= 0 ? c : n + c;
  }
  if (!INTEGER.test(text)) throw invalid(spec);
  const k = Number(text);
  return k >= 0 ? k : n + k;
}

function invalid(spec: unknown) {
  return dslError(
    `[bool] query: cannot parse [minimum_should_match] value [${typeof spec === 'string' ? spec : JSON.stringify(spec)}]`,
    'illegal_argument_exception',
  );
}
