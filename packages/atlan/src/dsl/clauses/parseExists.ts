/**
 * `exists` (spec §3.5.5). `field` may hold `*` wildcards, expanded over the mapped field paths:
 * the top-level names and, for patterns that reach into `headers.`, any header.
 */
import { json, exists as existsLeaf, JSON_LEAF, none, or, type Predicate } from '@audit-gateway/ir';
import { dslError } from '../../atlanErrors';
import { resolveField, TOP_LEVEL_NAMES } from '../atlanFields';
import { checkParams } from '../clauseParams';
import { existsPredicate } from '../fieldPredicates';
import { readObject } from '../jsonValues';
import type { QueryContext } from '../QueryContext';

const ANY_HEADER = json('headers', [], existsLeaf(JSON_LEAF));
/** `detail.*`: any non-null leaf of a visible detail (an empty `{}` has none) */
const ANY_DETAIL_LEAF = json('detail', [], existsLeaf(JSON_LEAF));

export function parseExists(body: unknown, ctx: QueryContext): Predicate {
  const params = readObject(body, 'exists');
  checkParams('exists', params, ['field']);
  const name = params.field;
  if (typeof name !== 'string' || name === '') {
    throw dslError('[exists] must be provided with a [field]');
  }
  if (ctx.fields === 'top' && name === 'headers') return ANY_HEADER;
  if (ctx.fields === 'top' && name.includes('*')) return expandWildcard(name);
  if (ctx.fields === 'nested' && name.includes('*')) return expandDetailWildcard(name);
  return existsPredicate(resolveField(name, ctx.fields));
}

function expandWildcard(pattern: string): Predicate {
  const regex = new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  const parts = TOP_LEVEL_NAMES.filter((n) => regex.test(n)).map((n) =>
    existsPredicate(resolveField(n, 'top')),
  );
  const star = pattern.indexOf('*');
  const literal = pattern.slice(0, star);
  if ('headers.'.startsWith(literal) || pattern.startsWith('headers.*')) {
    // every header name is reachable only when the pattern's literal part stops before the name
    if (regex.test('headers.') || regex.test('headers.x')) parts.push(ANY_HEADER);
  } else if (literal.startsWith('headers.')) {
    throw dslError(
      `[exists] a wildcard inside a header name is not supported: [${pattern}]; use [headers.*] or an exact header name`,
    );
  }
  return or(parts);
}

/** In nested context only `detail` paths are mapped: `detail.*` (or `*`) means any detail leaf. */
function expandDetailWildcard(pattern: string): Predicate {
  if (pattern === '*' || pattern === 'detail*' || pattern === 'detail.*') return ANY_DETAIL_LEAF;
  if (!pattern.startsWith('detail')) return none();
  throw dslError(
    `[exists] a wildcard inside a detail path is not supported: [${pattern}]; use [detail.*] or an exact path`,
  );
}
