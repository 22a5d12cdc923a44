/**
 * The date-histogram bucket key of one row, in SQL, as a timestamptz (the rule of
 * `dateRounding.ts`; the outer query turns keys into epoch ms after grouping, so the conversion
 * runs once per bucket, not once per row). Rounding happens in SQL so a histogram is one GROUP BY
 * over millions of rows; the TypeScript post-pass only fills gaps.
 *
 * - Fixed offsets (UTC included): `date_bin` for fixed intervals (origin 1970-01-01 local, shifted by
 *   `offset`), `date_trunc` on the shifted wall time for calendar units.
 * - IANA zones, calendar units: `date_trunc(unit, t − offset, zone) + offset` (PostgreSQL ≥ 14). Below
 *   a day it keeps the row's own UTC offset, so the two fall-back hours stay apart; from a day up it
 *   reads local midnight with the offset valid then, as ES does. Weeks start on Monday.
 * - IANA zones, fixed intervals: R = the row's wall time binned from 1970-01-01 local; the key is R
 *   read with the row's own offset when that instant's wall time is R (the two fall-back hours
 *   again), else R read with the offset valid at R. `OFFSET 0` keeps PostgreSQL from inlining the
 *   steps, which would repeat each time-zone conversion several times per row.
 *   Known difference from ES: when `offset` puts R strictly inside a spring-forward gap, ES answers
 *   the transition instant and PostgreSQL reads R with the offset before the gap (an hour later).
 *   Whole-hour offsets never meet it in zones whose DST shifts by whole hours.
 */
import { frag, raw, type Fragment } from '../compile/frag';
import type { AggZone, Interval } from './dateRounding';

const MS = raw(`INTERVAL '1 millisecond'`);
const ms = (n: number): Fragment => frag`(${n}::bigint * ${MS})`;

function shifted(col: Fragment, offsetMs: number): Fragment {
  return offsetMs === 0 ? col : frag`(${col} - ${ms(offsetMs)})`;
}
function unshifted(key: Fragment, offsetMs: number): Fragment {
  return offsetMs === 0 ? key : frag`(${key} + ${ms(offsetMs)})`;
}

function fixedZoneKey(
  col: Fragment,
  interval: Interval,
  offsetZone: number,
  offsetMs: number,
): Fragment {
  if ('fixedMs' in interval)
    return frag`date_bin(${ms(interval.fixedMs)}, ${col}, TIMESTAMPTZ 'epoch' + ${ms(offsetMs - offsetZone)})`;
  if (offsetZone === 0)
    return unshifted(
      frag`date_trunc(${interval.calendar}::text, ${shifted(col, offsetMs)}, 'UTC')`,
      offsetMs,
    );
  const local = frag`((${shifted(col, offsetMs)} AT TIME ZONE 'UTC') + ${ms(offsetZone)})`;
  const r = frag`((date_trunc(${interval.calendar}::text, ${local}) - ${ms(offsetZone)}) AT TIME ZONE 'UTC')`;
  return unshifted(r, offsetMs);
}

function ianaFixedKey(col: Fragment, fixedMs: number, zone: string, offsetMs: number): Fragment {
  const t = shifted(col, offsetMs);
  const key = frag`(SELECT CASE WHEN (c.own AT TIME ZONE ${zone}::text) = c.r THEN c.own ELSE (c.r AT TIME ZONE ${zone}::text) END
    FROM (SELECT b.r, ((b.r - (b.loc - (b.t AT TIME ZONE 'UTC'))) AT TIME ZONE 'UTC') AS own
      FROM (SELECT a.t, a.loc, date_bin(${ms(fixedMs)}, a.loc, TIMESTAMP 'epoch') AS r
        FROM (SELECT ${t} AS t, (${t} AT TIME ZONE ${zone}::text) AS loc OFFSET 0) AS a OFFSET 0) AS b OFFSET 0) AS c)`;
  return unshifted(key, offsetMs);
}

/** The key of the row of alias `e` whose date column is `col`; NULL when `col` is. */
export function histogramKey(
  col: Fragment,
  interval: Interval,
  zone: AggZone,
  offsetMs: number,
): Fragment {
  if (zone.kind === 'fixed') return fixedZoneKey(col, interval, zone.offsetMs, offsetMs);
  if ('fixedMs' in interval) return ianaFixedKey(col, interval.fixedMs, zone.name, offsetMs);
  return unshifted(
    frag`date_trunc(${interval.calendar}::text, ${shifted(col, offsetMs)}, ${zone.name}::text)`,
    offsetMs,
  );
}
