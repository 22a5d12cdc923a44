/**
 * AuditError → this surface's error body (spec/atlas-admin-audits.md §2.6). Atlas errors
 * (`{errorCode, errorMessage}`) for what Atlas's exception mapper answers; framework errors
 * (`{error}`) for parse failures and where Atlas has no JSON body (401, 405, 413, 415, 429).
 * The route table picks this renderer before authentication, so even a 401 is in this shape.
 */
import { errorIdSuffix, type AuditError, type ErrorRenderer } from '@audit-gateway/ir';

export const ATLAS_CONTENT_TYPE = 'application/json; charset=UTF-8';
const BASIC_CHALLENGE = 'Basic realm="audit-gateway"';

/** The 403 wording differs per endpoint (§2.4); the path parameter names tell them apart. */
function forbiddenAction(params: Readonly<Record<string, string>>): string {
  if (params.auditGuid !== undefined) return 'audit details';
  if (params.guid !== undefined) return `read entity audit: guid=${params.guid}`;
  return 'Admin Audits';
}

function record(v: unknown): Readonly<Record<string, string>> {
  return typeof v === 'object' && v !== null ? (v as Record<string, string>) : {};
}

function body(error: AuditError, requestId: string): unknown {
  if (error.code === 'AQ403') {
    const principal = typeof error.extra.principal === 'string' ? error.extra.principal : '';
    return {
      errorCode: 'ATLAS-403-00-001',
      errorMessage: `${principal} is not authorized to perform ${forbiddenAction(record(error.extra.params))}`,
    };
  }
  if (error.code === 'AQ503') {
    return {
      errorCode: 'ATLAS-503-00-002',
      errorMessage: `Service unavailable ${errorIdSuffix(requestId)}`,
      errorId: requestId,
    };
  }
  if (error.status >= 500) {
    // nothing from the cause (SQL, bindings, stack) is ever rendered
    return {
      errorCode: 'ATLAS-500-00-001',
      errorMessage: `Internal server error ${errorIdSuffix(requestId)}`,
      errorId: requestId,
    };
  }
  if (error.native?.code) {
    return { errorCode: error.native.code, errorMessage: error.native.message ?? error.message };
  }
  return { error: error.message };
}

export const renderAtlasError: ErrorRenderer = (error, requestId) => {
  const headers: Record<string, string> = { ...error.headers, 'Content-Type': ATLAS_CONTENT_TYPE };
  if (error.code === 'AQ503') headers['Retry-After'] ??= '5';
  if (error.code === 'AQ401') {
    // the Basic challenge is contractual and comes first (§2.3), whatever the authenticator sent
    const key = Object.keys(headers).find((k) => k.toLowerCase() === 'www-authenticate');
    const sent = key === undefined ? '' : (headers[key] ?? '');
    if (key !== undefined) delete headers[key];
    headers['WWW-Authenticate'] = sent.includes(BASIC_CHALLENGE)
      ? sent
      : [BASIC_CHALLENGE, sent].filter((c) => c !== '').join(', ');
  }
  if (error.code === 'AQ405' && headers.Allow === undefined && Array.isArray(error.extra.allow)) {
    headers.Allow = (error.extra.allow as string[]).join(', ');
  }
  return { status: error.status, headers, body: body(error, requestId) };
};
