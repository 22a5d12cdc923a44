/** What every clause parser knows about where it sits (spec §3.2, §3.5.11). */
import type { FieldContext } from './atlanFields';

export interface QueryContext {
  /** the request's one NOW, epoch ms */
  readonly now: number;
  readonly fields: FieldContext;
  /** depth of the clause being parsed; the outermost clause has depth 1 */
  readonly depth: number;
  /** JSON path of the clause, for error messages (`dsl.query.bool.must[1]`) */
  readonly path: string;
}

export const MAX_QUERY_DEPTH = 32;

export function deeper(ctx: QueryContext, step: string): QueryContext {
  return { ...ctx, depth: ctx.depth + 1, path: `${ctx.path}${step}` };
}
