/**
 * Validates EVERY record of a batch, by schema and then by the semantic rules, and builds the
 * store's batch only when all pass (spec/ingest.md §4.1 step 11): one 422 lists every problem.
 */
import type {
  AtlanRecord,
  AtlasEntry,
  AtomicEntry,
  EntityHeaderRecord,
  IngestBatchRecords,
  IngestKind,
  JsonObject,
  TypedefRecord,
} from '@audit-gateway/store';
import type { ParsedRecord } from '../parse/parseRecords';
import { validateSchema, type IngestSchemaId } from '../schemas/ingestSchemas';
import type { IngestContext } from './IngestContext';
import { orderRecordErrors, type RecordError } from './RecordError';
import { schemaErrorsToRecordErrors } from './schemaErrorsToRecordErrors';
import { toAtlanRecord } from './toAtlanRecord';
import { toAtlasEntry } from './toAtlasEntry';
import { toAtomicEntry } from './toAtomicEntry';

export const SCHEMA_OF: Readonly<Record<IngestKind, IngestSchemaId>> = {
  atlan: 'ingest/atlan-record',
  atlas: 'ingest/atlas-entry',
  atomic: 'ingest/atomic-entry',
  typedef: 'ingest/typedef',
  entityHeader: 'ingest/entity-header',
};

export type BatchValidation =
  | { readonly ok: true; readonly batch: IngestBatchRecords }
  | { readonly ok: false; readonly errors: readonly RecordError[]; readonly invalid: number };

type Problem = { pointer: string; reason: string };

/** One record, schema-valid: its normalised form and any semantic problems. */
function normalise(
  kind: IngestKind,
  raw: JsonObject,
  ctx: IngestContext,
): { value: unknown; problems: Problem[] } {
  switch (kind) {
    case 'atlan': {
      const r = toAtlanRecord(raw);
      return { value: r.record, problems: r.problems };
    }
    case 'atlas':
      return { value: toAtlasEntry(raw), problems: [] };
    case 'atomic': {
      const r = toAtomicEntry(raw, ctx);
      return { value: r.entry, problems: r.problems };
    }
    case 'typedef': {
      const t: TypedefRecord = {
        category: raw.category as string,
        name: raw.name as string,
        definition: raw,
      };
      return { value: t, problems: [] };
    }
    case 'entityHeader': {
      const h: EntityHeaderRecord = {
        guid: raw.guid as string,
        updateTime: typeof raw.updateTime === 'number' ? raw.updateTime : null,
        header: raw,
      };
      return { value: h, problems: [] };
    }
  }
}

function assemble(kind: IngestKind, values: unknown[]): IngestBatchRecords {
  switch (kind) {
    case 'atlan':
      return { kind, records: values as AtlanRecord[] };
    case 'atlas':
      return { kind, records: values as AtlasEntry[] };
    case 'atomic':
      return { kind, records: values as AtomicEntry[] };
    case 'typedef':
      return { kind, records: values as TypedefRecord[] };
    case 'entityHeader':
      return { kind, records: values as EntityHeaderRecord[] };
  }
}

export function validateBatch(
  kind: IngestKind,
  records: readonly ParsedRecord[],
  ctx: IngestContext,
): BatchValidation {
  const errors: RecordError[] = [];
  const invalid = new Set<number>();
  const values: unknown[] = [];
  for (const r of records) {
    const at = r.line === undefined ? { index: r.index } : { index: r.index, line: r.line };
    if (r.problem !== undefined) {
      errors.push({ ...at, pointer: '', reason: r.problem });
      invalid.add(r.index);
      continue;
    }
    const schemaErrors = validateSchema(SCHEMA_OF[kind], r.value);
    if (schemaErrors.length > 0) {
      errors.push(...schemaErrorsToRecordErrors(r.index, r.line, schemaErrors));
      invalid.add(r.index);
      continue;
    }
    const { value, problems } = normalise(kind, r.value as JsonObject, ctx);
    if (problems.length > 0) {
      errors.push(...problems.map((p) => ({ ...at, ...p })));
      invalid.add(r.index);
      continue;
    }
    values.push(value);
  }
  if (invalid.size > 0)
    return { ok: false, errors: orderRecordErrors(errors), invalid: invalid.size };
  return { ok: true, batch: assemble(kind, values) };
}
