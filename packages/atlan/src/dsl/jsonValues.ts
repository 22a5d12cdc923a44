/** Small readers for DSL values, with ES's coercions (spec §3.1) and its error texts. */
import { dslError } from '../atlanErrors';

export type JsonObject = { readonly [k: string]: unknown };

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** ES's name for a JSON token, as its parser errors print it. */
export function tokenName(v: unknown): string {
  if (v === null) return 'VALUE_NULL';
  if (Array.isArray(v)) return 'START_ARRAY';
  switch (typeof v) {
    case 'object':
      return 'START_OBJECT';
    case 'string':
      return 'VALUE_STRING';
    case 'number':
      return 'VALUE_NUMBER';
    case 'boolean':
      return 'VALUE_BOOLEAN';
    case 'bigint':
    case 'function':
    case 'symbol':
    case 'undefined':
      return 'VALUE_EMBEDDED_OBJECT';
  }
  return 'VALUE_EMBEDDED_OBJECT';
}

const INTEGER_TEXT = /^[+-]?\d+$/;

/** A JSON integer or a string of decimal digits with optional sign (ES coerces both). */
export function readInteger(v: unknown, what: string): number {
  let n: number | undefined;
  if (typeof v === 'number' && Number.isInteger(v)) n = v;
  else if (typeof v === 'string' && INTEGER_TEXT.test(v.trim())) n = Number(v.trim());
  if (n === undefined || !Number.isSafeInteger(n)) {
    throw dslError(
      `[${what}] must be an integer, found [${describe(v)}]`,
      'x_content_parse_exception',
    );
  }
  return n;
}

export function readBoolean(v: unknown, what: string): boolean {
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  throw dslError(
    `[${what}] must be a boolean (true or false), found [${describe(v)}]`,
    'x_content_parse_exception',
  );
}

export function readString(v: unknown, what: string): string {
  if (typeof v !== 'string') {
    throw dslError(`[${what}] must be a string, found [${describe(v)}]`, 'parsing_exception');
  }
  return v;
}

export function readNumber(v: unknown, what: string): number {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  throw dslError(`[${what}] must be a number, found [${describe(v)}]`, 'x_content_parse_exception');
}

export function readObject(v: unknown, what: string): JsonObject {
  if (!isObject(v)) {
    throw dslError(`[${what}] must be an object, found ${tokenName(v)}`, 'parsing_exception');
  }
  return v;
}

/** A short printable form of a value for error messages (never huge). */
export function describe(v: unknown): string {
  const text = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** Own enumerable keys only: a key named `constructor` is just a key. */
export function entries(o: JsonObject): [string, unknown][] {
  return Object.keys(o).map((k) => [k, o[k]]);
}
