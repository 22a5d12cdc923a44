/**
 * One validator per query parameter (spec/atomic-audit-log.md §4.1, §4.2). The Map is the honest list
 * of what the surface accepts: a name that is not in it is an unknown parameter (AQ140), never
 * ignored, because a silently dropped filter would widen an audit listing.
 */
import { AUTH_TYPES, SOURCES, type StatusItem } from './atomicParams';
import { parseInstant } from './parseInstant';

export type RuleResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };
export type ParamRule = (raw: string) => RuleResult<unknown>;

const ok = <T>(value: T): RuleResult<T> => ({ ok: true, value });
const bad = (reason: string): RuleResult<never> => ({ ok: false, reason });

const MAX_ITEMS = 20;
const NAME_ITEM = /^[A-Za-z0-9_.:-]{1,64}$/;
const METHOD_ITEM = /^[A-Za-z]{1,16}$/;
const STATUS_CODE = /^[1-5][0-9]{2}$/;
const STATUS_CLASS = /^[1-5][xX]{2}$/;

function parseLimit(raw: string): RuleResult<number> {
  const n = /^[0-9]{1,4}$/.test(raw) ? Number(raw) : NaN;
  return n >= 1 && n <= 1000
    ? ok(n)
    : bad(`must be an integer from 1 to 1000; got ${JSON.stringify(raw)}`);
}

function parseAuthType(raw: string): RuleResult<string> {
  return (AUTH_TYPES as readonly string[]).includes(raw)
    ? ok(raw)
    : bad(`must be one of ${AUTH_TYPES.join(', ')}`);
}

function parseOrder(raw: string): RuleResult<string> {
  return raw === 'desc' || raw === 'asc' ? ok(raw) : bad('must be desc or asc');
}

function instantRule(raw: string): RuleResult<number> {
  const ms = parseInstant(raw);
  return ms === undefined
    ? bad('must be epoch milliseconds, an ISO-8601 date-time with Z or an offset, or YYYY-MM-DD')
    : ok(ms);
}

/** Comma-separated, 1 to 20 items, no empty item; deduplicated and sorted (§4.2). */
function listRule<T extends string | number>(
  describe: string,
  item: (s: string) => T | undefined,
  compare: (a: T, b: T) => number,
): ParamRule {
  return (raw) => {
    const parts = raw.split(',');
    if (parts.length > MAX_ITEMS) return bad(`must list at most ${MAX_ITEMS} items`);
    if (parts.some((p) => p === '')) return bad('must not contain an empty item');
    const values: T[] = [];
    for (const p of parts) {
      const v = item(p);
      if (v === undefined) return bad(`${JSON.stringify(p)} is not ${describe}`);
      values.push(v);
    }
    return ok([...new Set(values)].sort(compare));
  };
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Codes first, ascending, then classes: any fixed order will do, as long as it is always the same. */
function byStatus(a: StatusItem, b: StatusItem): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return byText(a, b);
}

function statusItem(s: string): StatusItem | undefined {
  if (STATUS_CODE.test(s)) return Number(s);
  if (STATUS_CLASS.test(s)) return s.toLowerCase();
  return undefined;
}

const nameList = listRule(
  'a name of 1 to 64 characters from A-Z a-z 0-9 _ . : -',
  (s) => (NAME_ITEM.test(s) ? s : undefined),
  byText,
);

export const PARAM_RULES = new Map<string, ParamRule>([
  ['authType', parseAuthType],
  ['limit', parseLimit],
  ['cursor', (raw) => ok(raw)], // checked at step 6 only, so a bad cursor is always AQ120
  ['order', parseOrder],
  ['from', instantRule],
  ['to', instantRule],
  [
    'source',
    listRule(
      `one of ${SOURCES.join(', ')}`,
      (s) => ((SOURCES as readonly string[]).includes(s) ? s : undefined),
      byText,
    ),
  ],
  ['resourceType', nameList],
  ['actionType', nameList],
  [
    'method',
    listRule(
      'an HTTP method of 1 to 16 letters',
      (s) => (METHOD_ITEM.test(s) ? s.toUpperCase() : undefined),
      byText,
    ),
  ],
  [
    'status',
    listRule('a status code from 100 to 599 or a class from 1xx to 5xx', statusItem, byStatus),
  ],
]);
