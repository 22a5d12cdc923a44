/**
 * Raw query pairs → AtomicParams (spec/atomic-audit-log.md §4). Every bad parameter is reported
 * together; the code is the first that applies of AQ140 (unknown), AQ141 (repeated), AQ100 (bad
 * value), and `errors` lists all of them ordered by parameter name (§4.3, §6.1).
 *
 *   [["authType","workbench"],["limit","2"],["to","2024-06-01T00:00:00Z"]]
 *   → { limit: 2, filters: { authType: "workbench", to: 1717200000000 } }
 */
import { AuditError, type ErrorCode } from '@audit-gateway/ir';
import type { AtomicParams, ParamError } from './atomicParams';
import { PARAM_RULES } from './paramRules';

export const DEFAULT_LIMIT = 100;

export function parseAtomicParams(query: readonly (readonly [string, string])[]): AtomicParams {
  const counts = new Map<string, number>();
  for (const [name] of query) counts.set(name, (counts.get(name) ?? 0) + 1);

  const unknown: ParamError[] = [];
  const repeated: ParamError[] = [];
  const invalid: ParamError[] = [];
  const values = new Map<string, unknown>();
  for (const [name, count] of counts) {
    const rule = PARAM_RULES.get(name);
    if (!rule) {
      unknown.push({
        parameter: name,
        reason: `unknown parameter; use one of ${[...PARAM_RULES.keys()].join(', ')}`,
      });
    } else if (count > 1) {
      repeated.push({ parameter: name, reason: `given ${count} times; give it at most once` });
    } else {
      const raw = query.find(([n]) => n === name)?.[1] ?? '';
      const result =
        raw === '' && name !== 'cursor'
          ? { ok: false as const, reason: 'must not be empty' }
          : rule(raw);
      if (result.ok) values.set(name, result.value);
      else invalid.push({ parameter: name, reason: result.reason });
    }
  }
  const from = values.get('from');
  const to = values.get('to');
  if (typeof from === 'number' && typeof to === 'number' && from >= to) {
    invalid.push({ parameter: 'from', reason: 'must be earlier than to' });
  }

  const code: ErrorCode | undefined =
    unknown.length > 0
      ? 'AQ140'
      : repeated.length > 0
        ? 'AQ141'
        : invalid.length > 0
          ? 'AQ100'
          : undefined;
  if (code) throw parameterError(code, [...unknown, ...repeated, ...invalid]);

  const filters: Record<string, unknown> = {};
  for (const name of [
    'authType',
    'from',
    'to',
    'source',
    'resourceType',
    'actionType',
    'method',
    'status',
  ]) {
    if (values.has(name)) filters[name] = values.get(name);
  }
  const cursor = values.get('cursor');
  const order = values.get('order');
  return {
    limit: (values.get('limit') as number | undefined) ?? DEFAULT_LIMIT,
    ...(typeof cursor === 'string' ? { cursor } : {}),
    ...(order === 'desc' || order === 'asc' ? { order } : {}),
    // each value was produced by its PARAM_RULES entry, so it has its AtomicFilters type
    filters,
  };
}

function parameterError(code: ErrorCode, items: ParamError[]): AuditError {
  const errors = [...items].sort((a, b) =>
    a.parameter < b.parameter ? -1 : a.parameter > b.parameter ? 1 : 0,
  );
  const first = errors[0];
  const detail =
    errors.length === 1 && first
      ? `query parameter ${first.parameter}: ${first.reason}`
      : `${errors.length} query parameters are invalid`;
  return new AuditError(code, detail, { extra: { errors } });
}
