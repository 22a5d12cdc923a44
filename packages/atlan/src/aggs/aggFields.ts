/** Field resolution for aggregations (spec §5.1): unmapped or out-of-context fields have no values. */
import type { AggField } from '@audit-gateway/ir';
import { dslError } from '../atlanErrors';
import { resolveField, type AtlanField } from '../dsl/atlanFields';
import { readString } from '../dsl/jsonValues';
import type { AggContext } from './AggContext';

export function aggFieldOf(f: AtlanField): AggField {
  switch (f.kind) {
    case 'keyword':
    case 'date':
      return { field: f.field };
    case 'header':
      return { json: 'headers', path: [f.header] };
    case 'detail':
      return { json: 'detail', path: f.path };
    case 'unmapped':
      return { none: true };
  }
}

export function requiredField(
  type: string,
  params: Record<string, unknown>,
  ctx: AggContext,
): AtlanField {
  if (params.field === undefined || params.field === null) {
    throw dslError(
      `Required one of fields [field, script], but none were specified (in [${type}])`,
      'illegal_argument_exception',
    );
  }
  return resolveField(readString(params.field, `${type}.field`), ctx.fields);
}

export function rejectScript(type: string, params: Record<string, unknown>): void {
  if ('script' in params) throw dslError(`[${type}] scripts are not supported`);
}

export function checkAggParams(
  type: string,
  params: Record<string, unknown>,
  allowed: readonly string[],
) {
  rejectScript(type, params);
  for (const key of Object.keys(params)) {
    if (!allowed.includes(key))
      throw dslError(`[${type}] unknown field [${key}]`, 'x_content_parse_exception');
  }
}
