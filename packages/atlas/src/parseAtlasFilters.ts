/**
 * The semantic walk of `auditFilters` (spec/atlas-admin-audits.md §4.1, §4.10–§4.12): structural
 * limits first, then depth-first in document order, visiting only what §4.1 visits. The first bad
 * leaf ends the request, so errors come in document order as Atlas reports them.
 *
 * A node normalises to a predicate or to `undefined` ("none": the node is dropped). Dropping is not
 * IR `none`: under OR a dropped child is removed, never read as true or false.
 */
import { all, and, or, type Predicate } from '@audit-gateway/ir';
import { attributeNotFound, invalidOperator, invalidParameters } from './atlasErrors';
import { lookupAtlasAttribute } from './atlasFields';
import { lookupAtlasOperator, operatorAllowed, takesValue } from './atlasOperators';
import { buildAtlasLeaf } from './buildAtlasLeaf';
import type { AtlasFilterNode, AtlasSearchBody } from './parseAtlasBody';

export const MAX_FILTER_DEPTH = 32;
export const MAX_FILTER_NODES = 1000;

export function parseAtlasFilters(params: AtlasSearchBody, now: number): Predicate {
  if (params.depth > MAX_FILTER_DEPTH) {
    throw invalidParameters(`auditFilters nested deeper than ${MAX_FILTER_DEPTH} levels`);
  }
  if (params.nodes > MAX_FILTER_NODES) {
    throw invalidParameters(`auditFilters has more than ${MAX_FILTER_NODES} criteria`);
  }
  if (!params.auditFilters) return all();
  return normalise(params.auditFilters, now) ?? all();
}

function normalise(node: AtlasFilterNode, now: number): Predicate | undefined {
  const { condition, criterion } = node;
  if (condition !== null && criterion !== null && criterion.length > 0) {
    const children: Predicate[] = [];
    for (const child of criterion) {
      const p = child === null ? undefined : normalise(child, now);
      if (p !== undefined) children.push(p);
    }
    if (children.length === 0) return undefined;
    return condition === 'AND' ? and(...children) : or(children);
  }
  // Not a group: a leaf candidate. Without a name it is dropped unvalidated, its criterion unseen.
  if (node.attributeName === null || node.attributeName === '') return undefined;
  return leaf(node, node.attributeName, now);
}

function leaf(node: AtlasFilterNode, name: string, now: number): Predicate | undefined {
  const attr = lookupAtlasAttribute(name);
  if (!attr) throw attributeNotFound(name);
  const op = node.operator === null ? undefined : lookupAtlasOperator(node.operator);
  if (op === undefined || !operatorAllowed(op, attr.kind)) throw invalidOperator(name);
  const raw = node.attributeValue;
  if (!takesValue(op)) return buildAtlasLeaf(attr, op, '', now);
  if (raw === null || raw === '') return undefined;
  // §3.2: numbers become their JavaScript decimal text, booleans "true"/"false"
  return buildAtlasLeaf(attr, op, typeof raw === 'string' ? raw : String(raw), now);
}
