/**
 * The gateway's error catalogue (STYLE §3.9). Append only: a retired code stays as a comment and is
 * never reused, because clients and alerts key on codes. Surfaces render these in their own shapes.
 */
export const ERROR_CODES = {
  AQ100: { status: 400, title: 'request does not match schema' },
  AQ101: { status: 400, title: 'unsupported clause or operator' },
  AQ110: { status: 400, title: 'unknown field' },
  AQ120: { status: 400, title: 'invalid cursor' },
  AQ121: { status: 400, title: 'cursor does not match the request' },
  AQ140: { status: 400, title: 'unknown parameter' },
  AQ141: { status: 400, title: 'repeated parameter' },
  AQ400: { status: 400, title: 'malformed request body' },
  AQ401: { status: 401, title: 'authentication required' },
  AQ403: { status: 403, title: 'forbidden' },
  AQ404: { status: 404, title: 'not found' },
  AQ405: { status: 405, title: 'method not allowed' },
  AQ409: { status: 409, title: 'conflict' },
  AQ413: { status: 413, title: 'payload too large' },
  AQ415: { status: 415, title: 'unsupported media type' },
  AQ422: { status: 422, title: 'validation failed' },
  AQ429: { status: 429, title: 'too many requests' },
  AQ430: { status: 403, title: 'environment not allowed' },
  AQ500: { status: 500, title: 'internal error' },
  AQ503: { status: 503, title: 'database unavailable' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
