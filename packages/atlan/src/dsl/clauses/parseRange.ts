/**
 * `range` (spec §3.5.4). Parameters apply in document order as ES does (`gt` then `gte`: the later
 * wins). Date bounds round per operator (§3.4.4): `gt`/`lte` read the bound rounded up, `gte`/`lt`
 * rounded down, so `lte "now/d"` includes all of today and `gt "2024-01-15"` skips that whole day.
 */
import type { Predicate, Scalar } from '@audit-gateway/ir';
import { dslError } from '../../atlanErrors';
import { parseDateFormat, type DateFormat } from '../../dates/dateFormats';
import { parseDateValue } from '../../dates/parseDateValue';
import { parseTimeZone } from '../../dates/timeZone';
import { resolveField } from '../atlanFields';
import { checkParams, keywordText, singleField } from '../clauseParams';
import { rangePredicate, type Bound } from '../fieldPredicates';
import { describe, entries, readBoolean, readObject } from '../jsonValues';
import type { QueryContext } from '../QueryContext';

const PARAMS = [
  'gt',
  'gte',
  'lt',
  'lte',
  'from',
  'to',
  'include_lower',
  'include_upper',
  'format',
  'time_zone',
  'relation',
];
const RELATIONS = ['INTERSECTS', 'CONTAINS', 'WITHIN'];

interface RawSide {
  value: unknown;
  inclusive: boolean;
}

export function parseRange(body: unknown, ctx: QueryContext): Predicate {
  const { name, value } = singleField('range', body);
  const params = readObject(value, `range.${name}`);
  checkParams('range', params, PARAMS);
  const lower: RawSide = { value: null, inclusive: true };
  const upper: RawSide = { value: null, inclusive: true };
  for (const [key, v] of entries(params)) {
    if (key === 'gt' || key === 'gte') Object.assign(lower, { value: v, inclusive: key === 'gte' });
    else if (key === 'lt' || key === 'lte')
      Object.assign(upper, { value: v, inclusive: key === 'lte' });
    else if (key === 'from') lower.value = v;
    else if (key === 'to') upper.value = v;
    else if (key === 'include_lower') lower.inclusive = readBoolean(v, 'range.include_lower');
    else if (key === 'include_upper') upper.inclusive = readBoolean(v, 'range.include_upper');
  }
  for (const side of [lower, upper]) {
    const t = typeof side.value;
    if (side.value !== null && t !== 'string' && t !== 'number' && t !== 'boolean') {
      throw dslError(
        `[range] query does not support a bound of type ${Array.isArray(side.value) ? 'array' : t}`,
      );
    }
  }
  if (params.relation !== undefined && params.relation !== null) {
    const relation = describe(params.relation).toUpperCase();
    if (!RELATIONS.includes(relation)) {
      throw dslError(`[range] query does not support relation [${describe(params.relation)}]`);
    }
  }
  const field = resolveField(name, ctx.fields);
  const hasZone = params.time_zone !== undefined && params.time_zone !== null;
  if (field.kind === 'unmapped') return rangePredicate(field, undefined, undefined);
  if (field.kind !== 'date') {
    if (hasZone && field.kind !== 'detail') {
      throw dslError(
        `[range] time_zone can not be applied to non date field [${name}]`,
        'query_shard_exception',
      );
    }
    return rangePredicate(field, textBound(lower), textBound(upper));
  }
  const zone = hasZone ? parseTimeZone(params.time_zone) : 'UTC';
  const format: DateFormat | undefined =
    params.format === undefined || params.format === null
      ? undefined
      : parseDateFormat(params.format);
  const dateBound = (side: RawSide, isLower: boolean): Bound | undefined => {
    if (side.value === null) return undefined;
    // gt and lte round up; gte and lt round down (spec §3.4.4)
    const roundUp = isLower ? !side.inclusive : side.inclusive;
    const ms = parseDateValue(side.value, { format, zone, roundUp, now: ctx.now });
    return { value: ms, inclusive: side.inclusive };
  };
  return rangePredicate(field, dateBound(lower, true), dateBound(upper, false));
}

function textBound(side: RawSide): Bound | undefined {
  if (side.value === null) return undefined;
  const value: Scalar = keywordText(side.value as string | number | boolean);
  return { value, inclusive: side.inclusive };
}
