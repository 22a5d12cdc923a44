/** `prefix` and `wildcard` (spec §3.5.6, §3.5.7): literal prefix / `*` `?` `\` patterns. */
import type { Predicate } from '@audit-gateway/ir';
import { dslError } from '../../atlanErrors';
import { resolveField } from '../atlanFields';
import { fieldValue, keywordText, scalarValue, singleField } from '../clauseParams';
import { textPredicate } from '../fieldPredicates';
import { readBoolean } from '../jsonValues';
import type { QueryContext } from '../QueryContext';

function parseText(query: 'prefix' | 'wildcard', body: unknown, ctx: QueryContext): Predicate {
  const { name, value: raw } = singleField(query, body);
  const valueKeys = query === 'prefix' ? ['value'] : ['value', 'wildcard'];
  const { value, params } = fieldValue(query, raw, valueKeys, ['case_insensitive', 'rewrite']);
  const scalar = scalarValue(query, value);
  if (typeof scalar !== 'string' && typeof scalar !== 'number') {
    throw dslError(`[${query}] query requires a string value for field [${name}]`);
  }
  const caseInsensitive =
    params.case_insensitive === undefined
      ? false
      : readBoolean(params.case_insensitive, `${query}.case_insensitive`);
  return textPredicate(query, resolveField(name, ctx.fields), keywordText(scalar), caseInsensitive);
}

export const parsePrefix = (body: unknown, ctx: QueryContext) => parseText('prefix', body, ctx);
export const parseWildcard = (body: unknown, ctx: QueryContext) => parseText('wildcard', body, ctx);
