/**
 * Java-style date patterns (spec §3.4.5), compiled once into a parser (a regular expression with
 * one group per field) and a printer. English names, ROOT locale, as ES's default.
 */
import type { DateTime } from 'luxon';
import type { DateComponents } from './DateComponents';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

type Setter = (c: Mutable, text: string) => boolean;
type Mutable = { -readonly [K in keyof DateComponents]?: DateComponents[K] } & {
  pm?: boolean;
  hour12?: number;
};

interface Token {
  readonly regex: string;
  readonly set?: Setter;
  readonly print: (dt: DateTime) => string;
}

const pad = (n: number, width: number) => String(Math.abs(n)).padStart(width, '0');
const num =
  (key: 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second'): Setter =>
  (c, t) => {
    c[key] = Number(t);
    return true;
  };

function offsetText(minutes: number, colon: boolean, zForZero: boolean, withMinutes = true) {
  if (minutes === 0 && zForZero) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const h = pad(Math.trunc(Math.abs(minutes) / 60), 2);
  const m = pad(Math.abs(minutes) % 60, 2);
  if (!withMinutes && m === '00') return `${sign}${h}`;
  return `${sign}${h}${colon ? ':' : ''}${m}`;
}

const setOffset: Setter = (c, t) => {
  if (t === 'Z') {
    c.offsetMinutes = 0;
    return true;
  }
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(t);
  if (!m) return false;
  c.offsetMinutes = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? '0'));
  return true;
};

/** One pattern letter run → its token, or undefined when the run is not supported. */
function letterToken(letter: string, count: number): Token | undefined {
  switch (`${letter}${count}`) {
    case 'y4':
    case 'u4':
      return { regex: '(\\d{4})', set: num('year'), print: (d) => pad(d.year, 4) };
    case 'y2':
      return {
        regex: '(\\d{2})',
        set: (c, t) => ((c.year = 2000 + Number(t)), true),
        print: (d) => pad(d.year % 100, 2),
      };
    case 'M1':
      return { regex: '(\\d{1,2})', set: num('month'), print: (d) => String(d.month) };
    case 'M2':
      return { regex: '(\\d{2})', set: num('month'), print: (d) => pad(d.month, 2) };
    case 'M3':
      return {
        regex: `(${MONTHS.map((m) => m.slice(0, 3)).join('|')})`,
        set: (c, t) => ((c.month = MONTHS.findIndex((m) => m.startsWith(t)) + 1), true),
        print: (d) => (MONTHS[d.month - 1] ?? '').slice(0, 3),
      };
    case 'M4':
      return {
        regex: `(${MONTHS.join('|')})`,
        set: (c, t) => ((c.month = MONTHS.indexOf(t) + 1), true),
        print: (d) => MONTHS[d.month - 1] ?? '',
      };
    case 'd1':
      return { regex: '(\\d{1,2})', set: num('day'), print: (d) => String(d.day) };
    case 'd2':
      return { regex: '(\\d{2})', set: num('day'), print: (d) => pad(d.day, 2) };
    case 'H1':
      return { regex: '(\\d{1,2})', set: num('hour'), print: (d) => String(d.hour) };
    case 'H2':
      return { regex: '(\\d{2})', set: num('hour'), print: (d) => pad(d.hour, 2) };
    case 'h1':
    case 'h2':
      return {
        regex: count === 1 ? '(\\d{1,2})' : '(\\d{2})',
        set: (c, t) => ((c.hour12 = Number(t)), c.hour12 >= 1 && c.hour12 <= 12),
        print: (d) => pad(d.hour % 12 === 0 ? 12 : d.hour % 12, count),
      };
    case 'm1':
      return { regex: '(\\d{1,2})', set: num('minute'), print: (d) => String(d.minute) };
    case 'm2':
      return { regex: '(\\d{2})', set: num('minute'), print: (d) => pad(d.minute, 2) };
    case 's1':
      return { regex: '(\\d{1,2})', set: num('second'), print: (d) => String(d.second) };
    case 's2':
      return { regex: '(\\d{2})', set: num('second'), print: (d) => pad(d.second, 2) };
    case 'a1':
      return {
        regex: '(AM|PM)',
        set: (c, t) => ((c.pm = t === 'PM'), true),
        print: (d) => (d.hour < 12 ? 'AM' : 'PM'),
      };
    case 'E3':
      return {
        regex: `(${DAYS.map((x) => x.slice(0, 3)).join('|')})`,
        print: (d) => (DAYS[d.weekday - 1] ?? '').slice(0, 3),
      };
    case 'E4':
      return { regex: `(${DAYS.join('|')})`, print: (d) => DAYS[d.weekday - 1] ?? '' };
    case 'Z1':
      return {
        regex: '([+-]\\d{4})',
        set: setOffset,
        print: (d) => offsetText(d.offset, false, false),
      };
    case 'X1':
      return {
        regex: '(Z|[+-]\\d{2}(?:\\d{2})?)',
        set: setOffset,
        print: (d) => offsetText(d.offset, false, true, false),
      };
    case 'X2':
      return {
        regex: '(Z|[+-]\\d{4})',
        set: setOffset,
        print: (d) => offsetText(d.offset, false, true),
      };
    case 'X3':
      return {
        regex: '(Z|[+-]\\d{2}:\\d{2})',
        set: setOffset,
        print: (d) => offsetText(d.offset, true, true),
      };
    case 'x3':
      return {
        regex: '([+-]\\d{2}:\\d{2})',
        set: setOffset,
        print: (d) => offsetText(d.offset, true, false),
      };
    default:
      if (letter === 'S' && count >= 1 && count <= 9) {
        return {
          regex: `(\\d{${count}})`,
          set: (c, t) => ((c.millis = Math.trunc(Number(`0.${t}`) * 1000 + 1e-9)), true),
          print: (d) => pad(d.millisecond, 3).padEnd(count, '0').slice(0, count),
        };
      }
      return undefined;
  }
}

