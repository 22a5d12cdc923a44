/**
 * AuditError → this surface's error shapes (spec §1.6). DSL problems carry Atlas's
 * `ATLAS-400-00-029` with an ES reason and error type; body-level and transport problems use
 * Atlan's JSON-binding `{"error"}`; every server fault is a 500 (never 503: pyatlan turns a 503
 * into an empty response and then fails, but retries a 500).
 */
import { errorIdSuffix, type AuditError, type ErrorRenderer } from '@audit-gateway/ir';
import { DSL_ERROR_CODE } from './atlanErrors';

type Rendered = ReturnType<ErrorRenderer>;

const JSON_HEADERS = { 'Content-Type': 'application/json' };
// codes that mean the body itself could not be read or was not the JSON object §1.3 requires
const BODY_CODES = new Set(['AQ150', 'AQ151']);

function rendered(status: number, e: AuditError, body: unknown, drop: string[] = []): Rendered {
  const headers: Record<string, string> = { ...JSON_HEADERS };
  for (const [k, v] of Object.entries(e.headers)) if (!drop.includes(k)) headers[k] = v;
  return { status, headers, body };
}

/** The renderer of the auditSearch routes; `action` words the 403 (§1.2, §7). */
export function createAtlanErrorRenderer(action: string): ErrorRenderer {
  return (e, requestId) => {
    if (e.status >= 500) {
      return rendered(
        500,
        e,
        {
          errorCode: 'ATLAS-500-00-001',
          errorMessage: `Internal server error ${errorIdSuffix(requestId)}`,
          errorId: requestId,
        },
        ['Retry-After'],
      );
    }
    switch (e.status) {
      case 401:
        return rendered(401, e, {
          errorCode: 'ATLAS-401-00-001',
          errorMessage: 'Authentication required',
        });
      case 403: {
        const name = typeof e.extra.principal === 'string' ? e.extra.principal : 'This credential';
        return rendered(403, e, {
          errorCode: 'ATLAS-403-00-001',
          errorMessage: `${name} is not authorized to ${action}`,
        });
      }
      case 405:
        return rendered(405, e, { error: 'Method Not Allowed' });
      case 413:
        return rendered(413, e, { error: 'Request body too large' });
      case 415: {
        const type = typeof e.extra.contentType === 'string' ? e.extra.contentType : '(none)';
        return rendered(415, e, { error: `Unsupported Media Type: ${type}` });
      }
      case 429: {
        const after = e.headers['Retry-After'] ?? '60';
        return rendered(429, e, { error: `Too many requests; retry after ${after} seconds` });
      }
      default:
        break;
    }
    if (e.status === 400 && (e.extra.atlanShape === 'body' || BODY_CODES.has(e.code))) {
      return rendered(400, e, { error: e.message });
    }
    if (e.status === 400) {
      const cause =
        typeof e.extra.errorCause === 'string' ? e.extra.errorCause : 'illegal_argument_exception';
      return rendered(400, e, {
        errorCode: e.native?.code ?? DSL_ERROR_CODE,
        errorMessage: e.native?.message ?? e.message,
        errorCause: cause,
      });
    }
    return rendered(e.status, e, { error: e.message });
  };
}

export const renderAtlanError: ErrorRenderer = createAtlanErrorRenderer('perform audit search');
export const renderAtlanTypedefsError: ErrorRenderer =
  createAtlanErrorRenderer('read type definitions');
