/**
 * The management API's error body (spec/credentials.md §3.5): problem+json as
 * `atomic-audit-log.md` §6.1 defines it. The pipeline reports an unreadable JSON body as AQ400;
 * this API's contract calls that AQ150, so the code is translated here.
 */
import { AuditError, renderProblem, type ErrorRenderer } from '@audit-gateway/ir';

export const renderCredentialProblem: ErrorRenderer = (error, requestId) => {
  const translated =
    error.code === 'AQ400'
      ? new AuditError('AQ150', error.message, {
          headers: error.headers,
          extra: error.extra,
          details: error.details,
        })
      : error;
  return renderProblem(translated, requestId);
};
