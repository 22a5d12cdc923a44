/** Single-value metrics (spec §5.4): min, max, avg, sum, value_count, cardinality. */
import type { MetricAgg, MetricType, Scalar } from '@audit-gateway/ir';
import { dslError } from '../atlanErrors';
import { DEFAULT_DATE_FORMAT, parseDateFormat } from '../dates/dateFormats';
import { parseDateValue } from '../dates/parseDateValue';
import { keywordText, noNul } from '../dsl/clauseParams';
import { readObject } from '../dsl/jsonValues';
import { aggFieldOf, checkAggParams, requiredField } from './aggFields';
import type { AggTypeParser } from './AggTypeParser';

const NUMERIC: readonly MetricType[] = ['min', 'max', 'avg', 'sum'];

export function metricParser(metric: MetricType): AggTypeParser {
  return {
    bucket: false,
    parse({ body, ctx, meta }) {
      const params = readObject(body, metric);
      const allowed = [
        'field',
        'missing',
        'format',
        ...(metric === 'cardinality' ? ['precision_threshold'] : []),
      ];
      checkAggParams(metric, params, allowed);
      const field = requiredField(metric, params, ctx);
      if (NUMERIC.includes(metric) && (field.kind === 'keyword' || field.kind === 'header')) {
        throw dslError(
          `Field [${field.name}] of type [keyword] is not supported for aggregation [${metric}]`,
          'illegal_argument_exception',
        );
      }
      let missing: Scalar | undefined;
      const raw = params.missing;
      if (raw !== undefined && raw !== null) {
        if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') {
          throw dslError(`[${metric}] [missing] must be a value`);
        }
        if (field.kind === 'date')
          missing = parseDateValue(raw, { zone: 'UTC', roundUp: false, now: ctx.now });
        else if (field.kind === 'detail')
          missing = typeof raw === 'string' ? noNul(metric, raw) : raw;
        else missing = noNul(metric, keywordText(raw));
      }
      const agg: MetricAgg = {
        type: metric,
        field: aggFieldOf(field),
        ...(missing === undefined ? {} : { missing }),
      };
      const format =
        params.format === undefined || params.format === null
          ? DEFAULT_DATE_FORMAT
          : parseDateFormat(params.format);
      const dateValues =
        field.kind === 'date' && NUMERIC.includes(metric) ? { format, zone: 'UTC' } : undefined;
      return { agg, plan: { type: 'metric', metric, meta, ...(dateValues ? { dateValues } : {}) } };
    },
  };
}
