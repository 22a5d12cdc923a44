/**
 * The query IR shared by the three surfaces (DESIGN §2.3). Parsers build it, `scope()` fills
 * `scope`/`detailScope`, and the store's compiler is the only thing that turns it into SQL.
 * Every node is plain, JSON-serialisable data; build predicates with `predicates.ts`.
 */
import type { Aggregation } from './aggregations';

export type Family = 'entity' | 'admin' | 'request';
export const FAMILIES: readonly Family[] = ['entity', 'admin', 'request'];

/** A value in a comparison. Dates are epoch milliseconds (numbers); seq and txid are decimal strings. */
export type Scalar = string | number | boolean | null;

/**
 * A canonical field name from the catalogue (`catalogue.ts`), e.g. `actor`, `recordedAt`.
 * Inside the `test` of a `json` predicate the only field is `JSON_LEAF` (`"$"`): the leaf value.
 */
export type Field = string;
export const JSON_LEAF = '$';

/**
 * A filter over audit_events. Examples:
 *   {"op":"cmp","field":"action","cmp":"eq","value":"ENTITY_DELETE"}
 *   {"op":"or","of":[{"op":"in","field":"actor","values":["ann","bob"]},
 *                    {"op":"not","of":{"op":"exists","field":"detail"}}]}
 *   {"op":"json","column":"detail","path":["typeName"],
 *    "test":{"op":"cmp","field":"$","cmp":"eq","value":"PII"}}
 *
 * Leaves are two-valued: a row without the field fails every leaf except under `not`, so
 * `not(cmp(actor eq bob))` keeps rows whose actor is NULL.
 */
export type Predicate = All | None | And | Or | Not | Cmp | In | Text | Exists | Json;

export interface All {
  readonly op: 'all';
}
export interface None {
  readonly op: 'none';
}
export interface And {
  readonly op: 'and';
  readonly of: readonly Predicate[];
}
/** `atLeast`: ES `minimum_should_match` (default 1). */
export interface Or {
  readonly op: 'or';
  readonly of: readonly Predicate[];
  readonly atLeast?: number;
}
export interface Not {
  readonly op: 'not';
  readonly of: Predicate;
}
export type CmpOp = 'eq' | 'neq' | 'lt' | 'lte' | 'gt' | 'gte';
/**
 * `nullMatches`: a row without the field also matches (Atlas `neq`). Keyword comparisons use
 * binary order (`COLLATE "C"`); dates compare as epoch ms.
 */
export interface Cmp {
  readonly op: 'cmp';
  readonly field: Field;
  readonly cmp: CmpOp;
  readonly value: Scalar;
  readonly nullMatches?: boolean;
}
/** An empty `values` list matches nothing. */
export interface In {
  readonly op: 'in';
  readonly field: Field;
  readonly values: readonly Scalar[];
}
export type TextMatch = 'prefix' | 'suffix' | 'contains' | 'word' | 'wildcard';
/**
 * `word`: Atlas `like`, the value bounded by non-word characters (spec/atlas-admin-audits.md §4.7).
 * `wildcard`: ES wildcard, `*` any run, `?` one character, `\` escapes.
 * `caseInsensitive`: both sides lower-cased with Unicode's default mapping (ICU `audit_fold`).
 */
export interface Text {
  readonly op: 'text';
  readonly field: Field;
  readonly match: TextMatch;
  readonly value: string;
  readonly caseInsensitive?: boolean;
}
/** The field has a (non-null) value. On `detail`/`headers` JSON: a non-null JSON object. */
export interface Exists {
  readonly op: 'exists';
  readonly field: Field;
}
/**
 * A test on the JSON leaves reached by `path` in `detail` or `headers`. Arrays met on the way are
 * flattened (ES object flattening); JSON nulls are not leaves. The row matches when ANY leaf passes
 * `test`, whose leaves use field `"$"` and compare by JSON type: a string value matches string
 * leaves, a number value number leaves, a boolean value boolean leaves. `exists` on `"$"` is true
 * when the path yields a non-null leaf (for an object: any leaf below it). `path: []` is the column
 * itself. A row outside `detailScope` has no detail for these tests.
 */
export interface Json {
  readonly op: 'json';
  readonly column: 'detail' | 'headers';
  readonly path: readonly string[];
  readonly test: Predicate;
}

export type Missing = 'first' | 'last' | { readonly value: Scalar };
export interface SortKey {
  readonly field: Field;
  readonly dir: 'asc' | 'desc';
  readonly missing: Missing;
}

/** The transaction-horizon position of the Atomic tail (spec/atomic-audit-log.md §8.3). */
export interface TailKey {
  readonly generation: number;
  /** xid8 as a decimal string */
  readonly txid: string;
  /** bigint as a decimal string */
  readonly seq: string;
}

export type Page =
  | { readonly offset: number; readonly limit: number }
  /** keyset: `after` holds the previous last row's sort values (seq last when includeSeq). */
  | { readonly after: readonly Scalar[]; readonly includeSeq: boolean; readonly limit: number }
  | { readonly tail: TailKey | null; readonly limit: number };

export type Total = 'exact' | { readonly cap: number } | 'none';

export interface AuditQuery {
  readonly family: Family;
  /** tenant, environment, allow policy; set only by scope(), never by a parser */
  readonly scope: Predicate;
  /** rows whose detail the caller may see; `all` without a detail policy */
  readonly detailScope: Predicate;
  /** what the request asked for */
  readonly where: Predicate;
  /** ES post_filter: narrows hits and totals, not aggregations */
  readonly postFilter?: Predicate;
  /** ends with the parser's explicit seq key */
  readonly sort: readonly SortKey[];
  readonly page: Page;
  readonly total: Total;
  readonly aggs?: Readonly<Record<string, Aggregation>>;
}
