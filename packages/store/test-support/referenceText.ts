/**
 * Text semantics of the reference evaluator: binary order (COLLATE "C") and LIKE-style matching,
 * folding case with `toLowerCase()` as ICU `audit_fold` does.
 */
import type { TextMatch } from '@audit-gateway/ir';

/** Binary (code point) order, as COLLATE "C" on UTF-8. */
export function compareText(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** LIKE semantics on the (possibly lower-cased) subject: one `_` is one code point. */
function likeMatches(subject: string, match: TextMatch, value: string): boolean {
  switch (match) {
    case 'prefix':
      return subject.startsWith(value);
    case 'suffix':
      return subject.endsWith(value);
    case 'contains':
      return subject.includes(value);
    case 'word': {
      const isWord = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_]/.test(c);
      for (let i = 0; i + value.length <= subject.length; i++) {
        if (
          subject.startsWith(value, i) &&
          !isWord(subject[i - 1]) &&
          !isWord(subject[i + value.length])
        )
          return true;
      }
      return false;
    }
    case 'wildcard': {
      let re = '';
      const chars = Array.from(value);
      for (let i = 0; i < chars.length; i++) {
        const c = chars[i] as string;
        if (c === '\\' && i + 1 < chars.length) re += escapeRe(chars[++i] as string);
        else if (c === '*') re += '.*';
        else if (c === '?') re += '.';
        else re += escapeRe(c);
      }
      return new RegExp(`^${re}$`, 'su').test(subject);
    }
  }
}

function escapeRe(c: string): string {
  return c.replace(/[\\^$.*+?()[\]{}|/-]/g, (m) => `\\${m}`);
}

export function textMatches(
  subject: string,
  match: TextMatch,
  value: string,
  ci: boolean,
): boolean {
  return ci
    ? likeMatches(subject.toLowerCase(), match, value.toLowerCase())
    : likeMatches(subject, match, value);
}
