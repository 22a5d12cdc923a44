/**
 * Loads the demo set into tenant `default` through the import path (validation, one transaction
 * per batch, derived purges, entity state): spec/ingest.md §9.6.
 */
import { ingestBatch, type Db, type IngestCounts, type IngestKind } from '@audit-gateway/store';
import { parseRecord } from '../parse/parseRecords';
import { validateBatch } from '../validate/validateBatch';
import { DEMO_ATLAN, DEMO_ATLAS, DEMO_ATOMIC, DEMO_TYPEDEFS } from './demoDataset';

export const DEMO_TENANT = 'default';
export const DEMO_ENVIRONMENT = 'demo';

export type DemoSummary = Record<string, IngestCounts & { derivedEvents: number }>;

export async function seedDemo(db: Db): Promise<DemoSummary> {
  const sets: [IngestKind, readonly unknown[]][] = [
    ['typedef', DEMO_TYPEDEFS],
    ['atlan', DEMO_ATLAN],
    ['atlas', DEMO_ATLAS],
    ['atomic', DEMO_ATOMIC],
  ];
  const summary: DemoSummary = {};
  for (const [kind, records] of sets) {
    const parsed = records.map((r, i) => {
      const bytes = Buffer.from(JSON.stringify(r));
      return parseRecord({ bytes, start: 0, end: bytes.length, depth: 0 }, i, 'record');
    });
    const v = validateBatch(kind, parsed, {
      tenant: DEMO_TENANT,
      environments: [DEMO_ENVIRONMENT],
    });
    if (!v.ok) throw new Error(`the demo ${kind} records are invalid: ${JSON.stringify(v.errors)}`);
    const out = await ingestBatch(db, { tenant: DEMO_TENANT, batch: v.batch });
    if (out.kind !== 'stored') throw new Error(`unexpected ingest outcome ${out.kind}`);
    summary[kind] = { ...out.counts, derivedEvents: out.derivedEvents };
  }
  return summary;
}
