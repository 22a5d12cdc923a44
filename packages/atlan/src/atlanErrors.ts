/**
 * The two kinds of 400 this surface answers (spec §1.6): a body-level problem renders as
 * `{"error"}`, a DSL problem as `{"errorCode":"ATLAS-400-00-029","errorMessage","errorCause"}`.
 * Both are AuditErrors so the one error middleware renders them through `renderAtlanError`.
 */
import { AuditError } from '@audit-gateway/ir';

export const DSL_ERROR_CODE = 'ATLAS-400-00-029';

/** The ES error types the spec names as `errorCause`. */
export type EsErrorCause =
  | 'parsing_exception'
  | 'x_content_parse_exception'
  | 'illegal_argument_exception'
  | 'query_shard_exception'
  | 'parse_exception'
  | 'aggregation_execution_exception'
  | 'too_many_buckets_exception';

/** An invalid DSL (spec §3–§5): the message carries the ES-style reason the spec quotes. */
export function dslError(message: string, cause: EsErrorCause = 'parsing_exception'): AuditError {
  return new AuditError('AQ101', message, {
    native: { code: DSL_ERROR_CODE, message },
    extra: { atlanShape: 'dsl', errorCause: cause },
  });
}

/** A body-level problem (spec §1.3): the message names the offending key. */
export function bodyError(message: string): AuditError {
  return new AuditError('AQ150', message, { extra: { atlanShape: 'body' } });
}
