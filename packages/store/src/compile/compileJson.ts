/**
 * `json` predicates: a test on the leaves of `detail`/`headers` (see `Json` in the IR). The leaves
 * come from `jsonb_path_query` in lax mode with a bound jsonpath; each step is followed by
 * `[*]` four times, which flattens arrays the way ES flattens objects (arrays nested deeper than
 * `FLATTEN_DEPTH` stay unflattened, and the reference evaluator does the same).
 *
 *   json(detail, ['typeName'], cmp('$', 'eq', 'PII'))
 *   → (<detailScope, unless `all`> AND EXISTS (SELECT 1 FROM jsonb_path_query("e"."detail", ?::jsonpath) AS "jleaf"(v)
 *        WHERE jsonb_typeof("jleaf".v) <> 'null' AND (((jsonb_typeof("jleaf".v) = 'string'
 *        AND ("jleaf".v #>> '{}') COLLATE "C" = ?::text)) IS TRUE)))
 *     bindings ['lax $[*][*][*][*]."typeName"[*][*][*][*]', 'PII']
 */
import { AuditError, JSON_LEAF, type Json, type Predicate } from '@audit-gateway/ir';
import { column, type CompileContext } from './column';
import { frag, join, paren, raw, type Fragment } from './frag';
import { CMP_SQL } from './compileLeaf';
import { textMatch } from './textMatch';

export const FLATTEN_DEPTH = 4;
const FLATTEN = '[*]'.repeat(FLATTEN_DEPTH);

/** A jsonpath string literal: JSON escapes, so any key (quotes, backslashes, dots) is one member. */
function quoteKey(key: string): string {
  return JSON.stringify(key);
}

export function jsonPathFor(path: readonly string[]): string {
  return `lax $${FLATTEN}${path.map((k) => `.${quoteKey(k)}${FLATTEN}`).join('')}`;
}

/** An object or leftover array holds a leaf when any scalar sits somewhere below it. */
const HAS_LEAF =
  'strict $.** ? (@.type() == "string" || @.type() == "number" || @.type() == "boolean")';

const LEAF = raw('"jleaf".v');

export function compileJson(p: Json, ctx: CompileContext, detailVisible: () => Fragment): Fragment {
  const leaves = frag`EXISTS (SELECT 1 FROM jsonb_path_query(${column(ctx, p.column)}, ${jsonPathFor(p.path)}::jsonpath) AS "jleaf"(v) WHERE jsonb_typeof(${LEAF}) <> 'null' AND ${compileLeafTest(p.test)})`;
  return p.column === 'detail' && ctx.detailScope.op !== 'all'
    ? frag`(${detailVisible()} AND ${leaves})`
    : leaves;
}

/** The test on one leaf value; two-valued at every node. */
export function compileLeafTest(p: Predicate): Fragment {
  switch (p.op) {
    case 'all':
      return raw('TRUE');
    case 'none':
      return raw('FALSE');
    case 'and':
      return p.of.length === 0 ? raw('TRUE') : paren(join(p.of.map(compileLeafTest), ' AND '));
    case 'or':
      return atLeast(p.of.map(compileLeafTest), p.atLeast ?? 1);
    case 'not':
      return frag`NOT ${compileLeafTest(p.of)}`;
    case 'cmp':
      leafField(p.field);
      return isTrue(typedCompare(p.cmp, p.value));
    case 'in':
      leafField(p.field);
      return p.values.length === 0
        ? raw('FALSE')
        : isTrue(
            paren(
              join(
                p.values.map((v) => paren(typedCompare('eq', v))),
                ' OR ',
              ),
            ),
          );
    case 'text':
      leafField(p.field);
      return isTrue(
        frag`jsonb_typeof(${LEAF}) = 'string' AND ${textMatch(frag`(${LEAF} #>> '{}')`, p.match, p.value, p.caseInsensitive === true)}`,
      );
    case 'exists':
      leafField(p.field);
      return isTrue(
        frag`jsonb_typeof(${LEAF}) NOT IN ('object', 'array') OR jsonb_path_exists(${LEAF}, ${HAS_LEAF}::jsonpath)`,
      );
    case 'json':
      throw AuditError.bug('a json predicate inside a json test');
  }
}

function leafField(field: string): void {
  if (field !== JSON_LEAF)
    throw AuditError.bug(`field ${JSON.stringify(field)} inside a json test`);
}

function isTrue(f: Fragment): Fragment {
  return frag`((${f}) IS TRUE)`;
}

/** Leaves compare by JSON type: a string value only meets string leaves, and so on. */
function typedCompare(op: keyof typeof CMP_SQL, value: unknown): Fragment {
  const sqlOp = raw(CMP_SQL[op]);
  switch (typeof value) {
    case 'string':
      return frag`jsonb_typeof(${LEAF}) = 'string' AND (${LEAF} #>> '{}') COLLATE "C" ${sqlOp} ${value}::text`;
    case 'number':
      return frag`jsonb_typeof(${LEAF}) = 'number' AND ${LEAF} ${sqlOp} to_jsonb(${value}::numeric)`;
    case 'boolean':
      return frag`jsonb_typeof(${LEAF}) = 'boolean' AND ${LEAF} ${sqlOp} to_jsonb(${value}::boolean)`;
    case 'bigint':
    case 'function':
    case 'object': // null: JSON nulls are not leaves, so nothing equals it
    case 'symbol':
    case 'undefined':
      return raw('FALSE');
  }
}

/** `or` with ES `minimum_should_match`: at least `n` of the (two-valued) parts hold. */
export function atLeast(parts: readonly Fragment[], n: number): Fragment {
  if (parts.length === 0 || n > parts.length) return raw('FALSE');
  if (n <= 1) return paren(join(parts, ' OR '));
  const count = join(
    parts.map((f) => frag`(CASE WHEN ${f} THEN 1 ELSE 0 END)`),
    ' + ',
  );
  return frag`((${count}) >= ${raw(String(Math.trunc(n)))})`;
}
