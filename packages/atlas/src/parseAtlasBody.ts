/**
 * The parse stage of E1 (spec/atlas-admin-audits.md §2.5 step 6, §3.3): the JSON type of every
 * known field at every depth, and no unknown keys. It runs before the privilege check, so a
 * non-admin sending malformed input gets 400 `{"error"}`, not 403. Nothing here looks at attribute
 * names or operators: those are semantics, checked after the role (parseAtlasFilters).
 */
import type { RequestBody } from '@audit-gateway/ir';
import { AuditError } from '@audit-gateway/ir';
import { parseError } from './atlasErrors';

export type AtlasValue = string | number | boolean | null;

/** One `FilterCriteria` node as sent, every field normalised to a value or null (§3.2). */
export interface AtlasFilterNode {
  readonly condition: 'AND' | 'OR' | null;
  readonly criterion: readonly (AtlasFilterNode | null)[] | null;
  readonly attributeName: string | null;
  readonly operator: string | null;
  readonly attributeValue: AtlasValue;
}

export interface AtlasSearchBody {
  readonly auditFilters: AtlasFilterNode | null;
  /** truncated toward zero; null when absent, null or "" (§5.2) */
  readonly limit: number | null;
  readonly offset: number | null;
  readonly sortBy: string | null;
  readonly sortOrder: 'ASCENDING' | 'DESCENDING' | null;
  /** the deepest node of auditFilters as sent (root = 1), every object node counted (§4.12) */
  readonly depth: number;
  readonly nodes: number;
}

/** `missing`: an empty, blank or `null` body, a semantic error only after the role check (§3.1). */
export type ParsedAtlasBody =
  { readonly kind: 'missing' } | { readonly kind: 'params'; readonly params: AtlasSearchBody };

const TOP_KEYS: ReadonlySet<string> = new Set([
  'auditFilters',
  'limit',
  'offset',
  'sortBy',
  'sortOrder',
]);
const NODE_KEYS: ReadonlySet<string> = new Set([
  'condition',
  'criterion',
  'attributeName',
  'operator',
  'attributeValue',
]);
/** A filter node at depth d sits at JSON level 2d, so 128 JSON levels allow 64 filter levels. */
const MAX_PARSE_DEPTH = 64;
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

type JsonObject = Readonly<Record<string, unknown>>;

const isObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const typeName = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : `a ${typeof v}`;

export function parseAtlasBody(body: RequestBody): ParsedAtlasBody {
  if (body.kind === 'empty') return { kind: 'missing' };
  if (body.kind !== 'json') throw AuditError.bug('the Atlas search route reads a JSON body');
  const value = body.value;
  if (value === null) return { kind: 'missing' };
  if (!isObject(value)) {
    throw parseError(
      'body',
      `must be a JSON object (AuditSearchParameters), not ${typeName(value)}`,
    );
  }
  checkKeys(value, TOP_KEYS, '');
  const measure = { depth: 0, nodes: 0 };
  const filters = value.auditFilters;
  let auditFilters: AtlasFilterNode | null = null;
  if (filters !== undefined && filters !== null) {
    if (!isObject(filters)) {
      throw parseError('auditFilters', `must be an object or null, not ${typeName(filters)}`);
    }
    auditFilters = parseNode(filters, 'auditFilters', 1, measure);
  }
  return {
    kind: 'params',
    params: {
      auditFilters,
      limit: parsePaging(value.limit, 'limit'),
      offset: parsePaging(value.offset, 'offset'),
      sortBy: optionalString(value.sortBy, 'sortBy'),
      sortOrder: parseSortOrder(value.sortOrder),
      depth: measure.depth,
      nodes: measure.nodes,
    },
  };
}

function checkKeys(obj: JsonObject, allowed: ReadonlySet<string>, at: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.has(key)) {
      const path = at === '' ? key : `${at}.${key}`;
      throw parseError(path, `unknown key; allowed keys are ${[...allowed].join(', ')}`);
    }
  }
}

function parseNode(
  obj: JsonObject,
  at: string,
  depth: number,
  measure: { depth: number; nodes: number },
): AtlasFilterNode {
  if (depth > MAX_PARSE_DEPTH) throw parseError(at, 'JSON nested deeper than 128 levels');
  measure.nodes++;
  if (depth > measure.depth) measure.depth = depth;
  checkKeys(obj, NODE_KEYS, at);
  const condition = obj.condition;
  if (condition !== undefined && condition !== null && condition !== 'AND' && condition !== 'OR') {
    throw parseError(`${at}.condition`, 'must be "AND" or "OR" (upper case) or null');
  }
  const value = obj.attributeValue;
  if (typeof value === 'object' && value !== null) {
    throw parseError(
      `${at}.attributeValue`,
      'must be a string, number, boolean or null; "in" takes a comma-separated string',
    );
  }
  return {
    condition: condition ?? null,
    criterion: parseCriterion(obj.criterion, at, depth, measure),
    attributeName: optionalString(obj.attributeName, `${at}.attributeName`),
    operator: optionalString(obj.operator, `${at}.operator`),
    attributeValue: (value as AtlasValue | undefined) ?? null,
  };
}

function parseCriterion(
  list: unknown,
  at: string,
  depth: number,
  measure: { depth: number; nodes: number },
): (AtlasFilterNode | null)[] | null {
  if (list === undefined || list === null) return null;
  if (!Array.isArray(list)) {
    throw parseError(`${at}.criterion`, `must be an array or null, not ${typeName(list)}`);
  }
  return list.map((child: unknown, i) => {
    const path = `${at}.criterion[${i}]`;
    if (child === null) return null;
    if (!isObject(child))
      throw parseError(path, `must be an object or null, not ${typeName(child)}`);
    return parseNode(child, path, depth + 1, measure);
  });
}

function optionalString(v: unknown, at: string): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw parseError(at, `must be a string or null, not ${typeName(v)}`);
  return v;
}

function parseSortOrder(v: unknown): 'ASCENDING' | 'DESCENDING' | null {
  if (v === undefined || v === null) return null;
  if (v === 'ASCENDING' || v === 'DESCENDING') return v;
  throw parseError('sortOrder', 'must be "ASCENDING" or "DESCENDING" (exact) or null');
}

/** §3.3/§5.2: a number is truncated, a string must be integer text; both must fit in 32 bits. */
function parsePaging(v: unknown, at: string): number | null {
  if (v === undefined || v === null || v === '') return null;
  let n: number;
  if (typeof v === 'number') n = Math.trunc(v);
  else if (typeof v === 'string' && /^[+-]?[0-9]+$/.test(v)) n = Number(v);
  else throw parseError(at, 'must be an integer or a string of decimal digits');
  if (!(n >= INT32_MIN && n <= INT32_MAX)) {
    throw parseError(at, `must lie between ${INT32_MIN} and ${INT32_MAX}`);
  }
  return n === 0 ? 0 : n; // no -0
}
