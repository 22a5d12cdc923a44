/**
 * What a cursor binds (spec/atomic-audit-log.md §7.2), and the check of a decoded payload. The MAC
 * already proves we issued it, but the shape is still checked, so a payload from an older or newer
 * build (or a leaked key) can never reach the SQL with a value the compiler cannot bind.
 *
 *   {"v":1,"t":"acme","e":"env-a","o":"desc","f":{"authType":"workbench"},"k":["1714557605000","81"],"i":1714600000000}
 */
import type { AtomicFilters, Order } from './atomicParams';
import { FILTER_NAMES } from './atomicParams';
import { PARAM_RULES } from './paramRules';

export type DescKey = readonly [createdMs: string, seq: string];
export type AscKey = readonly [generation: number, txid: string, seq: string];

export interface CursorPayload {
  readonly v: 1;
  readonly t: string;
  readonly e: string;
  readonly o: Order;
  readonly f: AtomicFilters;
  readonly k: DescKey | AscKey;
  readonly i: number;
}

const DECIMAL = /^(0|[1-9][0-9]{0,19})$/;
/** epoch ms of `created`; negative before 1970 */
const CREATED_MS = /^(0|-?[1-9][0-9]{0,14})$/;
const PAYLOAD_KEYS = ['v', 't', 'e', 'o', 'f', 'k', 'i'];

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

const isDecimal = (x: unknown): x is string => typeof x === 'string' && DECIMAL.test(x);

/** The payload, or undefined when it is not one this build issues. */
export function checkPayload(x: unknown): CursorPayload | undefined {
  if (!isObject(x) || Object.keys(x).some((k) => !PAYLOAD_KEYS.includes(k))) return undefined;
  const { v, t, e, o, f, k, i } = x;
  if (v !== 1 || typeof t !== 'string' || typeof e !== 'string') return undefined;
  if ((o !== 'desc' && o !== 'asc') || typeof i !== 'number' || !Array.isArray(k)) return undefined;
  if (!isObject(f) || !checkFilters(f)) return undefined;
  const keyOk =
    o === 'desc'
      ? k.length === 2 && typeof k[0] === 'string' && CREATED_MS.test(k[0]) && isDecimal(k[1])
      : k.length === 3 &&
        Number.isInteger(k[0]) &&
        (k[0] as number) >= 0 &&
        (k[0] as number) <= 32767 &&
        isDecimal(k[1]) &&
        isDecimal(k[2]);
  if (!keyOk) return undefined;
  return x as unknown as CursorPayload;
}

/** Each bound filter must be exactly what the parameter parser would produce from some input. */
function checkFilters(f: Record<string, unknown>): boolean {
  return Object.entries(f).every(([name, value]) => {
    if (!(FILTER_NAMES as readonly string[]).includes(name)) return false;
    const rule = PARAM_RULES.get(name);
    if (!rule) return false;
    // instants are bound as epoch ms, which the parameter syntax cannot always spell (before 1970)
    if (name === 'from' || name === 'to') return Number.isSafeInteger(value);
    const raw = toRaw(value);
    if (raw === undefined) return false;
    const parsed = rule(raw);
    return parsed.ok && JSON.stringify(parsed.value) === JSON.stringify(value);
  });
}

function toRaw(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
    return value.join(',');
  }
  return undefined;
}
