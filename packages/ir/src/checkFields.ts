/**
 * The IR invariant (STYLE §3.3), run before any SQL exists. Parsers own validation and its
 * messages; a failure here means a parser emitted something the catalogue does not allow (an
 * unknown or internal field, `prefix` on a date, a sort on JSON, a value of the wrong type), which
 * is a bug (AQ500) and never reaches PostgreSQL. Only the structural caps give a generic 400.
 */
import type { AggField, Aggregation } from './aggregations';
import { AuditError } from './AuditError';
import { lookupField, type FieldSpec } from './catalogue';
import { leaves, predicateSize, type Leaf } from './leaves';
import { sortFieldSpec } from './sortFields';
import { JSON_LEAF, type AuditQuery, type Family, type Predicate, type Scalar } from './types';

/** Far above every surface's own limits (DESIGN §4.3), which parsers enforce with their messages. */
export const MAX_IR_NODES = 20_000;
export const MAX_IR_DEPTH = 100;

const DECIMAL = /^-?[0-9]{1,20}$/;

export function invalidIr(path: string, message: string): AuditError {
  return new AuditError('AQ500', `internal error: invalid query IR at ${path || '/'}: ${message}`, {
    details: [{ path, message }],
  });
}

/** Whether `value` fits a field of this kind (null always does: it matches nothing). */
export function valueFits(spec: FieldSpec, value: Scalar): boolean {
  if (value === null) return true;
  switch (spec.kind) {
    case 'keyword':
      return typeof value === 'string';
    case 'date':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'seq':
      return typeof value === 'string' && DECIMAL.test(value);
    case 'txid':
      return typeof value === 'string' && /^[0-9]{1,20}$/.test(value);
    case 'json':
      return false;
  }
}

function checkLeaf(family: Family, leaf: Leaf, path: string, inJson: boolean, internalOk: boolean) {
  if (leaf.op === 'json') {
    if (inJson) throw invalidIr(path, 'a json predicate inside a json test');
    const spec = lookupField(family, leaf.column);
    if (!spec || spec.kind !== 'json')
      throw invalidIr(path, `${leaf.column} is not a JSON field of ${family}`);
    if (!leaf.path.every((k) => typeof k === 'string'))
      throw invalidIr(path, 'json path must be strings');
    return;
  }
  if (inJson) {
    if (leaf.field !== JSON_LEAF)
      throw invalidIr(path, `field ${JSON.stringify(leaf.field)} inside a json test`);
    if (leaf.op === 'cmp' && leaf.nullMatches)
      throw invalidIr(path, 'nullMatches inside a json test');
    return;
  }
  const spec = lookupField(family, leaf.field);
  if (!spec) throw invalidIr(path, `unknown field ${JSON.stringify(leaf.field)} for ${family}`);
  if (spec.internal && !internalOk)
    throw invalidIr(path, `internal field ${leaf.field} outside scope`);
  switch (leaf.op) {
    case 'exists':
      return;
    case 'text':
      if (spec.kind !== 'keyword')
        throw invalidIr(path, `${leaf.match} on ${spec.kind} field ${leaf.field}`);
      if (typeof leaf.value !== 'string') throw invalidIr(path, 'text value must be a string');
      return;
    case 'cmp':
      if (spec.kind === 'json') throw invalidIr(path, `comparison on JSON field ${leaf.field}`);
      if (leaf.cmp !== 'eq' && leaf.cmp !== 'neq' && !spec.rangeable)
        throw invalidIr(path, `range on ${leaf.field}`);
      if (!valueFits(spec, leaf.value))
        throw invalidIr(path, `value ${JSON.stringify(leaf.value)} does not fit ${spec.kind}`);
      return;
    case 'in':
      if (spec.kind === 'json') throw invalidIr(path, `in on JSON field ${leaf.field}`);
      for (const v of leaf.values)
        if (!valueFits(spec, v))
          throw invalidIr(path, `value ${JSON.stringify(v)} does not fit ${spec.kind}`);
      return;
  }
}

export function checkPredicate(
  family: Family,
  p: Predicate,
  path: string,
  internalOk = false,
): void {
  for (const { leaf, path: at, inJson } of leaves(p, path))
    checkLeaf(family, leaf, at, inJson, internalOk);
}

