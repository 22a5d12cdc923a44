import { ERROR_CODES, type ErrorCode } from './errorCodes';

/** One problem with one part of a request, for surfaces that list every bad input. */
export interface ErrorDetail {
  readonly path: string;
  readonly message: string;
  readonly code?: string;
}

export interface AuditErrorOptions {
  /** the surface's own code and message when it differs from the catalogue's (e.g. ATLAS-400-00-023) */
  readonly native?: { readonly code?: string; readonly message?: string; readonly status?: number };
  readonly details?: readonly ErrorDetail[];
  readonly headers?: Readonly<Record<string, string>>;
  readonly cause?: unknown;
  /** anything else a renderer needs (e.g. Allow methods) */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** The one error family of the gateway: every 4xx/5xx a surface renders starts as one of these. */
export class AuditError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly native: AuditErrorOptions['native'];
  readonly details: readonly ErrorDetail[];
  readonly headers: Readonly<Record<string, string>>;
  readonly extra: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, options: AuditErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AuditError';
    this.code = code;
    this.status = options.native?.status ?? ERROR_CODES[code].status;
    this.native = options.native;
    this.details = options.details ?? [];
    this.headers = options.headers ?? {};
    this.extra = options.extra ?? {};
  }

  /** A parser or compiler invariant broke: a bug, never the caller's fault. */
  static bug(message: string): AuditError {
    return new AuditError('AQ500', `internal error: ${message}`);
  }

  static is(e: unknown): e is AuditError {
    return e instanceof AuditError;
  }
}
