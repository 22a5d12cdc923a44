/**
 * The ingest API's error body (spec/ingest.md §4.4, §4.7): the gateway's problem+json, plus
 * `invalidRecords` on a 422 and `limit` on a 413.
 */
import { renderProblem, type AuditError, type ErrorRenderer } from '@audit-gateway/ir';

export const BODY_LIMIT_BYTES = 16 * 1024 * 1024;

export const renderIngestError: ErrorRenderer = (error: AuditError, requestId: string) => {
  const out = renderProblem(error, requestId);
  const body: Record<string, unknown> = { ...out.body };
  if (error.code === 'AQ422' && typeof error.extra.invalidRecords === 'number') {
    body.invalidRecords = error.extra.invalidRecords;
  }
  if (error.code === 'AQ413') {
    // the only 413 without its own limit is the body reader's
    body.limit = error.extra.limit ?? { bytes: BODY_LIMIT_BYTES };
  }
  return { ...out, body };
};
