/**
 * ajv's errors → readable record errors (spec/ingest.md §4.4): a missing or unknown member is
 * pointed at by its own name, the reason says what was expected (the schema's `x-expected`) and
 * what was found, and never quotes a value under a secret-looking name.
 */
import type { SchemaError } from '../schemas/ingestSchemas';
import { describeValue } from './describeValue';
// the recorder's secret-key rule (spec/atomic-audit-log.md §9.6), so both sides hide the same keys
import { isSecretKey } from '../../recorder/redactSecrets';
import type { RecordError } from './RecordError';

const escapePointer = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

function unescape(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function secretPath(pointer: string): boolean {
  return pointer
    .split('/')
    .slice(1)
    .some((s) => isSecretKey(unescape(s)));
}

const paramText = (v: unknown): string => (typeof v === 'string' ? v : '');

function reasonFor(e: SchemaError, pointer: string): string {
  const expected = e.parentSchema?.['x-expected'];
  const got = describeValue(e.data, !secretPath(pointer));
  if (typeof expected === 'string') return `must be ${expected}; got ${got}`;
  return `${e.message ?? 'is not valid'}; got ${got}`;
}

export function schemaErrorsToRecordErrors(
  index: number,
  line: number | undefined,
  errors: readonly SchemaError[],
): RecordError[] {
  const at = line === undefined ? { index } : { index, line };
  const out: RecordError[] = [];
  const pointed = new Set<string>();
  for (const e of errors) {
    // if/then failures are reported by the failing `then` keyword itself
    if (e.keyword === 'if') continue;
    if (e.keyword === 'required') {
      const name = paramText(e.params.missingProperty).replace(/^\./, '');
      out.push({
        ...at,
        pointer: `${e.dataPath}/${escapePointer(name)}`,
        reason: 'required member is missing',
      });
      continue;
    }
    if (e.keyword === 'additionalProperties') {
      const name = paramText(e.params.additionalProperty);
      out.push({
        ...at,
        pointer: `${e.dataPath}/${escapePointer(name)}`,
        reason: 'unknown member',
      });
      continue;
    }
    // one reason per location: a wrong type also fails its range or pattern checks
    if (pointed.has(e.dataPath)) continue;
    pointed.add(e.dataPath);
    out.push({ ...at, pointer: e.dataPath, reason: reasonFor(e, e.dataPath) });
  }
  return out;
}
