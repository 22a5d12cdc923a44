/**
 * One text test on an SQL string expression, shared by keyword columns and JSON string leaves.
 *
 *   prefix 'svc_'                    → "e"."actor" LIKE ? ESCAPE '\'                     ['svc\_%']
 *   prefix 'ÉLO', caseInsensitive    → lower("e"."actor" COLLATE audit_fold)
 *                                        LIKE lower(?::text COLLATE audit_fold) ESCAPE '\'  ['ÉLO%']
 *   word 'g1'                        → "e"."params" ~ ?   ['(^|[^A-Za-z0-9_])g1([^A-Za-z0-9_]|$)']
 */
import type { TextMatch } from '@audit-gateway/ir';
import { frag, raw, type Fragment } from './frag';
import { likePattern, wordRegex } from './likePattern';

const WORD_START = '(^|[^A-Za-z0-9_])';
const WORD_END = '([^A-Za-z0-9_]|$)';

export function textMatch(
  subject: Fragment,
  match: TextMatch,
  value: string,
  caseInsensitive: boolean,
): Fragment {
  if (match === 'word') {
    if (!caseInsensitive) return frag`${subject} ~ ${wordRegex(value)}`;
    // Lower only the user's part: lowering the boundary class would not change it, but keeping it
    // verbatim keeps the SQL obvious.
    const inner = wordRegex(value).slice(WORD_START.length, -WORD_END.length);
    return frag`lower(${subject} COLLATE audit_fold) ~ (${WORD_START} || lower(${inner}::text COLLATE audit_fold) || ${WORD_END})`;
  }
  const pattern = likePattern(match, value);
  if (!caseInsensitive) return frag`${subject} LIKE ${pattern} ESCAPE ${raw(`'\\'`)}`;
  return frag`lower(${subject} COLLATE audit_fold) LIKE lower(${pattern}::text COLLATE audit_fold) ESCAPE ${raw(`'\\'`)}`;
}