const SEPARATORS = new Set(['-', '/', ':', '.', ',', ' ']);
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

export interface CompiledPattern {
  readonly parse: (text: string) => DateComponents | undefined;
  readonly print: (dt: DateTime) => string;
}

/** Compiles a pattern; undefined when it uses anything outside the supported set. */
export function compileJavaPattern(pattern: string): CompiledPattern | undefined {
  const tokens: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern.charAt(i);
    if (/[A-Za-z]/.test(ch)) {
      let j = i;
      while (pattern.charAt(j) === ch) j++;
      const token = letterToken(ch, j - i);
      if (!token) return undefined;
      tokens.push(token);
      i = j;
    } else if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end < 0) return undefined;
      const literal = end === i + 1 ? "'" : pattern.slice(i + 1, end);
      tokens.push({ regex: escapeRegex(literal), print: () => literal });
      i = end + 1;
    } else if (SEPARATORS.has(ch)) {
      tokens.push({ regex: escapeRegex(ch), print: () => ch });
      i++;
    } else {
      return undefined;
    }
  }
  if (!tokens.some((t) => t.set)) return undefined;
  const regex = new RegExp(`^${tokens.map((t) => t.regex).join('')}$`);
  const setters = tokens.filter((t) => /\(/.test(t.regex.replace(/\\\(/g, '')));
  return {
    parse(text) {
      const m = regex.exec(text);
      if (!m) return undefined;
      const c: Mutable = {};
      for (let k = 0; k < setters.length; k++) {
        const set = setters[k]?.set;
        if (set && !set(c, m[k + 1] ?? '')) return undefined;
      }
      if (c.hour12 !== undefined) c.hour = (c.hour12 % 12) + (c.pm ? 12 : 0);
      else if (c.pm !== undefined && c.hour !== undefined && c.pm && c.hour < 12) c.hour += 12;
      if (c.year === undefined) c.year = 1970;
      const { pm: _pm, hour12: _h, ...components } = c;
      return components as DateComponents;
    },
    print: (dt) => tokens.map((t) => t.print(dt)).join(''),
  };
}
