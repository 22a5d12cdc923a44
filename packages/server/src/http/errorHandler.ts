/**
 * The one error middleware (STYLE §3.9): everything thrown becomes an AuditError, 5xx are logged
 * with the request id (the only error id), and the matched route's renderer answers in its
 * surface's shape; unmatched paths get the gateway's problem+json.
 */
import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { renderProblem } from '@audit-gateway/ir';
import { toAuditError } from './toAuditError';
import { requestState } from './requestState';

export function errorHandler(log: Logger): ErrorRequestHandler {
  // express recognises error middleware by its four parameters; keep `next`
  return (err: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const state = requestState(res);
    const e = toAuditError(err);
    if (e.status >= 500) {
      log.error({ err: e.cause ?? e, requestId: state.requestId, code: e.code }, 'request failed');
    }
    const render = state.route?.renderError ?? renderProblem;
    const { status, headers, body } = render(e, state.requestId);
    // Allow, WWW-Authenticate and Retry-After travel on the error, whatever the renderer adds
    res.status(status).set({ ...e.headers, ...headers });
    if (!res.getHeader('Content-Type')) res.type('application/json; charset=utf-8');
    res.send(JSON.stringify(body));
  };
}
