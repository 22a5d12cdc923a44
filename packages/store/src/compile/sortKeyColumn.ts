/**
 * The SQL expression a sort key orders by: a catalogue column, or one header of an entity row as a
 * binary-ordered keyword (the header name is a binding, never an identifier).
 *
 *   'recordedAt'        → "e"."recorded_at"
 *   'headers.x-team'    → ("e"."headers" ->> ?) COLLATE "C"      ['x-team']
 */
import {
  AuditError,
  headerSortName,
  sortFieldSpec,
  type Field,
  type FieldSpec,
} from '@audit-gateway/ir';
import { column, notNull, type CompileContext } from './column';
import { frag, ident, type Fragment } from './frag';

export interface SortColumn {
  readonly expr: Fragment;
  readonly spec: FieldSpec;
  /** never NULL for this family, so NULLS placement is moot */
  readonly notNull: boolean;
}

export function sortColumn(ctx: CompileContext, field: Field): SortColumn {
  const spec = sortFieldSpec(ctx.family, field);
  if (!spec) throw AuditError.bug(`sort field ${JSON.stringify(field)} is not sortable`);
  const header = headerSortName(ctx.family, field);
  if (header === undefined) return { expr: column(ctx, field), spec, notNull: notNull(ctx, field) };
  return {
    expr: frag`(${ident(ctx.alias)}.${ident('headers')} ->> ${header}) COLLATE "C"`,
    spec,
    notNull: false,
  };
}
