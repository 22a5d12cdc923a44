/**
 * Golden cases for the predicate compiler (STYLE §3.7): each is asserted as exact SQL text and
 * bindings (compilePredicate.test.ts) and run on PostgreSQL against `CASE_ROWS`
 * (compilePredicate.pg.test.ts), so the text and its meaning cannot drift apart.
 */
import {
  and,
  cmp,
  exists,
  inList,
  json,
  not,
  or,
  prefix,
  text,
  type Predicate,
} from '@audit-gateway/ir';
import type { EventRow } from '../../test-support/insertEvents';

const T0 = Date.UTC(2024, 0, 1);

export const CASE_ROWS: readonly EventRow[] = [
  {
    key: 'r1',
    family: 'entity',
    actor: 'ann',
    action: 'ENTITY_CREATE',
    recordedAt: T0,
    occurredAt: T0,
    detail: { typeName: 'PII', tags: ['a', ['b']] },
  },
  {
    key: 'r2',
    family: 'entity',
    actor: 'bob',
    action: 'ENTITY_DELETE',
    recordedAt: T0 + 1,
    occurredAt: T0,
    detail: { typeName: 'Table', n: 5 },
  },
  {
    key: 'r3',
    family: 'entity',
    actor: null,
    action: 'ENTITY_UPDATE',
    recordedAt: T0 + 2,
    occurredAt: T0,
    detail: null,
  },
  {
    key: 'r4',
    family: 'entity',
    actor: 'svc_%1',
    action: 'ENTITY_UPDATE',
    recordedAt: T0 + 3,
    occurredAt: T0,
    detail: { items: [{ n: 1 }, { n: 7 }] },
  },
  {
    key: 'r5',
    family: 'entity',
    actor: 'svcX1',
    action: 'ENTITY_UPDATE',
    recordedAt: T0 + 4,
    occurredAt: T0,
    detail: { flag: true },
  },
  {
    key: 'r6',
    family: 'entity',
    actor: 'éloïse',
    action: 'ENTITY_CREATE',
    recordedAt: T0 + 5,
    occurredAt: T0,
    headers: { 'x-team': 'data' },
  },
  {
    key: 'r7',
    family: 'entity',
    actor: 'Bob',
    action: 'ENTITY_CREATE',
    recordedAt: T0 + 6,
    occurredAt: T0,
    entityId: 'a\\b',
  },
  {
    key: 'r8',
    family: 'admin',
    actor: 'g1,g2-x',
    action: 'PURGE',
    params: 'guid_1 g2',
    occurredAt: T0,
  },
];

export interface CompileCase {
  readonly name: string;
  readonly where: Predicate;
  readonly detailScope?: Predicate;
  readonly family?: 'entity' | 'admin';
  readonly sql: string;
  readonly bindings: readonly unknown[];
  /** natural keys of the matching CASE_ROWS of the family */
  readonly keys: readonly string[];
}

