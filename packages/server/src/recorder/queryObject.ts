/**
 * Query pairs → the recorded `query` object (spec/atomic-audit-log.md §9.3): a repeated key becomes
 * an array of strings, a key without `=` has the value "", no query string gives {}. Redacted.
 *
 *   [["access_token","abc"],["a","1"],["a","2"]] → {"access_token":"[REDACTED]","a":["1","2"]}
 */
import { redactSecrets } from './redactSecrets';

export function pairsToObject(
  pairs: readonly (readonly [string, string])[],
): Record<string, string | string[]> {
  const grouped = new Map<string, string[]>();
  for (const [k, v] of pairs) {
    const list = grouped.get(k);
    if (list) list.push(v);
    else grouped.set(k, [v]);
  }
  return Object.fromEntries(
    [...grouped].map(([k, values]) => [k, values.length === 1 ? (values[0] ?? '') : values]),
  );
}

export function queryObject(pairs: readonly (readonly [string, string])[]): unknown {
  return redactSecrets(pairsToObject(pairs));
}
