/**
 * Atlas's named time ranges (spec/atlas-admin-audits.md §4.9; apache/atlas SearchProcessor
 * `processDateRange`), resolved in UTC from the request's single clock reading. The formulas are
 * Atlas's own, kept for parity: THIS_QUARTER starts last month, and the LAST_n_MONTHS ranges end
 * with last month.
 */

const DAY_MS = 86_400_000;

interface Span {
  /** first day: offset in days from today, or in months from this month */
  readonly unit: 'day' | 'month' | 'year';
  readonly start: number;
  readonly length: number;
}

const RANGES: ReadonlyMap<string, Span> = new Map<string, Span>([
  ['TODAY', { unit: 'day', start: 0, length: 1 }],
  ['YESTERDAY', { unit: 'day', start: -1, length: 1 }],
  ['LAST_7_DAYS', { unit: 'day', start: -6, length: 7 }],
  ['LAST_30_DAYS', { unit: 'day', start: -29, length: 30 }],
  ['THIS_MONTH', { unit: 'month', start: 0, length: 1 }],
  ['LAST_MONTH', { unit: 'month', start: -1, length: 1 }],
  ['THIS_QUARTER', { unit: 'month', start: -1, length: 3 }],
  ['LAST_QUARTER', { unit: 'month', start: -4, length: 3 }],
  ['LAST_3_MONTHS', { unit: 'month', start: -3, length: 3 }],
  ['LAST_6_MONTHS', { unit: 'month', start: -6, length: 6 }],
  ['LAST_12_MONTHS', { unit: 'month', start: -12, length: 12 }],
  ['THIS_YEAR', { unit: 'year', start: 0, length: 1 }],
  ['LAST_YEAR', { unit: 'year', start: -1, length: 1 }],
]);

export const NAMED_TIME_RANGES: readonly string[] = [...RANGES.keys()];

/** [first ms, last ms] of a named range (both inclusive), or undefined for any other text. */
export function namedTimeRange(name: string, now: number): readonly [number, number] | undefined {
  const span = RANGES.get(name);
  if (!span) return undefined;
  const d = new Date(now);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const today = Date.UTC(y, m, d.getUTCDate());
  switch (span.unit) {
    case 'day':
      return [today + span.start * DAY_MS, today + (span.start + span.length) * DAY_MS - 1];
    case 'month': // Date.UTC normalises negative and overflowing months across years
      return [Date.UTC(y, m + span.start, 1), Date.UTC(y, m + span.start + span.length, 1) - 1];
    case 'year':
      return [Date.UTC(y + span.start, 0, 1), Date.UTC(y + span.start + span.length, 0, 1) - 1];
  }
}
