/**
 * The gateway's problem+json body (RFC 9457; spec/atomic-audit-log.md §6.1), used by the Atomic,
 * ingest, credential-management and generic gateway answers. A 5xx carries `errorId` and its
 * detail ends with "(error id <id>)"; nothing from the cause (SQL, stack) is ever rendered.
 */
import type { AuditError } from './AuditError';
import { ERROR_CODES } from './errorCodes';

export interface ProblemBody {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly errors?: readonly unknown[];
  readonly errorId?: string;
  readonly [extra: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function errorIdSuffix(requestId: string): string {
  return `(error id ${requestId})`;
}

/** `error.extra.errors` (already in the surface's item shape) becomes `errors`. */
export function renderProblem(
  error: AuditError,
  requestId: string,
): { status: number; headers: Record<string, string>; body: ProblemBody } {
  const code = error.code;
  const status = error.status;
  const serverFault = status >= 500;
  const detail = serverFault
    ? `${code === 'AQ503' ? 'The audit store is unavailable; retry later' : 'Internal server error'} ${errorIdSuffix(requestId)}`
    : error.message;
  const items = error.extra.errors;
  const body: ProblemBody = {
    type: `urn:audit-gateway:problem:${code}`,
    title: ERROR_CODES[code].title,
    status,
    detail,
    code,
    ...(Array.isArray(items) ? { errors: items as unknown[] } : {}),
    ...(serverFault ? { errorId: requestId } : {}),
  };
  const headers: Record<string, string> = {
    'Content-Type': PROBLEM_CONTENT_TYPE,
    ...error.headers,
  };
  if (code === 'AQ503') headers['Retry-After'] ??= '5';
  return { status, headers, body };
}
