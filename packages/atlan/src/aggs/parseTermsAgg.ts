/** `terms` (spec §5.2). */
import type { Scalar, TermsAgg } from '@audit-gateway/ir';
import { dslError } from '../atlanErrors';
import { DEFAULT_DATE_FORMAT, parseDateFormat } from '../dates/dateFormats';
import { parseDateValue } from '../dates/parseDateValue';
import type { AtlanField } from '../dsl/atlanFields';
import { keywordText, noNul } from '../dsl/clauseParams';
import { readBoolean, readInteger, readObject } from '../dsl/jsonValues';
import { aggFieldOf, checkAggParams, requiredField } from './aggFields';
import type { AggTypeParser } from './AggTypeParser';
import { parseBucketOrder } from './parseBucketOrder';

const PARAMS = [
  'field',
  'size',
  'min_doc_count',
  'order',
  'missing',
  'include',
  'exclude',
  'format',
  'show_term_doc_count_error',
  'shard_size',
  'shard_min_doc_count',
  'execution_hint',
  'collect_mode',
  'value_type',
];

export const parseTermsAgg: AggTypeParser = {
  bucket: true,
  parse({ name, body, ctx, subs, meta }) {
    const params = readObject(body, 'terms');
    checkAggParams('terms', params, PARAMS);
    const field = requiredField('terms', params, ctx);
    const size =
      params.size === undefined || params.size === null ? 10 : readInteger(params.size, 'size');
    if (size <= 0)
      throw dslError(
        `[size] must be greater than 0. Found [${size}] in [${name}]`,
        'illegal_argument_exception',
      );
    const minDocCount =
      params.min_doc_count === undefined || params.min_doc_count === null
        ? 1
        : readInteger(params.min_doc_count, 'min_doc_count');
    if (minDocCount < 0) {
      throw dslError(
        `[min_doc_count] must be greater than or equal to 0. Found [${minDocCount}] in [${name}]`,
        'illegal_argument_exception',
      );
    }
    const value = (v: unknown) => termValue(field, v, ctx.now);
    const list = (key: 'include' | 'exclude') => {
      const raw = params[key];
      if (raw === undefined || raw === null) return undefined;
      if (!Array.isArray(raw)) {
        throw dslError(
          `[${key}] of [${name}]: only an array of exact values is supported (no regular expressions or partitions)`,
        );
      }
      return raw.map(value);
    };
    const dateKeys =
      field.kind === 'date'
        ? {
            format:
              params.format === undefined || params.format === null
                ? DEFAULT_DATE_FORMAT
                : parseDateFormat(params.format),
            zone: 'UTC',
          }
        : undefined;
    const include = list('include');
    const exclude = list('exclude');
    const agg: TermsAgg = {
      type: 'terms',
      field: aggFieldOf(field),
      size,
      minDocCount,
      order: parseBucketOrder(params.order, subs.aggs, [
        { by: '_count', dir: 'desc' },
        { by: '_key', dir: 'asc' },
      ]),
      ...(params.missing === undefined || params.missing === null
        ? {}
        : { missing: value(params.missing) }),
      ...(include ? { include } : {}),
      ...(exclude ? { exclude } : {}),
      ...(Object.keys(subs.aggs).length > 0 ? { aggs: subs.aggs } : {}),
    };
    const showDocCountError =
      params.show_term_doc_count_error === undefined
        ? false
        : readBoolean(params.show_term_doc_count_error, 'show_term_doc_count_error');
    return { agg, plan: { type: 'terms', meta, dateKeys, showDocCountError, subs: subs.plans } };
  },
};

/** A term value as the field stores it: date → epoch ms, keyword → text, detail leaf → as given. */
function termValue(field: AtlanField, v: unknown, now: number): Scalar {
  if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
    throw dslError(
      `[terms] values must be strings, numbers or booleans, found [${JSON.stringify(v)}]`,
    );
  }
  if (field.kind === 'date') return parseDateValue(v, { zone: 'UTC', roundUp: false, now });
  if (typeof v === 'string') noNul('terms', v);
  if (field.kind === 'detail') return v;
  return keywordText(v);
}