function checkAggField(family: Family, f: AggField, path: string, inNested: boolean): void {
  if ('none' in f) return;
  if ('json' in f) {
    if (f.json === 'detail' && !inNested) throw invalidIr(path, 'detail leaves outside nested');
    if (!lookupField(family, f.json))
      throw invalidIr(path, `${f.json} is not a field of ${family}`);
    return;
  }
  const spec = lookupField(family, f.field);
  if (!spec || spec.internal || !spec.aggregatable)
    throw invalidIr(path, `${JSON.stringify(f.field)} is not aggregatable for ${family}`);
}

function checkAggs(
  family: Family,
  aggs: Readonly<Record<string, Aggregation>>,
  path: string,
  inNested: boolean,
): void {
  for (const [name, a] of Object.entries(aggs)) {
    const at = `${path}/${name}`;
    switch (a.type) {
      case 'terms':
        checkAggField(family, a.field, `${at}/field`, inNested);
        break;
      case 'date_histogram': {
        const spec = lookupField(family, a.field);
        if (!spec || spec.kind !== 'date')
          throw invalidIr(`${at}/field`, `${a.field} is not a date`);
        break;
      }
      case 'filter':
        checkPredicate(family, a.filter, `${at}/filter`);
        break;
      case 'filters':
        a.filters.forEach((f, i) => checkPredicate(family, f.filter, `${at}/filters/${i}`));
        break;
      case 'nested':
        break;
      case 'min':
      case 'max':
      case 'avg':
      case 'sum':
      case 'value_count':
      case 'cardinality':
        checkAggField(family, a.field, `${at}/field`, inNested);
        break;
    }
    if ('aggs' in a && a.aggs)
      checkAggs(family, a.aggs, `${at}/aggs`, inNested || a.type === 'nested');
  }
}

function checkPage(q: AuditQuery, specs: readonly FieldSpec[]): void {
  const page = q.page;
  const count = (n: number, what: string) => {
    if (!Number.isSafeInteger(n) || n < 0)
      throw invalidIr(`/page/${what}`, `${what} must be a count`);
  };
  count(page.limit, 'limit');
  if ('offset' in page) return count(page.offset, 'offset');
  if ('after' in page) {
    const keys = page.includeSeq ? specs : specs.slice(0, -1);
    if (page.after.length !== keys.length)
      throw invalidIr('/page/after', `expected ${keys.length} values, got ${page.after.length}`);
    keys.forEach((spec, i) => {
      if (!valueFits(spec, page.after[i] ?? null))
        throw invalidIr(`/page/after/${i}`, `value does not fit ${spec.kind}`);
    });
    return;
  }
  if (q.family !== 'request') throw invalidIr('/page/tail', 'the tail reads request rows only');
  const t = page.tail;
  if (
    t &&
    (!Number.isInteger(t.generation) || !/^[0-9]{1,20}$/.test(t.txid) || !DECIMAL.test(t.seq))
  )
    throw invalidIr('/page/tail', 'malformed tail position');
}

export function checkFields(q: AuditQuery): AuditQuery {
  for (const [name, p] of [
    ['where', q.where],
    ['postFilter', q.postFilter],
    ['scope', q.scope],
    ['detailScope', q.detailScope],
  ] as const) {
    if (!p) continue;
    const { nodes, depth } = predicateSize(p);
    if (nodes > MAX_IR_NODES || depth > MAX_IR_DEPTH)
      throw new AuditError('AQ100', 'query is too large');
    checkPredicate(q.family, p, `/${name}`, name === 'scope' || name === 'detailScope');
  }
  const specs = q.sort.map((k, i) => {
    const spec = sortFieldSpec(q.family, k.field);
    if (!spec || spec.internal || !spec.sortable)
      throw invalidIr(`/sort/${i}`, `${JSON.stringify(k.field)} is not sortable for ${q.family}`);
    if (typeof k.missing === 'object' && !valueFits(spec, k.missing.value))
      throw invalidIr(`/sort/${i}/missing`, `value does not fit ${spec.kind}`);
    return spec;
  });
  if (q.sort.at(-1)?.field !== 'seq')
    throw invalidIr('/sort', 'sort must end with the explicit seq key');
  checkPage(q, specs);
  if (typeof q.total === 'object' && (!Number.isSafeInteger(q.total.cap) || q.total.cap < 0))
    throw invalidIr('/total/cap', 'cap must be a count');
  if (q.aggs) checkAggs(q.family, q.aggs, '/aggs', false);
  return q;
}
