/**
 * Read side of the entity current-state table (spec/atlan-auditsearch.md §6.1, spec/ingest.md §6):
 * the rows behind Atlan's `entityDetail`. Ingest owns the writes; this only reads, one query per
 * page for all of its entity ids.
 */
import type { Knex } from 'knex';
import type { JsonValue } from '@audit-gateway/ir';

/** One `entities` row, camelCased; times are epoch ms. */
export interface EntityHeaderRow {
  readonly guid: string;
  readonly typeName: string | null;
  readonly qualifiedName: string | null;
  readonly status: string | null;
  readonly createdBy: string | null;
  readonly updatedBy: string | null;
  readonly attributes: { readonly [k: string]: JsonValue } | null;
  readonly classifications: readonly JsonValue[] | null;
  readonly classificationNames: readonly string[] | null;
  readonly labels: readonly string[] | null;
  readonly isIncomplete: boolean | null;
  readonly createTime: number | null;
  readonly updateTime: number | null;
}

interface SqlRow {
  guid: string;
  type_name: string | null;
  qualified_name: string | null;
  status: string | null;
  created_by: string | null;
  updated_by: string | null;
  attributes: { [k: string]: JsonValue } | null;
  classifications: JsonValue[] | { [k: string]: JsonValue } | null;
  classification_names: string[] | null;
  labels: string[] | null;
  is_incomplete: boolean | null;
  create_time: string | number | null;
  update_time: string | number | null;
}

const toMs = (v: string | number | null) => (v === null ? null : Number(v));

/** The current state of each of `guids` in `tenant`; a guid without state (purged, unknown) is absent. */
export async function loadEntityHeaders(
  db: Knex,
  tenant: string,
  guids: readonly string[],
): Promise<Map<string, EntityHeaderRow>> {
  const out = new Map<string, EntityHeaderRow>();
  const unique = [...new Set(guids)];
  if (unique.length === 0) return out;
  const rows = await db<SqlRow>('entities')
    .select(
      'guid',
      'type_name',
      'qualified_name',
      'status',
      'created_by',
      'updated_by',
      'attributes',
      'classifications',
      'classification_names',
      'labels',
      'is_incomplete',
      'create_time',
      'update_time',
    )
    .where('tenant', tenant)
    .whereIn('guid', unique);
  for (const r of rows) {
    out.set(r.guid, {
      guid: r.guid,
      typeName: r.type_name,
      qualifiedName: r.qualified_name,
      status: r.status,
      createdBy: r.created_by,
      updatedBy: r.updated_by,
      attributes: r.attributes,
      // stored either as an array of attachments or keyed by their typeName
      classifications: Array.isArray(r.classifications)
        ? r.classifications
        : r.classifications
          ? Object.values(r.classifications)
          : null,
      classificationNames: r.classification_names,
      labels: r.labels,
      isIncomplete: r.is_incomplete,
      createTime: toMs(r.create_time),
      updateTime: toMs(r.update_time),
    });
  }
  return out;
}
