/**
 * Integer parsing for numeric attributes and query parameters (spec/atlas-admin-audits.md §4.5,
 * §7.1, §8.1). Values are 64-bit integers, so they are parsed as BigInt: `"9223372036854775808"`
 * must be rejected and `"9000000000000000000"` must compare exactly, which a double cannot do.
 */

const INTEGER = /^[+-]?[0-9]+$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** ASCII whitespace only: String.prototype.trim would also strip Unicode blanks. */
export function trimAscii(s: string): string {
  return s.replace(/^[ \t\n\r\f\v]+|[ \t\n\r\f\v]+$/g, '');
}

/** A trimmed signed 64-bit integer, or undefined when the text is not one. */
export function parseInt64(text: string): bigint | undefined {
  const t = trimAscii(text);
  if (!INTEGER.test(t)) return undefined;
  const v = BigInt(t);
  return v < INT64_MIN || v > INT64_MAX ? undefined : v;
}

/** Untrimmed integer text of any size (query parameters), or undefined. */
export function parseIntegerText(text: string): bigint | undefined {
  return INTEGER.test(text) ? BigInt(text) : undefined;
}

/**
 * Stored dates are epoch ms within JavaScript's Date range (±8.64e15, inside timestamptz's), so a
 * bound outside it is decided before compiling instead of being sent to PostgreSQL.
 */
export const DATE_MIN_MS = -8_640_000_000_000_000n;
export const DATE_MAX_MS = 8_640_000_000_000_000n;

export function clampToDateRange(v: bigint): number {
  if (v < DATE_MIN_MS) return Number(DATE_MIN_MS);
  if (v > DATE_MAX_MS) return Number(DATE_MAX_MS);
  return Number(v);
}

/** A bigint as an IR scalar: a number when exact, else its decimal text (bound as bigint). */
export function toCountScalar(v: bigint): number | string {
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(v)
    : v.toString();
}
