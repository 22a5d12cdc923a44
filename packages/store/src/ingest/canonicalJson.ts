/**
 * RFC 8785 (JCS) canonical JSON for values that came from JSON.parse: members sorted by UTF-16 code
 * units, no whitespace. ECMAScript's number and string serialisation is exactly what JCS
 * prescribes, so JSON.stringify does the leaves. Inputs are depth-checked (≤ 64) before they get
 * here, so the recursion is bounded.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}
