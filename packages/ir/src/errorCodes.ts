/**
 * The gateway's error catalogue (STYLE §3.9). Append only: a retired code stays as a comment and is
 * never reused, because clients and alerts key on codes. Surfaces render these in their own shapes.
 */
export const ERROR_CODES = {
  AQ100: { status: 400, title: 'request does not match schema' },
  AQ101: { status: 400, title: 'unsupported clause or operator' },
  AQ110: { status: 400, title: 'unknown field' },
  AQ120: { status: 400, title: 'cursor is not valid' },
  AQ121: { status: 400, title: "request differs from the cursor's query" },
  AQ140: { status: 400, title: 'unknown query parameter' },
  AQ141: { status: 400, title: 'repeated query parameter' },
  AQ150: { status: 400, title: 'malformed request body' },
  AQ151: { status: 400, title: 'malformed idempotency key' },
  AQ152: { status: 422, title: 'idempotency key reused with a different body' },
  AQ160: { status: 409, title: 'credential name already taken' },
  AQ161: { status: 404, title: 'no such credential' },
  // AQ400: retired (was: malformed request body, before the specs named it AQ150); never reuse
  AQ401: { status: 401, title: 'authentication required' },
  AQ403: { status: 403, title: 'role missing' },
  AQ404: { status: 404, title: 'no such route' },
  AQ405: { status: 405, title: 'method not allowed' },
  AQ409: { status: 409, title: 'idempotency key in flight' },
  AQ413: { status: 413, title: 'request body too large' },
  AQ415: { status: 415, title: 'unsupported media type' },
  AQ422: { status: 422, title: 'records are invalid' },
  AQ429: { status: 429, title: 'too many requests' },
  AQ430: { status: 403, title: 'environment not accessible' },
  AQ431: { status: 403, title: 'tenant not accessible' },
  AQ432: { status: 403, title: 'credential management needs an unrestricted credential' },
  AQ500: { status: 500, title: 'internal error' },
  AQ503: { status: 503, title: 'database unavailable' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
