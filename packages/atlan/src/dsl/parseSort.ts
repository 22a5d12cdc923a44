/**
 * `sort` (spec §4.2) → IR sort keys ending with the hidden `seq asc` tiebreak, plus what
 * `search_after` needs to read its values. Shapes: a string, an object of keys, or an array of
 * strings and single-key objects.
 */
import { sortFieldSpec, type Missing, type Scalar, type SortKey } from '@audit-gateway/ir';
import { dslError } from '../atlanErrors';
import { parseDateFormat, type DateFormat } from '../dates/dateFormats';
import { parseDateValue } from '../dates/parseDateValue';
import { resolveField } from './atlanFields';
import { keywordText, noNul } from './clauseParams';
import { describe, entries, isObject, tokenName } from './jsonValues';

/** One sort key as written; `key` is undefined when it has no effect (duplicate, _score, …). */
export interface WrittenSortKey {
  readonly name: string;
  readonly kind: 'date' | 'keyword' | 'score' | 'doc' | 'unmapped';
  readonly key?: SortKey;
  readonly format?: DateFormat;
}

export interface ParsedSort {
  readonly written: readonly WrittenSortKey[];
  /** the IR sort, ending with seq */
  readonly keys: readonly SortKey[];
}

const DEFAULT_SORT: unknown = [{ created: { order: 'desc' } }];
const SEQ_ASC: SortKey = { field: 'seq', dir: 'asc', missing: 'last' };
const OPTIONS = ['order', 'missing', 'unmapped_type', 'format', 'mode', 'numeric_type'];
const MODES = ['min', 'max', 'sum', 'avg', 'median'];

export function parseSort(raw: unknown, now: number): ParsedSort {
  const items = sortItems(raw === undefined || raw === null ? DEFAULT_SORT : raw);
  const written: WrittenSortKey[] = [];
  const seen = new Set<string>();
  let docKey: SortKey | undefined;
  for (const [name, options] of items) {
    const w = parseKey(name, options, now);
    // a later key on a field already sorted, or anything after _doc (seq is unique), has no effect
    const effective = w.key && !seen.has(w.key.field) && !docKey ? w : { ...w, key: undefined };
    if (w.key) seen.add(w.key.field);
    if (w.kind === 'doc' && !docKey) docKey = w.key;
    written.push(effective);
  }
  const keys = written.flatMap((w) => (w.key && w.kind !== 'doc' ? [w.key] : []));
  return { written, keys: [...keys, docKey ?? SEQ_ASC] };
}

function sortItems(raw: unknown): [string, unknown][] {
  if (typeof raw === 'string') return [[raw, undefined]];
  if (isObject(raw)) return entries(raw);
  if (!Array.isArray(raw))
    throw dslError(`[sort] must be a string, an object or an array, found ${tokenName(raw)}`);
  return raw.map((item: unknown): [string, unknown] => {
    if (typeof item === 'string') return [item, undefined];
    if (isObject(item) && Object.keys(item).length === 1)
      return entries(item)[0] as [string, unknown];
    throw dslError(
      `[sort] each element must be a field name or an object with one field, found ${tokenName(item)}`,
    );
  });
}

function parseKey(name: string, raw: unknown, now: number): WrittenSortKey {
  const options = sortOptions(name, raw);
  const order = options.order === undefined ? undefined : describe(options.order).toLowerCase();
  if (order !== undefined && order !== 'asc' && order !== 'desc') {
    throw dslError(
      `[sort] unknown order [${describe(options.order)}] for [${name}]; use asc or desc`,
    );
  }
  if (options.mode !== undefined && !MODES.includes(describe(options.mode))) {
    throw dslError(`[sort] unknown mode [${describe(options.mode)}] for [${name}]`);
  }
  if (name === '_score') return { name, kind: 'score' };
  if (name === '_doc') {
    return {
      name,
      kind: 'doc',
      key: { field: 'seq', dir: order === 'desc' ? 'desc' : 'asc', missing: 'last' },
    };
  }
  const field = resolveField(name, 'top');
  const dir = order === 'desc' ? 'desc' : 'asc';
  switch (field.kind) {
    case 'unmapped': {
      if (name === 'headers' || name === 'detail' || name.startsWith('detail.')) {
        throw dslError(
          `[sort] sorting on [${name}] is not supported: it is an object or nested field`,
          'illegal_argument_exception',
        );
      }
      if (options.unmapped_type !== undefined && options.unmapped_type !== null) {
        return { name, kind: 'unmapped' };
      }
      throw dslError(`No mapping found for [${name}] in order to sort on`, 'query_shard_exception');
    }
    case 'detail':
      throw dslError(`[sort] sorting on [${name}] is not supported`, 'illegal_argument_exception');
    case 'date': {
      const format =
        options.format === undefined || options.format === null
          ? undefined
          : parseDateFormat(options.format);
      const missing = parseMissing(options.missing, (v) =>
        parseDateValue(v, { format, zone: 'UTC', roundUp: false, now }),
      );
      return { name, kind: 'date', format, key: { field: field.field, dir, missing } };
    }
    case 'keyword':
    case 'header': {
      const missing = parseMissing(options.missing, (v) =>
        noNul('sort.missing', keywordText(v as string | number | boolean)),
      );
      const sortField = field.kind === 'keyword' ? field.field : `headers.${field.header}`;
      // `headers.<name>` sort keys resolve through the IR's sortFieldSpec, as the compiler's do
      if (!sortFieldSpec('entity', sortField)) {
        throw dslError(
          `No mapping found for [${name}] in order to sort on`,
          'query_shard_exception',
        );
      }
      return { name, kind: 'keyword', key: { field: sortField, dir, missing } };
    }
  }
}

function sortOptions(name: string, raw: unknown): Record<string, unknown> {
  if (raw === undefined) return {};
  if (typeof raw === 'string') return { order: raw };
  if (!isObject(raw)) throw dslError(`[sort] options of [${name}] must be a string or an object`);
  for (const key of Object.keys(raw)) {
    if (key === 'nested') throw dslError(`[sort] [nested] sorting is not supported (on [${name}])`);
    if (!OPTIONS.includes(key))
      throw dslError(`[sort] [${name}] does not support the option [${key}]`);
  }
  return raw;
}

function parseMissing(raw: unknown, literal: (v: unknown) => Scalar): Missing {
  if (raw === undefined || raw === null || raw === '_last') return 'last';
  if (raw === '_first') return 'first';
  if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') {
    throw dslError('[sort] [missing] must be _last, _first or a value');
  }
  return { value: literal(raw) };
}

/** `search_after` values (spec §4.3) → the keyset tuple of the effective sort keys. */
export function parseSearchAfter(raw: readonly unknown[], sort: ParsedSort, now: number): Scalar[] {
  if (raw.length !== sort.written.length) {
    throw dslError(
      `search_after has ${raw.length} value(s) but sort has ${sort.written.length}.`,
      'illegal_argument_exception',
    );
  }
  const after: Scalar[] = [];
  sort.written.forEach((w, i) => {
    const v = raw[i];
    if (w.kind === 'score' || w.kind === 'doc') {
      throw dslError(
        `search_after cannot be used with a [${w.name}] sort key: its values are never returned`,
        'illegal_argument_exception',
      );
    }
    if (!w.key) return;
    if (v === null) after.push(null);
    else if (w.kind === 'date')
      after.push(parseDateValue(v, { format: w.format, zone: 'UTC', roundUp: false, now }));
    else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
      after.push(noNul('search_after', keywordText(v)));
    else
      throw dslError(`search_after value [${JSON.stringify(v)}] does not fit sort key [${w.name}]`);
  });
  return after;
}
