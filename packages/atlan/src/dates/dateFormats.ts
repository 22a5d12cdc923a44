/**
 * Date formats (spec §3.4.2, §3.4.5): named ES formats and Java-style patterns, alternatives joined
 * by `||`. Each alternative parses a string into components (or an epoch instant) and prints an
 * instant for `key_as_string` / `value_as_string`.
 */
import type { DateTime } from 'luxon';
import { dslError } from '../atlanErrors';
import type { DateComponents, ParsedDate } from './DateComponents';
import { compileJavaPattern } from './javaPattern';

export interface FormatAlternative {
  readonly parse: (text: string) => ParsedDate | undefined;
  readonly print: (dt: DateTime) => string;
}

export interface DateFormat {
  readonly text: string;
  readonly alternatives: readonly FormatAlternative[];
}

function optionalTime(strict: boolean): FormatAlternative {
  const d = strict ? '\\d{2}' : '\\d{1,2}';
  const regex = new RegExp(
    `^(\\d{4})(?:-(${d})(?:-(${d})(?:T(${d})(?::(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?` +
      `(Z|[+-]\\d{2}(?::?\\d{2})?)?)?)?)?$`,
  );
  return {
    parse(text) {
      const m = regex.exec(text);
      if (!m) return undefined;
      const int = (s: string | undefined) => (s === undefined ? undefined : Number(s));
      const components: DateComponents = {
        year: Number(m[1]),
        month: int(m[2]),
        day: int(m[3]),
        hour: int(m[4]),
        minute: int(m[5]),
        second: int(m[6]),
        millis: m[7] === undefined ? undefined : Number(m[7].padEnd(9, '0').slice(0, 3)),
        offsetMinutes: m[8] === undefined ? undefined : offsetMinutes(m[8]),
      };
      return { kind: 'local', components };
    },
    print: (dt) => {
      const base = dt.toFormat("yyyy-MM-dd'T'HH:mm:ss.SSS");
      return dt.offset === 0 ? `${base}Z` : `${base}${dt.toFormat('ZZ')}`;
    },
  };
}

function offsetMinutes(text: string): number {
  if (text === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(text);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? '0'));
}

function epoch(scale: number, fractionDigits: number): FormatAlternative {
  const regex = new RegExp(`^(-?\\d+)(?:\\.(\\d{1,${fractionDigits}}))?$`);
  return {
    parse(text) {
      const m = regex.exec(text);
      if (!m) return undefined;
      const whole = Number(m[1]);
      const fraction = m[2] === undefined ? 0 : Number(`0.${m[2]}`) * scale;
      const sign = text.startsWith('-') ? -1 : 1;
      const epochMs = Math.trunc(whole * scale + sign * fraction);
      if (!Number.isSafeInteger(epochMs)) return undefined;
      return { kind: 'instant', epochMs };
    },
    print: (dt) => String(Math.trunc(dt.toMillis() / scale)),
  };
}

function pattern(text: string): FormatAlternative | undefined {
  const compiled = compileJavaPattern(text);
  if (!compiled) return undefined;
  return {
    parse: (s) => {
      const components = compiled.parse(s);
      return components ? { kind: 'local', components } : undefined;
    },
    print: compiled.print,
  };
}

const NAMED = new Map<string, () => FormatAlternative | undefined>([
  ['strict_date_optional_time', () => optionalTime(true)],
  ['date_optional_time', () => optionalTime(false)],
  ['epoch_millis', () => epoch(1, 6)],
  ['epoch_second', () => epoch(1000, 9)],
  ['strict_date', () => pattern('yyyy-MM-dd')],
  ['date', () => pattern('yyyy-MM-dd')],
  ['strict_date_time', () => pattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")],
  ['date_time', () => pattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")],
  ['strict_date_hour_minute_second', () => pattern("yyyy-MM-dd'T'HH:mm:ss")],
  ['date_hour_minute_second', () => pattern("yyyy-MM-dd'T'HH:mm:ss")],
  ['basic_date', () => pattern('yyyyMMdd')],
  ['year', () => pattern('yyyy')],
  ['strict_year', () => pattern('yyyy')],
  ['year_month', () => pattern('yyyy-MM')],
  ['strict_year_month', () => pattern('yyyy-MM')],
  ['year_month_day', () => pattern('yyyy-MM-dd')],
  ['strict_year_month_day', () => pattern('yyyy-MM-dd')],
]);

export function parseDateFormat(value: unknown): DateFormat {
  if (typeof value !== 'string' || value === '') {
    throw dslError(`Invalid format: [${String(value)}]`, 'illegal_argument_exception');
  }
  const alternatives = value.split('||').map((alt) => {
    const named = NAMED.get(alt);
    const parsed = named ? named() : pattern(alt);
    if (!parsed) throw dslError(`Invalid format: [${value}]`, 'illegal_argument_exception');
    return parsed;
  });
  return { text: value, alternatives };
}

/** `strict_date_optional_time||epoch_millis`, ES's default for date fields. */
export const DEFAULT_DATE_FORMAT: DateFormat = parseDateFormat(
  'strict_date_optional_time||epoch_millis',
);
