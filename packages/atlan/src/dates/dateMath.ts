/**
 * ES date math (spec §3.4.3): `+N<unit>`, `-N<unit>` and `/<unit>` applied left to right on a zoned
 * date-time. `y M w d` are calendar steps, `h m s` absolute ones; `/unit` rounds down to the unit's
 * start (Monday weeks), or with round-up to its last millisecond.
 */
import type { DateTime, DateTimeUnit, DurationLikeObject } from 'luxon';

const UNITS = new Map<string, { step: keyof DurationLikeObject; round: DateTimeUnit }>([
  ['y', { step: 'years', round: 'year' }],
  ['M', { step: 'months', round: 'month' }],
  ['w', { step: 'weeks', round: 'week' }],
  ['d', { step: 'days', round: 'day' }],
  ['h', { step: 'hours', round: 'hour' }],
  ['H', { step: 'hours', round: 'hour' }],
  ['m', { step: 'minutes', round: 'minute' }],
  ['s', { step: 'seconds', round: 'second' }],
]);

const OPERATION = /^(?:([+-])(\d*)([yMwdhHms])|\/([yMwdhHms]))/;

/** Applies `math` to `start`; undefined when the expression is malformed. */
export function applyDateMath(
  start: DateTime,
  math: string,
  roundUp: boolean,
): DateTime | undefined {
  let dt = start;
  let rest = math;
  while (rest.length > 0) {
    const m = OPERATION.exec(rest);
    if (!m) return undefined;
    rest = rest.slice(m[0].length);
    // a digit right after a rounding unit ("/2d" reads as "/" + "2d") is malformed, as in ES
    if (m[4] !== undefined) {
      const unit = UNITS.get(m[4]);
      if (!unit) return undefined;
      dt = roundUp ? dt.endOf(unit.round) : dt.startOf(unit.round);
      continue;
    }
    const unit = UNITS.get(m[3] ?? '');
    if (!unit) return undefined;
    const amount = m[2] === '' ? 1 : Number(m[2]);
    if (!Number.isSafeInteger(amount)) return undefined;
    dt = dt.plus({ [unit.step]: m[1] === '-' ? -amount : amount });
  }
  return dt.isValid ? dt : undefined;
}
