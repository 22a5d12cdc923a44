/**
 * Turns one date value of the DSL into an instant (spec §3.4.1): epoch numbers, `now` with date
 * math, `<anchor>||<math>`, or a string in the clause's format and time zone, with missing
 * components filled per the round-up flag (§3.4.2; note month and day are `01` either way).
 */
import { DateTime, FixedOffsetZone } from 'luxon';
import { dslError } from '../atlanErrors';
import { componentsValid, type DateComponents, type ParsedDate } from './DateComponents';
import { DEFAULT_DATE_FORMAT, type DateFormat } from './dateFormats';
import { applyDateMath } from './dateMath';
import { toZone } from './timeZone';

export interface DateParseOptions {
  /** the clause's `format`; undefined → the default (and JSON numbers are epoch ms) */
  readonly format?: DateFormat;
  /** normalised zone string (timeZone.ts) */
  readonly zone: string;
  readonly roundUp: boolean;
  /** the request's one NOW, epoch ms */
  readonly now: number;
}

export function parseDateValue(value: unknown, options: DateParseOptions): number {
  const result = tryParseDateValue(value, options);
  if (result === undefined) {
    const shown = typeof value === 'string' ? value : JSON.stringify(value);
    throw dslError(`failed to parse date field [${shown}]`, 'parse_exception');
  }
  return result;
}

// the instants a JavaScript Date (and so every formatter) can represent, about ±275,000 years
const MAX_INSTANT = 8.64e15;

export function tryParseDateValue(value: unknown, options: DateParseOptions): number | undefined {
  const ms = parseAny(value, options);
  return ms === undefined || Math.abs(ms) > MAX_INSTANT ? undefined : ms;
}

function parseAny(value: unknown, options: DateParseOptions): number | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    if (options.format === undefined) return Math.trunc(value);
    return parseString(String(value), options);
  }
  if (typeof value !== 'string') return undefined;
  return parseString(value, options);
}

function parseString(text: string, options: DateParseOptions): number | undefined {
  const zone = toZone(options.zone);
  if (text.startsWith('now')) {
    const result = applyDateMath(
      DateTime.fromMillis(options.now, { zone }),
      text.slice(3),
      options.roundUp,
    );
    return result?.toMillis();
  }
  const anchorEnd = text.indexOf('||');
  if (anchorEnd >= 0) {
    const anchor = parseWithFormat(text.slice(0, anchorEnd), options, false);
    if (anchor === undefined) return undefined;
    const result = applyDateMath(
      DateTime.fromMillis(anchor, { zone }),
      text.slice(anchorEnd + 2),
      options.roundUp,
    );
    return result?.toMillis();
  }
  return parseWithFormat(text, options, options.roundUp);
}

function parseWithFormat(text: string, options: DateParseOptions, roundUp: boolean) {
  const format = options.format ?? DEFAULT_DATE_FORMAT;
  for (const alternative of format.alternatives) {
    const parsed = alternative.parse(text);
    if (!parsed) continue;
    const instant = toInstant(parsed, options.zone, roundUp);
    if (instant !== undefined) return instant;
  }
  return undefined;
}

function toInstant(parsed: ParsedDate, zoneName: string, roundUp: boolean): number | undefined {
  if (parsed.kind === 'instant') return parsed.epochMs;
  const c: DateComponents = parsed.components;
  if (!componentsValid(c)) return undefined;
  const zone =
    c.offsetMinutes === undefined ? toZone(zoneName) : FixedOffsetZone.instance(c.offsetMinutes);
  const dt = DateTime.fromObject(
    {
      year: c.year,
      month: c.month ?? 1,
      day: c.day ?? 1,
      hour: c.hour ?? (roundUp ? 23 : 0),
      minute: c.minute ?? (roundUp ? 59 : 0),
      second: c.second ?? (roundUp ? 59 : 0),
      millisecond: c.millis ?? (roundUp ? 999 : 0),
    },
    { zone },
  );
  return dt.isValid ? dt.toMillis() : undefined;
}

/** Prints an instant with a format's first alternative in a zone (key_as_string). */
export function formatInstant(epochMs: number, format: DateFormat, zone: string): string {
  const first = format.alternatives[0] ?? DEFAULT_DATE_FORMAT.alternatives[0];
  const dt = DateTime.fromMillis(epochMs, { zone: toZone(zone) });
  return first ? first.print(dt) : String(epochMs);
}
