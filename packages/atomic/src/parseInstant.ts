/**
 * Instants of `from` and `to` (spec/atomic-audit-log.md §4.2): epoch ms, an ISO-8601 date-time with a
 * mandatory offset, or a date read as midnight UTC. Fraction digits past milliseconds are truncated,
 * never rounded, because `created` is stored at millisecond precision and a rounded bound could
 * include or exclude the wrong millisecond. Returns undefined for anything else.
 *
 *   "1714557605000"                  → 1714557605000
 *   "2024-05-01T12:00:05.0009+02:00" → 1714557605000
 *   "2024-05-01"                     → 1714521600000
 */
const EPOCH_MS = /^[0-9]{1,15}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

export function parseInstant(raw: string): number | undefined {
  if (EPOCH_MS.test(raw)) return Number(raw);
  const d = DATE.exec(raw);
  if (d) return utc(num(d[1]), num(d[2]), num(d[3]), 0, 0, 0, 0);
  const t = DATE_TIME.exec(raw);
  if (!t) return undefined;
  const [hour, minute, second] = [num(t[4]), num(t[5]), num(t[6])];
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const ms = num((t[7] ?? '').padEnd(3, '0').slice(0, 3));
  const local = utc(num(t[1]), num(t[2]), num(t[3]), hour, minute, second, ms);
  if (local === undefined) return undefined;
  if (t[8] === 'Z') return local;
  const [offH, offM] = [num(t[10]), num(t[11])];
  if (offH > 23 || offM > 59) return undefined;
  const offset = (offH * 60 + offM) * 60_000;
  return t[9] === '+' ? local - offset : local + offset;
}

function num(s: string | undefined): number {
  return s === undefined || s === '' ? 0 : Number(s);
}

/** Epoch ms of a calendar date-time in UTC, or undefined for an impossible date (2024-02-30). */
function utc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
): number | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0-99 onto 1900-1999
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  date.setUTCHours(hour, minute, second, ms);
  return date.getTime();
}
