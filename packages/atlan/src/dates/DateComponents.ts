/** What a date format read from a string; absent components are filled per spec §3.4.2. */
export interface DateComponents {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
  readonly hour?: number;
  readonly minute?: number;
  readonly second?: number;
  /** milliseconds from the fraction digits (truncated) */
  readonly millis?: number;
  /** minutes east of UTC, when the string carried an offset */
  readonly offsetMinutes?: number;
}

/** An absolute instant read straight from an epoch format. */
export type ParsedDate =
  | { readonly kind: 'instant'; readonly epochMs: number }
  | { readonly kind: 'local'; readonly components: DateComponents };

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** False for month 13, Feb 30, hour 24, … */
export function componentsValid(c: DateComponents): boolean {
  if (c.month !== undefined && (c.month < 1 || c.month > 12)) return false;
  if (c.day !== undefined && (c.day < 1 || c.day > daysInMonth(c.year, c.month ?? 1))) return false;
  if (c.hour !== undefined && (c.hour < 0 || c.hour > 23)) return false;
  if (c.minute !== undefined && (c.minute < 0 || c.minute > 59)) return false;
  if (c.second !== undefined && (c.second < 0 || c.second > 59)) return false;
  if (c.offsetMinutes !== undefined && Math.abs(c.offsetMinutes) > 18 * 60) return false;
  return true;
}
