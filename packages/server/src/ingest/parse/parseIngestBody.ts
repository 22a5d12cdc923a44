/**
 * An ingest request body → its records (spec/ingest.md §3): a JSON array or NDJSON, chosen by the
 * media type. Syntax errors of an array are a 400 for the whole body; a bad NDJSON line is a record
 * error. The record count is checked while splitting: the 10,001st record stops the parse (413).
 */
import { AuditError } from '@audit-gateway/ir';
import { JsonArraySplitter } from './JsonArraySplitter';
import { NdjsonSplitter } from './NdjsonSplitter';
import { parseRecord, type ParsedRecord } from './parseRecords';
import { BodySyntaxError, type RecordSlice } from './RecordSlice';

export const MAX_RECORDS_PER_REQUEST = 10_000;

export type BodyFormat = 'json' | 'ndjson';

export function bodyFormatOf(contentType: string): BodyFormat {
  const type = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  return type === 'application/json' ? 'json' : 'ndjson';
}

function tooMany(): AuditError {
  return new AuditError(
    'AQ413',
    `The request holds more than ${MAX_RECORDS_PER_REQUEST} records; split it into smaller batches`,
    { extra: { limit: { records: MAX_RECORDS_PER_REQUEST } } },
  );
}

function slices(bytes: Buffer, format: BodyFormat): RecordSlice[] {
  if (format === 'ndjson') {
    const s = new NdjsonSplitter();
    const out = [...s.push(bytes), ...s.end()];
    if (out.length > MAX_RECORDS_PER_REQUEST) throw tooMany();
    return out;
  }
  try {
    const s = new JsonArraySplitter();
    const out = s.push(bytes);
    s.end();
    if (out.length > MAX_RECORDS_PER_REQUEST) throw tooMany();
    return out;
  } catch (e) {
    if (e instanceof BodySyntaxError) throw malformed(e);
    throw e;
  }
}

function malformed(e: BodySyntaxError): AuditError {
  return new AuditError('AQ150', `The request body is not a valid JSON array: ${e.message}`, {
    extra: { offset: e.offset },
  });
}

export function parseIngestBody(bytes: Buffer, format: BodyFormat): ParsedRecord[] {
  if (format === 'json' && bytes.length === 0) {
    throw new AuditError('AQ150', 'The request body is empty; send a JSON array');
  }
  const found = slices(bytes, format);
  try {
    return found.map((s, i) => parseRecord(s, i, format === 'json' ? 'body' : 'record'));
  } catch (e) {
    if (e instanceof BodySyntaxError) throw malformed(e);
    throw e;
  }
}
