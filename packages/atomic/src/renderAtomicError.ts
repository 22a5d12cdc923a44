/**
 * Atomic errors are RFC 9457 problem+json with `code` (spec/atomic-audit-log.md §6), the gateway's
 * shared shape; `errors` comes from the parameter parser's `extra.errors`. A 405 always names
 * GET and HEAD, the only methods of this surface (§2).
 */
import { renderProblem, type ErrorRenderer } from '@audit-gateway/ir';

export const renderAtomicError: ErrorRenderer = (error, requestId) => {
  const out = renderProblem(error, requestId);
  if (error.code === 'AQ405') out.headers.Allow = 'GET, HEAD';
  return out;
};
