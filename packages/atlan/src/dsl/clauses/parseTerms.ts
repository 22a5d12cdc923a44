/** `terms` (spec §3.5.3): OR of `term` over the listed values; `[]` matches nothing. */
import { or, type Predicate } from '@audit-gateway/ir';
import { dslError } from '../../atlanErrors';
import { resolveField } from '../atlanFields';
import { checkParams, scalarValue } from '../clauseParams';
import { equalsPredicate } from '../fieldPredicates';
import { entries, isObject, readObject } from '../jsonValues';
import type { QueryContext } from '../QueryContext';

export const MAX_TERMS = 65_536;

export function parseTerms(body: unknown, ctx: QueryContext): Predicate {
  const obj = readObject(body, 'terms');
  const fields = entries(obj).filter(([k]) => k !== 'boost' && k !== '_name');
  checkParams(
    'terms',
    Object.fromEntries(entries(obj).filter(([k]) => k === 'boost' || k === '_name')),
    [],
  );
  if (fields.length !== 1) {
    throw dslError(
      fields.length === 0
        ? '[terms] query malformed, no field specified'
        : `[terms] query does not support multiple fields, found [${fields[0]?.[0]}] and [${fields[1]?.[0]}]`,
    );
  }
  const [name, values] = fields[0] as [string, unknown];
  if (isObject(values)) throw dslError('[terms] query: the terms lookup form is not supported');
  if (!Array.isArray(values)) {
    throw dslError(`[terms] query requires an array of values for field [${name}]`);
  }
  if (values.length > MAX_TERMS) {
    throw dslError(
      `The number of terms [${values.length}] used in the Terms Query request has exceeded the allowed maximum of [${MAX_TERMS}].`,
      'illegal_argument_exception',
    );
  }
  const field = resolveField(name, ctx.fields);
  return or(
    values.map((v: unknown) =>
      equalsPredicate(field, scalarValue('terms', v), {
        query: 'terms',
        caseInsensitive: false,
        now: ctx.now,
      }),
    ),
  );
}
