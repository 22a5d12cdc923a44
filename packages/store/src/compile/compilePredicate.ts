/**
 * The one predicate compiler (STYLE §3.6). Every leaf is made two-valued with `IS TRUE`, so `not`
 * is plain negation and a row whose field is NULL passes `not`, as ES `must_not` and Atlas `neq`
 * require; a bare `NOT ("e"."actor" = ?)` would be NULL there and drop the row.
 *
 *   or(cmp('action', 'eq', 'ENTITY_DELETE'), not(cmp('actor', 'eq', 'bob')))
 *   → ((("e"."action" = ?::text) IS TRUE) OR NOT (("e"."actor" = ?::text) IS TRUE))
 *     bindings ['ENTITY_DELETE', 'bob']
 *
 * `compileCondition` is the same predicate for a WHERE (or FILTER, or CASE WHEN) position, where
 * NULL and FALSE both reject the row: leaves that are not under a `not` drop the `IS TRUE`, because
 * PostgreSQL can match `"e"."entity_id" = ?` to an index but not `("e"."entity_id" = ?) IS TRUE`.
 */
import { all, type Predicate } from '@audit-gateway/ir';
import type { CompileContext } from './column';
import { compileCmp, compileExists, compileIn, compileText } from './compileLeaf';
import { atLeast, compileJson } from './compileJson';
import { frag, join, paren, raw, type Fragment } from './frag';

export { column, type CompileContext } from './column';

/** Two-valued: TRUE or FALSE for every row, never NULL. */
export function compilePredicate(p: Predicate, ctx: CompileContext): Fragment {
  return compile(p, ctx, true);
}

/** For WHERE / FILTER / CASE WHEN only: may be NULL where `compilePredicate` is FALSE. */
export function compileCondition(p: Predicate, ctx: CompileContext): Fragment {
  return compile(p, ctx, false);
}

/** The caller may see the row's detail (its `detailScope`), two-valued. */
export function detailVisible(ctx: CompileContext): Fragment {
  return compilePredicate(ctx.detailScope, { ...ctx, detailScope: all() });
}

function compile(p: Predicate, ctx: CompileContext, twoValued: boolean): Fragment {
  switch (p.op) {
    case 'all':
      return raw('TRUE');
    case 'none':
      return raw('FALSE');
    case 'and':
      return p.of.length === 0
        ? raw('TRUE')
        : paren(
            join(
              p.of.map((q) => compile(q, ctx, twoValued)),
              ' AND ',
            ),
          );
    case 'or':
      // with atLeast > 1 the count is two-valued whatever its parts: CASE WHEN NULL counts 0
      return atLeast(
        p.of.map((q) => compile(q, ctx, twoValued)),
        p.atLeast ?? 1,
      );
    case 'not':
      return frag`NOT ${compile(p.of, ctx, true)}`;
    case 'cmp':
    case 'in':
    case 'text':
    case 'exists':
    case 'json': {
      const leaf = compileLeaf(p, ctx);
      return twoValued ? frag`((${leaf}) IS TRUE)` : paren(leaf);
    }
  }
}

function compileLeaf(
  p: Exclude<Predicate, { op: 'all' | 'none' | 'and' | 'or' | 'not' }>,
  ctx: CompileContext,
): Fragment {
  const visible = () => detailVisible(ctx);
  switch (p.op) {
    case 'cmp':
      return compileCmp(p, ctx);
    case 'in':
      return compileIn(p, ctx);
    case 'text':
      return compileText(p, ctx);
    case 'exists':
      return compileExists(p, ctx, visible);
    case 'json':
      return compileJson(p, ctx, visible);
  }
}
