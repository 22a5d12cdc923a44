/**
 * Runs every plan node's GROUP BY (concurrently, on the pool) and indexes the rows by the path of
 * ancestor keys, so the post-pass can look up any bucket's sub-aggregation directly.
 */
import type { Knex } from 'knex';
import { AuditError, type Scalar, type TermsAgg } from '@audit-gateway/ir';
import { frag, raw, type Fragment } from '../compile/frag';
import { decodeValue, keyOutput } from './aggFieldSql';
import { encodeKeys } from './compareKeys';
import { bucketCountSql, docCountSql, domainSql, metricSql, topTermsSql } from './nodeSql';
import type { Level, PlanNode } from './planAggregations';

export interface KeyCount {
  readonly key: Scalar;
  readonly docCount: number;
}

export interface NodeData {
  /** bucket aggregations: path of ancestor keys → (key, count) of non-empty buckets */
  readonly buckets: Map<string, KeyCount[]>;
  /** single-bucket counts or metric values by path */
  readonly values: Map<string, number | null>;
  /** terms with min_doc_count 0: every key among visible rows */
  readonly domain: Scalar[];
  /** top-level terms ranked in SQL: Σ doc_count of every eligible bucket, returned or not */
  eligibleTotal?: number;
}

export interface SqlRows {
  readonly rows: Fragment;
  /** scope alone, for terms domains */
  readonly visible: Fragment;
}

type Row = Record<string, unknown>;

async function run(db: Knex, f: Fragment): Promise<Row[]> {
  const res = await db.raw<{ rows: Row[] }>(f.sql, f.bindings as Knex.RawBinding[]);
  return res.rows;
}

function pathOf(node: PlanNode, row: Row): string {
  return encodeKeys(node.levels.map((l, i) => decodeValue(l.kind, row[`k${i}`])));
}

async function runNode(db: Knex, node: PlanNode, sql: SqlRows): Promise<NodeData> {
  const data: NodeData = { buckets: new Map(), values: new Map(), domain: [] };
  const agg = node.agg;
  if (agg.type === 'terms' || agg.type === 'date_histogram' || agg.type === 'filters') {
    const own = node.own;
    if (!own) return data;
    if (agg.type === 'terms' && rankableInSql(node, agg)) {
      const rows = await run(db, topTermsSql(node, agg, sql.rows));
      data.buckets.set(
        encodeKeys([]),
        rows.map((r) => ({ key: decodeValue(own.kind, r.k), docCount: Number(r.v) })),
      );
      data.eligibleTotal = rows.length === 0 ? 0 : Number(rows[0]?.total);
      return data;
    }
    const pending: Promise<void>[] = [
      run(db, bucketCountSql(node, sql.rows)).then((rows) => {
        for (const r of rows) {
          const path = pathOf(node, r);
          const list = data.buckets.get(path) ?? [];
          list.push({ key: decodeValue(own.kind, r.k), docCount: Number(r.v) });
          data.buckets.set(path, list);
        }
      }),
    ];
    if (agg.type === 'terms' && agg.minDocCount === 0) {
      // inside `nested`, the domain comes from visible rows that have a visible detail
      const visible = node.ctx.nestedCond
        ? frag`${sql.visible} AND ${node.ctx.nestedCond}`
        : sql.visible;
      pending.push(
        run(db, domainSql(node, visible)).then((rows) => {
          for (const r of rows) data.domain.push(decodeValue(own.kind, r.k));
        }),
      );
    }
    await Promise.all(pending);
    return data;
  }
  if (agg.type === 'filter' || agg.type === 'nested') {
    for (const r of await run(db, docCountSql(node, sql.rows)))
      data.values.set(pathOf(node, r), Number(r.v));
    return data;
  }
  if (!node.values) return data;
  for (const r of await run(db, metricSql(node, sql.rows)))
    data.values.set(pathOf(node, r), r.v === null ? null : Number(r.v));
  return data;
}

/**
 * A top-level `terms` on a column, ordered by count and/or key, with min_doc_count ≥ 1 and no
 * include/exclude, is ranked and cut in SQL: a field with a million distinct values then sends
 * `size` rows to us, not a million. Other shapes need every bucket here (order by a sub-aggregation,
 * zero-count keys, mixed-type detail keys whose order jsonb does not share).
 */
function rankableInSql(node: PlanNode, agg: TermsAgg): boolean {
  return (
    node.levels.length === 0 &&
    'field' in agg.field &&
    agg.minDocCount >= 1 &&
    agg.include === undefined &&
    agg.exclude === undefined &&
    agg.order.every((o) => o.by !== 'agg')
  );
}

/**
 * Every node runs as soon as it can, concurrently. The one exception: below a terms ranked in SQL,
 * sub-aggregations wait for its top keys and only group rows of those buckets (`l<i>.k = ANY(keys)`),
 * so `terms entityId (size 10) > …` does not aggregate a million entities it will never return.
 */
export async function executePlan(
  db: Knex,
  plan: Readonly<Record<string, PlanNode>>,
  sql: SqlRows,
): Promise<Map<PlanNode, NodeData>> {
  const out = new Map<PlanNode, NodeData>();
  const runTree = async (node: PlanNode, rows: Fragment): Promise<void> => {
    const self = runNode(db, node, { ...sql, rows }).then((d) => {
      out.set(node, d);
      return d;
    });
    const children = Object.values(node.children);
    if (node.agg.type === 'terms' && rankableInSql(node, node.agg) && node.own) {
      const data = await self;
      const keys = data.buckets.get(encodeKeys([]))?.map((b) => b.key) ?? [];
      const restricted = frag`${rows} AND ${keyIn(node.own, node.levels.length, keys)}`;
      await Promise.all(children.map((c) => runTree(c, restricted)));
      return;
    }
    await Promise.all([self, ...children.map((c) => runTree(c, rows))]);
  };
  await Promise.all(Object.values(plan).map((n) => runTree(n, sql.rows)));
  return out;
}

/** The level's key is one of `keys` (one array binding, whatever their number). */
function keyIn(level: Level, index: number, keys: readonly Scalar[]): Fragment {
  const ref = raw(`l${index}.k`);
  switch (level.kind) {
    case 'text':
      return frag`${ref} = ANY(${keys}::text[])`;
    case 'time':
      return frag`${keyOutput('time', ref)} = ANY(${keys}::bigint[])`;
    case 'number':
      return frag`${ref} = ANY(${keys}::float8[])`;
    case 'index':
    case 'json':
      throw AuditError.bug(`terms with ${level.kind} keys are not ranked in SQL`);
  }
}
