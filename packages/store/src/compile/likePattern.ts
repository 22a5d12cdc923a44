/**
 * Text matching patterns. Every value is escaped here and bound as a parameter, so `%`, `_` and `\`
 * in user input are ordinary characters (the SQL always says `ESCAPE '\'`).
 *
 *   likePattern('prefix', 'svc_%')   → 'svc\_\%%'
 *   likePattern('wildcard', 'a*b?\*') → 'a%b_*'     (ES wildcard: `*` any run, `?` one character)
 *   wordRegex('a.b')                  → '(^|[^A-Za-z0-9_])a\.b([^A-Za-z0-9_]|$)'
 */
import type { TextMatch } from '@audit-gateway/ir';

export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** ES wildcard syntax → LIKE: `\` makes the next character literal; a trailing `\` is literal. */
export function wildcardToLike(value: string): string {
  let out = '';
  const chars = Array.from(value);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    if (c === '\\' && i + 1 < chars.length) out += escapeLike(chars[++i] as string);
    else if (c === '*') out += '%';
    else if (c === '?') out += '_';
    else out += escapeLike(c);
  }
  return out;
}

export function likePattern(match: Exclude<TextMatch, 'word'>, value: string): string {
  switch (match) {
    case 'prefix':
      return `${escapeLike(value)}%`;
    case 'suffix':
      return `%${escapeLike(value)}`;
    case 'contains':
      return `%${escapeLike(value)}%`;
    case 'wildcard':
      return wildcardToLike(value);
  }
}

const REGEX_META = /[\\^$.|?*+()[\]{}]/g;

/**
 * Atlas `like` (spec/atlas-admin-audits.md §4.7): `value` bounded on both sides by the string's
 * ends or a character outside ASCII `[A-Za-z0-9_]`. A regex, because LIKE cannot say "one of the
 * occurrences is bounded".
 */
export function wordRegex(value: string): string {
  return `(^|[^A-Za-z0-9_])${value.replace(REGEX_META, (c) => `\\${c}`)}([^A-Za-z0-9_]|$)`;
}
