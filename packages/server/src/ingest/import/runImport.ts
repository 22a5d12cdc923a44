/**
 * `audit-gateway import` (spec/ingest.md §9): files streamed in bounded memory, 1,000 records per
 * transaction through exactly the HTTP path from validation on (§9.3), a resume point after every
 * committed batch, a clean stop on SIGINT/SIGTERM after the batch in flight, and a summary.
 */
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import {
  analyzeIngestTables,
  countDerivedEvents,
  isAnalyzePoint,
  ingestBatch,
  type Db,
  type IngestBatchRecords,
} from '@audit-gateway/store';
import { MAX_DERIVED_EVENTS } from '../createIngestHandler';
import { parseRecord, type ParsedRecord } from '../parse/parseRecords';
import { BodySyntaxError } from '../parse/RecordSlice';
import { validateBatch } from '../validate/validateBatch';
import type { ImportProgress } from './ImportProgress';
import type { ImportOptions } from './ImportOptions';
import { openRecordSource } from './openRecordSource';

export interface ImportSummary {
  readonly files: number;
  readonly records: number;
  readonly ingested: number;
  readonly duplicates: number;
  readonly derivedEvents: number;
  readonly seconds: number;
}

export type ImportResult =
  | { readonly ok: true; readonly summary: ImportSummary }
  | { readonly ok: false; readonly summary: ImportSummary; readonly resumeReport: string };

export interface ImportIo {
  readonly err: (line: string) => void;
  readonly progress: ImportProgress;
  readonly stdin: Readable;
  /** true once SIGINT/SIGTERM arrived: stop after the batch in flight */
  readonly stopRequested: () => boolean;
  readonly clock?: () => number;
}

class ImportStopped extends Error {}

export function resumeReport(file: string, records: number, offset: number): string {
  return `stopped in ${file} after ${records} records (byte offset ${offset}); resume with --resume ${file}:${offset}`;
}

export async function runImport(
  db: Db,
  options: ImportOptions,
  io: ImportIo,
): Promise<ImportResult> {
  const clock = io.clock ?? Date.now;
  const started = clock();
  const totals = { files: 0, records: 0, ingested: 0, duplicates: 0, derivedEvents: 0 };
  const summary = (): ImportSummary => ({
    ...totals,
    seconds: Math.round((clock() - started) / 100) / 10,
  });
  const resumeFrom = options.resume ? options.files.indexOf(options.resume.file) : 0;
  const files = options.files.slice(resumeFrom);
  io.progress.start(await totalBytes(files, options.resume?.offset));
  let bytesBefore = 0;
  const kind = options.format;
  const ctx = { tenant: options.tenant, environments: options.environments };
  let batches = 0;

  for (const [n, file] of files.entries()) {
    const resumeAt = n === 0 ? options.resume?.offset : undefined;
    // the resume point of this file: records committed from it and the byte after the last one
    let committed = 0;
    let offset = resumeAt ?? 0;
    const fail = (lines: string[]): ImportResult => {
      for (const l of lines) io.err(l);
      io.progress.stop();
      return { ok: false, summary: summary(), resumeReport: resumeReport(file, committed, offset) };
    };
    const source = await openRecordSource(file, resumeAt, io.stdin);
    let pending: ParsedRecord[] = [];
    let index = 0;

    const flush = async (): Promise<string[] | undefined> => {
      if (pending.length === 0) return undefined;
      const batchRecords = pending;
      pending = [];
      const validation = validateBatch(kind, batchRecords, ctx);
      if (!validation.ok) {
        return [
          JSON.stringify({
            detail: `${validation.invalid} of ${batchRecords.length} records of this batch are invalid; the batch was not written`,
            invalidRecords: validation.invalid,
            errors: validation.errors,
          }),
        ];
      }
      const batch: IngestBatchRecords = validation.batch;
      if (batch.kind === 'atlas' && countDerivedEvents(batch.records) > MAX_DERIVED_EVENTS) {
        return [
          `the purges of this batch list more than ${MAX_DERIVED_EVENTS} GUIDs; split the file so that fewer purged GUIDs fall into one batch of ${options.batchSize}`,
        ];
      }
      const out = await ingestBatch(db, { tenant: options.tenant, batch });
      if (out.kind !== 'stored') throw new Error(`unexpected ingest outcome ${out.kind}`);
      totals.records += batchRecords.length;
      totals.ingested += out.counts.ingested;
      totals.duplicates += out.counts.duplicates;
      totals.derivedEvents += out.derivedEvents;
      committed += batchRecords.length;
      batches++;
      if (isAnalyzePoint(batches)) await analyzeIngestTables(db);
      offset = batchRecords[batchRecords.length - 1]!.end;
      io.progress.update(totals.records, bytesBefore + offset - (resumeAt ?? 0));
      if (io.stopRequested()) throw new ImportStopped();
      return undefined;
    };

    try {
      for await (const slice of source.slices()) {
        pending.push(parseRecord(slice, index++, source.format === 'json' ? 'body' : 'record'));
        if (pending.length >= options.batchSize) {
          const errors = await flush();
          if (errors) return fail(errors);
        }
      }
      const errors = await flush();
      if (errors) return fail(errors);
    } catch (e) {
      if (e instanceof ImportStopped)
        return fail(['import: interrupted; the last batch was committed']);
      if (e instanceof BodySyntaxError)
        return fail([`${file}: not a valid JSON array: ${e.message}`]);
      throw e;
    }
    totals.files++;
    bytesBefore += offset - (resumeAt ?? 0);
  }
  io.progress.stop();
  return { ok: true, summary: summary() };
}

async function totalBytes(files: readonly string[], skip = 0): Promise<number | undefined> {
  let total = -skip;
  for (const f of files) {
    if (f === '-') return undefined;
    total += (await stat(f)).size;
  }
  return total;
}
