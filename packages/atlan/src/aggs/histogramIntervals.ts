/**
 * Interval parameters of date_histogram (spec §5.3): exactly one of `calendar_interval`,
 * `fixed_interval` or the legacy `interval`; `offset` as `±<n><unit>` or milliseconds.
 */
import type { CalendarUnit, DateHistogramAgg } from '@audit-gateway/ir';
import { dslError } from '../atlanErrors';
import { describe } from '../dsl/jsonValues';

const CALENDAR = new Map<string, CalendarUnit>([
  ['minute', 'minute'],
  ['1m', 'minute'],
  ['hour', 'hour'],
  ['1h', 'hour'],
  ['day', 'day'],
  ['1d', 'day'],
  ['week', 'week'],
  ['1w', 'week'],
  ['month', 'month'],
  ['1M', 'month'],
  ['quarter', 'quarter'],
  ['1q', 'quarter'],
  ['year', 'year'],
  ['1y', 'year'],
]);

const FIXED_UNITS = new Map<string, number>([
  ['ms', 1],
  ['s', 1000],
  ['m', 60_000],
  ['h', 3_600_000],
  ['d', 86_400_000],
]);

/** The shortest a calendar bucket can be (DST days are 23 h), for the bucket-count estimate. */
export const SHORTEST_MS: Readonly<Record<CalendarUnit, number>> = {
  minute: 60_000,
  hour: 3_600_000,
  day: 82_800_000,
  week: 7 * 86_400_000 - 3_600_000,
  month: 28 * 86_400_000 - 3_600_000,
  quarter: 89 * 86_400_000 - 3_600_000,
  year: 365 * 86_400_000 - 3_600_000,
};

function fixedMs(text: string): number | undefined {
  const m = /^(\d+)(ms|s|m|h|d)$/.exec(text);
  if (!m) return undefined;
  const ms = Number(m[1]) * (FIXED_UNITS.get(m[2] ?? '') ?? 0);
  return ms > 0 && Number.isSafeInteger(ms) ? ms : undefined;
}

export function parseInterval(params: Record<string, unknown>): DateHistogramAgg['interval'] {
  const given = ['calendar_interval', 'fixed_interval', 'interval'].filter(
    (k) => params[k] !== undefined && params[k] !== null,
  );
  if (given.length === 0) {
    throw dslError(
      'Invalid interval specified, must be non-null and non-empty',
      'illegal_argument_exception',
    );
  }
  if (given.length > 1) {
    throw dslError(
      `Cannot use [${given[1]}] with [${given[0]}] configuration option.`,
      'illegal_argument_exception',
    );
  }
  const key = given[0] as string;
  const text = String(params[key]);
  if (key === 'calendar_interval') {
    const unit = CALENDAR.get(text);
    if (!unit) {
      throw dslError(
        `The supplied interval [${text}] could not be parsed as a calendar interval.`,
        'illegal_argument_exception',
      );
    }
    return { calendar: unit };
  }
  const calendar = key === 'interval' ? CALENDAR.get(text) : undefined;
  if (calendar) return { calendar };
  const ms = fixedMs(text);
  if (ms === undefined) {
    throw dslError(
      `failed to parse setting [date_histogram.${key}] with value [${text}] as a time value: use a positive integer with unit ms, s, m, h or d`,
      'illegal_argument_exception',
    );
  }
  return { fixedMs: ms };
}

export function parseOffset(raw: unknown): number {
  if (raw === undefined || raw === null) return 0;
  if (typeof raw === 'number' && Number.isInteger(raw)) return raw;
  const m = typeof raw === 'string' ? /^([+-]?)(\d+)(ms|s|m|h|d)$/.exec(raw) : null;
  if (!m)
    throw dslError(
      `[offset] could not parse [${describe(raw)}] as a time offset`,
      'illegal_argument_exception',
    );
  const ms = Number(m[2]) * (FIXED_UNITS.get(m[3] ?? '') ?? 0);
  return m[1] === '-' ? -ms : ms;
}
