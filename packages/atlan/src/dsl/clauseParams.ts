/**
 * Parameter checking shared by the clause parsers: unknown parameters are a 400 (spec §3.2), and
 * `boost`/`_name`, accepted by every query type, must have their JSON types.
 */
import { dslError } from '../atlanErrors';
import { entries, isObject, readNumber, readString, type JsonObject } from './jsonValues';

/** Rejects any key of `body` outside `allowed` (plus boost and _name). */
export function checkParams(query: string, body: JsonObject, allowed: readonly string[]): void {
  for (const [key, value] of entries(body)) {
    if (key === 'boost') readNumber(value, `${query}.boost`);
    else if (key === '_name') readString(value, `${query}._name`);
    else if (!allowed.includes(key)) throw unsupportedParam(query, key);
  }
}

export function unsupportedParam(query: string, key: string) {
  return dslError(`[${query}] query does not support [${key}]`, 'parsing_exception');
}

/**
 * The single field of a field-level query (`term`, `prefix`, …): outer `boost`/`_name` are allowed
 * next to it, two fields are a 400.
 */
export function singleField(query: string, body: unknown): { name: string; value: unknown } {
  if (!isObject(body)) {
    throw dslError(`[${query}] query malformed, no start_object after query name`);
  }
  let found: { name: string; value: unknown } | undefined;
  for (const [key, value] of entries(body)) {
    if ((key === 'boost' || key === '_name') && !isObject(value)) {
      checkParams(query, { [key]: value }, []);
      continue;
    }
    if (found) {
      throw dslError(
        `[${query}] query doesn't support multiple fields, found [${found.name}] and [${key}]`,
      );
    }
    found = { name: key, value };
  }
  if (!found) throw dslError(`[${query}] query malformed, no field specified`);
  return found;
}

/** `{"f": v}` or `{"f": {"<valueKey>": v, …params}}` → the value and the params object. */
export function fieldValue(
  query: string,
  raw: unknown,
  valueKeys: readonly string[],
  params: readonly string[],
): { value: unknown; params: JsonObject } {
  if (!isObject(raw)) return { value: raw, params: {} };
  checkParams(query, raw, [...valueKeys, ...params]);
  const key = valueKeys.find((k) => k in raw);
  if (key === undefined) throw dslError(`[${query}] query requires a value, none specified`);
  return { value: raw[key], params: raw };
}

/** A term-like value: string, number or boolean (spec §3.5.2). */
export function scalarValue(query: string, value: unknown): string | number | boolean {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw dslError(
    `[${query}] query does not support a value of type ${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value}`,
  );
}

/** Keyword text of a value: numbers and booleans as their JSON text (spec §3.3). */
export function keywordText(value: string | number | boolean): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * For values that become SQL bindings outside a query clause (search_after, terms `missing`,
 * include/exclude, sort `missing`): PostgreSQL text cannot hold U+0000, so such a value is a 400
 * rather than a database error.
 */
export function noNul(what: string, value: string): string {
  if (value.includes('\u0000')) {
    throw dslError(
      `[${what}] must not contain the NUL character (U+0000): no stored value can hold it`,
    );
  }
  return value;
}
