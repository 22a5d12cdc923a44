/**
 * Record slices → parsed values or per-record problems (spec/ingest.md §3.3, §3.4). A record nested
 * deeper than 64 levels is never handed to JSON.parse or anything recursive after it.
 */
import { BodySyntaxError, type RecordSlice } from './RecordSlice';

export const MAX_RECORD_DEPTH = 64;
export const MAX_RECORD_BYTES = 2 * 1024 * 1024;

export interface ParsedRecord {
  readonly index: number;
  readonly line?: number;
  readonly start: number;
  readonly end: number;
  /** set when `problem` is not */
  readonly value?: unknown;
  /** why the record as a whole is unusable (pointer "") */
  readonly problem?: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * `syntax`: how a JSON syntax error is treated: 'record' makes it a record problem (NDJSON),
 * 'body' throws BodySyntaxError for the whole body (a JSON array).
 */
export function parseRecord(
  slice: RecordSlice,
  index: number,
  syntax: 'record' | 'body',
): ParsedRecord {
  const where = {
    index,
    start: slice.start,
    end: slice.end,
    ...(slice.line === undefined ? {} : { line: slice.line }),
  };
  if (slice.depth > MAX_RECORD_DEPTH) {
    return { ...where, problem: `record is nested deeper than ${MAX_RECORD_DEPTH} levels` };
  }
  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(slice.bytes)) as unknown;
  } catch (e) {
    const message = (e as Error).message;
    if (syntax === 'body') throw new BodySyntaxError(message, slice.start);
    return { ...where, problem: `not valid JSON: ${message}` };
  }
  if (
    slice.bytes.length > MAX_RECORD_BYTES &&
    Buffer.byteLength(JSON.stringify(value)) > MAX_RECORD_BYTES
  ) {
    return { ...where, problem: `record is larger than ${MAX_RECORD_BYTES} bytes as compact JSON` };
  }
  return { ...where, value };
}
