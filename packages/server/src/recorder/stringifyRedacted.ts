/**
 * JSON.stringify of a parsed JSON value with secret keys redacted (§9.6), that stops once the text
 * is past `budget` characters. A 16 MiB ingest body only ever keeps its first 64 KiB, so building
 * the whole redacted copy and its whole text (about a second of event loop for 16 MiB) buys
 * nothing. For values that fit, the output equals JSON.stringify(redactSecrets(value)).
 */
import { REDACTED, TooDeepError, isSecretKey } from './redactSecrets';

const MAX_DEPTH = 256;

class BudgetSpent extends Error {}

export function stringifyRedacted(value: unknown, budget: number): string {
  const parts: string[] = [];
  let length = 0;
  const put = (s: string) => {
    parts.push(s);
    length += s.length;
    if (length > budget) throw new BudgetSpent();
  };
  const walk = (v: unknown, depth: number): void => {
    if (depth > MAX_DEPTH) throw new TooDeepError('value nested too deeply to record');
    if (Array.isArray(v)) {
      put('[');
      v.forEach((item, i) => {
        if (i > 0) put(',');
        walk(item, depth + 1);
      });
      put(']');
    } else if (typeof v === 'object' && v !== null) {
      put('{');
      let first = true;
      for (const [k, item] of Object.entries(v)) {
        put(`${first ? '' : ','}${JSON.stringify(k)}:`);
        first = false;
        if (isSecretKey(k)) put(JSON.stringify(REDACTED));
        else walk(item, depth + 1);
      }
      put('}');
    } else {
      put(JSON.stringify(v) ?? 'null');
    }
  };
  try {
    walk(value, 0);
  } catch (e) {
    if (!(e instanceof BudgetSpent)) throw e;
  }
  return parts.join('');
}
