/**
 * Date-histogram bucketing in TypeScript (spec/atlan-auditsearch.md §5.3): the post-pass uses it to
 * fill gaps and round `extended_bounds`, and the reference evaluator to bucket single rows. The SQL
 * in `histogramKeySql.ts` computes the same key per row; the differential tests hold the two together.
 *
 * The rule, as Elasticsearch rounds: take t' = t − offset; round its *local* wall time R down (calendar
 * unit, or a multiple of the fixed interval counted from 1970-01-01T00:00 local); the key is the latest
 * instant ≤ t' whose local wall time is R (so a repeated fall-back hour gives two buckets), or, when R
 * falls into a spring-forward gap, the transition instant; finally key += offset.
 */
import { DateTime, IANAZone } from 'luxon';
import { AuditError, type CalendarUnit, type DateHistogramAgg } from '@audit-gateway/ir';

export type AggZone =
  | { readonly kind: 'fixed'; readonly offsetMs: number }
  | { readonly kind: 'iana'; readonly name: string };

export type Interval = DateHistogramAgg['interval'];

const UTC_NAMES = new Set(['Z', 'UTC', 'GMT', 'Etc/UTC', 'Etc/GMT']);
const FIXED = /^([+-])(\d{2})(?::?(\d{2}))?$/;

/** `UTC`, `+05:30`, `-0800`, `+05` are fixed offsets; anything else must be an IANA zone id. */
export function parseZone(timeZone: string): AggZone {
  if (UTC_NAMES.has(timeZone)) return { kind: 'fixed', offsetMs: 0 };
  const m = FIXED.exec(timeZone);
  if (m) {
    const minutes = Number(m[2]) * 60 + Number(m[3] ?? '0');
    return { kind: 'fixed', offsetMs: (m[1] === '-' ? -1 : 1) * minutes * 60_000 };
  }
  if (IANAZone.isValidZone(timeZone)) return { kind: 'iana', name: timeZone };
  throw new AuditError('AQ100', `Unknown time-zone ID: ${timeZone}`);
}

/** The zone's UTC offset at instant `t`, in ms. */
export function zoneOffset(zone: AggZone, t: number): number {
  return zone.kind === 'fixed' ? zone.offsetMs : IANAZone.create(zone.name).offset(t) * 60_000;
}

/** Local wall time (as epoch ms of that wall time read in UTC) rounded down to the interval. */
function roundLocal(local: number, interval: Interval): number {
  if ('fixedMs' in interval) return Math.floor(local / interval.fixedMs) * interval.fixedMs;
  return DateTime.fromMillis(local, { zone: 'utc' }).startOf(interval.calendar).toMillis();
}

const HOUR = 3_600_000;
// No zone changes its offset twice within 36 hours, so these probes see every offset R can have.
const PROBES = [-36 * HOUR, -12 * HOUR, 0, 12 * HOUR, 36 * HOUR];

/** The latest instant ≤ t whose wall time in `zone` is `local`; in a gap, the transition instant. */
export function localToInstant(zone: AggZone, local: number, t: number): number {
  if (zone.kind === 'fixed') return local - zone.offsetMs;
  const offsets = [...new Set(PROBES.map((d) => zoneOffset(zone, local + d)))];
  const candidates = offsets
    .map((o) => local - o)
    .filter((c) => zoneOffset(zone, c) + c === local)
    .sort((a, b) => a - b);
  const atOrBefore = candidates.filter((c) => c <= t);
  if (atOrBefore.length > 0) return atOrBefore[atOrBefore.length - 1] as number;
  if (candidates.length > 0) return candidates[0] as number;
  return transitionAfter(zone, local - Math.max(...offsets), local - Math.min(...offsets));
}

/** The first instant in (lo, hi] whose offset differs from lo's (binary search). */
function transitionAfter(zone: AggZone, lo: number, hi: number): number {
  const before = zoneOffset(zone, lo);
  let a = lo;
  let b = hi;
  while (b - a > 1) {
    const mid = Math.floor((a + b) / 2);
    if (zoneOffset(zone, mid) === before) a = mid;
    else b = mid;
  }
  return b;
}

/** The bucket key (epoch ms) of instant `t`. */
export function roundDate(t: number, interval: Interval, zone: AggZone, offsetMs: number): number {
  const shifted = t - offsetMs;
  const local = roundLocal(shifted + zoneOffset(zone, shifted), interval);
  return localToInstant(zone, local, shifted) + offsetMs;
}

const UNIT_MS: Readonly<Record<CalendarUnit, number>> = {
  minute: 60_000,
  hour: HOUR,
  day: 24 * HOUR,
  week: 7 * 24 * HOUR,
  month: 28 * 24 * HOUR,
  quarter: 89 * 24 * HOUR,
  year: 365 * 24 * HOUR,
};
const PROBE_STEP = 15 * 60_000;

/**
 * The key of the bucket after the one keyed `key`. Calendar days and longer step in local wall
 * time (a DST day is 23 h or 25 h); fixed intervals step by the interval. When a fall-back hour
 * makes a step land in the same bucket again, we probe forward in quarter hours.
 */
export function nextKey(key: number, interval: Interval, zone: AggZone, offsetMs: number): number {
  let t: number;
  if ('fixedMs' in interval) t = key + interval.fixedMs;
  else if (UNIT_MS[interval.calendar] < 24 * HOUR) t = key + UNIT_MS[interval.calendar];
  else {
    const local = DateTime.fromMillis(key - offsetMs, {
      zone: zone.kind === 'fixed' ? 'utc' : zone.name,
    });
    const shifted =
      zone.kind === 'fixed'
        ? DateTime.fromMillis(key - offsetMs + zone.offsetMs, { zone: 'utc' })
            .plus({ [interval.calendar + 's']: 1 })
            .toMillis() - zone.offsetMs
        : local.plus({ [interval.calendar + 's']: 1 }).toMillis();
    t = shifted + offsetMs;
  }
  let next = roundDate(t, interval, zone, offsetMs);
  while (next <= key) {
    t += PROBE_STEP;
    next = roundDate(t, interval, zone, offsetMs);
  }
  return next;
}
