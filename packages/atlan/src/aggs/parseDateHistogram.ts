/**
 * `date_histogram` (spec §5.3). Bounds are resolved to epoch ms here with the request's NOW; the
 * store buckets in the zone, gap-fills between the first and last non-empty bucket only, and
 * applies `extended_bounds` / `hard_bounds`.
 */
import { none, type DateHistogramAgg } from '@audit-gateway/ir';
import { dslError } from '../atlanErrors';
import { DEFAULT_DATE_FORMAT, parseDateFormat, type DateFormat } from '../dates/dateFormats';
import { parseDateValue } from '../dates/parseDateValue';
import { parseTimeZone } from '../dates/timeZone';
import { readBoolean, readInteger, readObject } from '../dsl/jsonValues';
import { MAX_BUCKETS } from './AggContext';
import { checkAggParams, requiredField } from './aggFields';
import type { AggTypeParser } from './AggTypeParser';
import { parseBucketOrder } from './parseBucketOrder';
import { parseInterval, parseOffset, SHORTEST_MS } from './histogramIntervals';

const PARAMS = [
  'field',
  'calendar_interval',
  'fixed_interval',
  'interval',
  'time_zone',
  'offset',
  'min_doc_count',
  'extended_bounds',
  'hard_bounds',
  'format',
  'order',
  'keyed',
  'missing',
];

export const parseDateHistogram: AggTypeParser = {
  bucket: true,
  parse({ body, ctx, subs, meta }) {
    const params = readObject(body, 'date_histogram');
    checkAggParams('date_histogram', params, PARAMS);
    const field = requiredField('date_histogram', params, ctx);
    if (field.kind === 'keyword' || field.kind === 'header') {
      throw dslError(
        `Field [${field.name}] of type [keyword] is not supported for aggregation [date_histogram]`,
        'illegal_argument_exception',
      );
    }
    const interval = parseInterval(params);
    const zone =
      params.time_zone === undefined || params.time_zone === null
        ? 'UTC'
        : parseTimeZone(params.time_zone);
    const format: DateFormat =
      params.format === undefined || params.format === null
        ? DEFAULT_DATE_FORMAT
        : parseDateFormat(params.format);
    const explicitFormat =
      params.format === undefined || params.format === null ? undefined : format;
    const bounds = (key: 'extended_bounds' | 'hard_bounds') => {
      const raw = params[key];
      if (raw === undefined || raw === null) return undefined;
      const obj = readObject(raw, key);
      const read = (v: unknown) =>
        parseDateValue(v, { format: explicitFormat, zone, roundUp: false, now: ctx.now });
      if (obj.min === undefined || obj.max === undefined) {
        throw dslError(`[${key}] requires both [min] and [max]`, 'illegal_argument_exception');
      }
      const b = { min: read(obj.min), max: read(obj.max) };
      if (b.min > b.max) {
        throw dslError(
          `[${key}.min][${b.min}] cannot be greater than [${key}.max][${b.max}]`,
          'illegal_argument_exception',
        );
      }
      return b;
    };
    const extendedBounds = bounds('extended_bounds');
    const hardBounds = bounds('hard_bounds');
    if (
      extendedBounds &&
      hardBounds &&
      (extendedBounds.min < hardBounds.min || extendedBounds.max > hardBounds.max)
    ) {
      throw dslError('Extended bounds have to be inside hard bounds', 'illegal_argument_exception');
    }
    if (extendedBounds) {
      const step = 'calendar' in interval ? SHORTEST_MS[interval.calendar] : interval.fixedMs;
      const estimate = Math.floor((extendedBounds.max - extendedBounds.min) / step) + 2;
      if (estimate > MAX_BUCKETS) {
        throw dslError(
          `Trying to create too many buckets. Must be less than or equal to: [${MAX_BUCKETS}] but was [${estimate}].`,
          'too_many_buckets_exception',
        );
      }
    }
    if (params.missing !== undefined && params.missing !== null) {
      parseDateValue(params.missing, {
        format: explicitFormat,
        zone,
        roundUp: false,
        now: ctx.now,
      });
    }
    const minDocCount =
      params.min_doc_count === undefined || params.min_doc_count === null
        ? 0
        : readInteger(params.min_doc_count, 'min_doc_count');
    if (minDocCount < 0)
      throw dslError(
        '[min_doc_count] must be greater than or equal to 0',
        'illegal_argument_exception',
      );
    const keyed =
      params.keyed === undefined || params.keyed === null
        ? false
        : readBoolean(params.keyed, 'keyed');
    const order = parseBucketOrder(params.order, subs.aggs, [{ by: '_key', dir: 'asc' }]);
    const plan = {
      type: 'date_histogram' as const,
      meta,
      dateKeys: { format, zone },
      keyed,
      empty: field.kind !== 'date',
      subs: subs.plans,
    };
    if (field.kind !== 'date') {
      // an unmapped or out-of-context field has no values: nothing to bucket
      return { agg: { type: 'filter', filter: none() }, plan };
    }
    const agg: DateHistogramAgg = {
      type: 'date_histogram',
      field: field.field,
      interval,
      timeZone: zone,
      offsetMs: parseOffset(params.offset),
      minDocCount,
      ...(extendedBounds ? { extendedBounds } : {}),
      ...(hardBounds ? { hardBounds } : {}),
      order,
      ...(Object.keys(subs.aggs).length > 0 ? { aggs: subs.aggs } : {}),
    };
    return { agg, plan };
  },
};
