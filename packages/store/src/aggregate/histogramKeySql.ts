/**
 * The date-histogram bucket key of one row, in SQL, as epoch ms (the rule of `dateRounding.ts`).
 * Rounding happens in SQL so the histogram is one GROUP BY over millions of rows; the TypeScript
 * post-pass only fills gaps. Fixed offsets (UTC included) are plain arithmetic. IANA zones:
 *
 *   t' = col − offset;  loc = t' AT TIME ZONE z;  R = date_trunc(unit, loc)   (or a fixed multiple)
 *   own = R read with the row's own UTC offset; if own's wall time in z is R, it is the key (this
 *   keeps the two fall-back hours apart); else R AT TIME ZONE z (the offset valid at R; in a
 *   spring-forward gap PostgreSQL reads R with the offset before the gap, which is the transition
 *   instant when R is the gap's start; see docs/adr for the one case that differs from ES:
 *   an `offset` that puts R strictly inside the gap).
 *
 * `date_trunc` on a local timestamp starts weeks on Monday, as ES does.
 */
import type { Fragment } from '../compile/frag';
import { frag, raw } from '../compile/frag';
import type { AggZone, Interval } from './dateRounding';

const MS = raw(`INTERVAL '1 millisecond'`);

function shifted(col: Fragment, offsetMs: number): Fragment {
  return offsetMs === 0 ? col : frag`(${col} - ${offsetMs}::bigint * ${MS})`;
}

/** Rounds a `timestamp` (no zone) holding local wall time. */
function roundLocal(local: Fragment, interval: Interval): Fragment {
  if ('fixedMs' in interval) {
    const i = interval.fixedMs;
    return frag`(TIMESTAMP 'epoch' + (floor((extract(epoch FROM ${local}) * 1000) / ${i}::numeric) * ${i}::bigint)::bigint * ${MS})`;
  }
  return frag`date_trunc(${interval.calendar}::text, ${local})`;
}

const epochMs = (ts: Fragment): Fragment => frag`(extract(epoch FROM ${ts}) * 1000)::bigint`;

/** A `SELECT … AS k` for a LATERAL: the key of the row of alias `e` whose date column is `col`. */
export function histogramKeySelect(
  col: Fragment,
  interval: Interval,
  zone: AggZone,
  offsetMs: number,
): Fragment {
  const t = shifted(col, offsetMs);
  if (zone.kind === 'fixed') {
    const local = frag`((${t} AT TIME ZONE 'UTC') + ${zone.offsetMs}::bigint * ${MS})`;
    const key = frag`(${epochMs(roundLocal(local, interval))} - ${zone.offsetMs - offsetMs}::bigint)`;
    return frag`SELECT ${key} AS k`;
  }
  const z = zone.name;
  const r = roundLocal(raw('a.loc'), interval);
  return frag`SELECT (${epochMs(
    frag`CASE WHEN (c.own AT TIME ZONE ${z}::text) = c.r THEN c.own ELSE (c.r AT TIME ZONE ${z}::text) END`,
  )} + ${offsetMs}::bigint) AS k
    FROM (SELECT b.r, ((b.r - (b.loc - (b.t AT TIME ZONE 'UTC'))) AT TIME ZONE 'UTC') AS own
      FROM (SELECT a.t, a.loc, ${r} AS r
        FROM (SELECT ${t} AS t, (${t} AT TIME ZONE ${z}::text) AS loc) a) b) c`;
}
