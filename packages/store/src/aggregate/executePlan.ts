/**
 * Runs every plan node's GROUP BY (concurrently, on the pool) and indexes the rows by the path of
 * ancestor keys, so the post-pass can look up any bucket's sub-aggregation directly.
 */
import type { Knex } from 'knex';
import type { Scalar, TermsAgg } from '@audit-gateway/ir';
import { frag, type Fragment } from '../compile/frag';
import { decodeValue } from './aggFieldSql';
import { encodeKeys } from './compareKeys';
import { bucketCountSql, docCountSql, domainSql, metricSql, topTermsSql } from './nodeSql';
import type { PlanNode } from './planAggregations';

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

export async function executePlan(
  db: Knex,
  plan: Readonly<Record<string, PlanNode>>,
  sql: SqlRows,
): Promise<Map<PlanNode, NodeData>> {
  const nodes: PlanNode[] = [];
  const walk = (p: Readonly<Record<string, PlanNode>>) => {
    for (const n of Object.values(p)) {
      nodes.push(n);
      walk(n.children);
    }
  };
  walk(plan);
  const results = await Promise.all(nodes.map((n) => runNode(db, n, sql)));
  return new Map(nodes.map((n, i) => [n, results[i] as NodeData]));
}