export const COMPILE_CASES: readonly CompileCase[] = [
  {
    name: 'empty IN matches nothing',
    where: inList('action', []),
    sql: 'FALSE',
    bindings: [],
    keys: [],
  },
  {
    name: 'eq on a keyword',
    where: cmp('actor', 'eq', 'bob'),
    sql: `(("e"."actor" = ?::text) IS TRUE)`,
    bindings: ['bob'],
    keys: ['r2'],
  },
  {
    name: 'not keeps rows whose field is NULL',
    where: not(cmp('actor', 'eq', 'bob')),
    sql: `NOT (("e"."actor" = ?::text) IS TRUE)`,
    bindings: ['bob'],
    keys: ['r1', 'r3', 'r4', 'r5', 'r6', 'r7'],
  },
  {
    name: 'neq with nullMatches keeps NULL',
    where: cmp('actor', 'neq', 'bob', { nullMatches: true }),
    sql: `((("e"."actor" <> ?::text OR "e"."actor" IS NULL)) IS TRUE)`,
    bindings: ['bob'],
    keys: ['r1', 'r3', 'r4', 'r5', 'r6', 'r7'],
  },
  {
    name: 'plain neq drops NULL',
    where: cmp('actor', 'neq', 'bob'),
    sql: `(("e"."actor" <> ?::text) IS TRUE)`,
    bindings: ['bob'],
    keys: ['r1', 'r4', 'r5', 'r6', 'r7'],
  },
  {
    name: 'keyword range is binary: uppercase sorts before lowercase',
    where: cmp('actor', 'lt', 'a'),
    sql: `(("e"."actor" < ?::text) IS TRUE)`,
    bindings: ['a'],
    keys: ['r7'],
  },
  {
    name: 'date range at exactly equal ms (lte includes, lt excludes)',
    where: and(cmp('recordedAt', 'gte', T0 + 1), cmp('recordedAt', 'lt', T0 + 3)),
    sql: `((("e"."recorded_at" >= (TIMESTAMPTZ 'epoch' + ?::bigint * INTERVAL '1 millisecond')) IS TRUE) AND (("e"."recorded_at" < (TIMESTAMPTZ 'epoch' + ?::bigint * INTERVAL '1 millisecond')) IS TRUE))`,
    bindings: [T0 + 1, T0 + 3],
    keys: ['r2', 'r3'],
  },
  {
    name: 'a date bound beyond timestamptz compares as a 64-bit integer would (clamped)',
    where: and(cmp('occurredAt', 'lt', 9e18), cmp('occurredAt', 'gt', -9e18)),
    sql: `((("e"."occurred_at" < (TIMESTAMPTZ 'epoch' + ?::bigint * INTERVAL '1 millisecond')) IS TRUE) AND (("e"."occurred_at" > (TIMESTAMPTZ 'epoch' + ?::bigint * INTERVAL '1 millisecond')) IS TRUE))`,
    bindings: [9_000_000_000_000_000, -210_000_000_000_000],
    keys: ['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7'],
  },
  {
    name: 'prefix escapes wildcards',
    where: prefix('actor', 'svc_%'),
    sql: `(("e"."actor" LIKE ? ESCAPE '\\') IS TRUE)`,
    bindings: ['svc\\_\\%%'],
    keys: ['r4'],
  },
  {
    name: 'suffix and contains treat backslash literally',
    where: or([text('entityId', 'contains', '\\'), text('actor', 'suffix', '%1')]),
    sql: `((("e"."entity_id" LIKE ? ESCAPE '\\') IS TRUE) OR (("e"."actor" LIKE ? ESCAPE '\\') IS TRUE))`,
    bindings: ['%\\\\%', '%\\%1'],
    keys: ['r4', 'r7'],
  },
  {
    name: 'case-insensitive prefix folds Unicode',
    where: prefix('actor', 'ÉLO', { caseInsensitive: true }),
    sql: `((lower("e"."actor" COLLATE audit_fold) LIKE lower(?::text COLLATE audit_fold) ESCAPE '\\') IS TRUE)`,
    bindings: ['ÉLO%'],
    keys: ['r6'],
  },
  {
    name: 'wildcard: * and ? with an escaped literal',
    where: text('actor', 'wildcard', 'svc?\\%*'),
    sql: `(("e"."actor" LIKE ? ESCAPE '\\') IS TRUE)`,
    bindings: ['svc_\\%%'],
    keys: ['r4'],
  },
  {
    name: 'word match needs non-word boundaries (Atlas like)',
    family: 'admin',
    where: or([text('actor', 'word', 'g2'), text('params', 'word', 'guid')]),
    sql: `((("e"."actor" ~ ?) IS TRUE) OR (("e"."params" ~ ?) IS TRUE))`,
    bindings: ['(^|[^A-Za-z0-9_])g2([^A-Za-z0-9_]|$)', '(^|[^A-Za-z0-9_])guid([^A-Za-z0-9_]|$)'],
    keys: ['r8'],
  },
  {
    name: 'at least two of three',
    where: or([cmp('action', 'eq', 'ENTITY_CREATE'), prefix('actor', 'B'), exists('entityId')], 2),
    sql: `(((CASE WHEN (("e"."action" = ?::text) IS TRUE) THEN 1 ELSE 0 END) + (CASE WHEN (("e"."actor" LIKE ? ESCAPE '\\') IS TRUE) THEN 1 ELSE 0 END) + (CASE WHEN (("e"."entity_id" IS NOT NULL) IS TRUE) THEN 1 ELSE 0 END)) >= 2)`,
    bindings: ['ENTITY_CREATE', 'B%'],
    keys: ['r7'],
  },
  {
    name: 'exists on detail is a visible JSON object',
    where: exists('detail'),
    detailScope: cmp('action', 'neq', 'ENTITY_UPDATE'),
    sql: `((((("e"."action" <> ?::text) IS TRUE) AND jsonb_typeof("e"."detail") = 'object')) IS TRUE)`,
    bindings: ['ENTITY_UPDATE'],
    keys: ['r1', 'r2'],
  },
  {
    name: 'json leaf comparison, arrays flattened',
    where: json('detail', ['items', 'n'], cmp('$', 'gt', 5)),
    sql: `((EXISTS (SELECT 1 FROM jsonb_path_query("e"."detail", ?::jsonpath) AS "jleaf"(v) WHERE jsonb_typeof("jleaf".v) <> 'null' AND ((jsonb_typeof("jleaf".v) = 'number' AND "jleaf".v > to_jsonb(?::numeric)) IS TRUE))) IS TRUE)`,
    bindings: ['lax $[*][*][*][*]."items"[*][*][*][*]."n"[*][*][*][*]', 5],
    keys: ['r4'],
  },
  {
    name: 'json string leaves in nested arrays; a number value never meets strings',
    where: or([
      json('detail', ['tags'], cmp('$', 'eq', 'b')),
      json('detail', ['typeName'], cmp('$', 'eq', 5)),
    ]),
    sql: `(((EXISTS (SELECT 1 FROM jsonb_path_query("e"."detail", ?::jsonpath) AS "jleaf"(v) WHERE jsonb_typeof("jleaf".v) <> 'null' AND ((jsonb_typeof("jleaf".v) = 'string' AND ("jleaf".v #>> '{}') COLLATE "C" = ?::text) IS TRUE))) IS TRUE) OR ((EXISTS (SELECT 1 FROM jsonb_path_query("e"."detail", ?::jsonpath) AS "jleaf"(v) WHERE jsonb_typeof("jleaf".v) <> 'null' AND ((jsonb_typeof("jleaf".v) = 'number' AND "jleaf".v = to_jsonb(?::numeric)) IS TRUE))) IS TRUE))`,
    bindings: [
      'lax $[*][*][*][*]."tags"[*][*][*][*]',
      'b',
      'lax $[*][*][*][*]."typeName"[*][*][*][*]',
      5,
    ],
    keys: ['r1'],
  },
  {
    name: 'json on detail outside detailScope sees no detail',
    where: json('detail', ['typeName'], exists('$')),
    detailScope: cmp('actor', 'neq', 'ann'),
    sql: `((((("e"."actor" <> ?::text) IS TRUE) AND EXISTS (SELECT 1 FROM jsonb_path_query("e"."detail", ?::jsonpath) AS "jleaf"(v) WHERE jsonb_typeof("jleaf".v) <> 'null' AND ((jsonb_typeof("jleaf".v) NOT IN ('object', 'array') OR jsonb_path_exists("jleaf".v, ?::jsonpath)) IS TRUE)))) IS TRUE)`,
    bindings: [
      'ann',
      'lax $[*][*][*][*]."typeName"[*][*][*][*]',
      'strict $.** ? (@.type() == "string" || @.type() == "number" || @.type() == "boolean")',
    ],
    keys: ['r2'],
  },
  {
    name: 'headers leaf, not subject to detailScope',
    where: json('headers', ['x-team'], prefix('$', 'da')),
    detailScope: cmp('action', 'eq', 'nothing'),
    sql: `((EXISTS (SELECT 1 FROM jsonb_path_query("e"."headers", ?::jsonpath) AS "jleaf"(v) WHERE jsonb_typeof("jleaf".v) <> 'null' AND ((jsonb_typeof("jleaf".v) = 'string' AND ("jleaf".v #>> '{}') LIKE ? ESCAPE '\\') IS TRUE))) IS TRUE)`,
    bindings: ['lax $[*][*][*][*]."x-team"[*][*][*][*]', 'da%'],
    keys: ['r6'],
  },
];
