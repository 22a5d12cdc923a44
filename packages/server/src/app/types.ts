/**
 * The contracts inside packages/server: the route table row (DESIGN §1.1), the dependencies every
 * area's routes are built from, and the ports the middleware calls (authentication, recorder).
 */
import type {
  AuditSearch,
  ErrorRenderer,
  Principal,
  Role,
  SurfaceHandler,
  SurfaceRequest,
} from '@audit-gateway/ir';
import type { Db } from '@audit-gateway/store';
import type { Logger } from 'pino';
import type { Config } from '../config/Config';

export type AuthScheme = 'bearer' | 'basic';
export type Surface = 'atlan' | 'atlas' | 'atomic' | 'ingest' | 'gateway';
export type RecordSource = 'atlan-api' | 'atlas-api' | 'atomic-api' | 'ingest-api' | 'gateway-api';

/** What the recorder writes for requests on this route (spec/atomic-audit-log.md §9.4). */
export interface RecordSpec {
  readonly source: RecordSource;
  readonly resourceType: string;
  readonly action: string;
  readonly description: string;
}

export interface RouteBody {
  /**
   * none: the route reads no body. json: parsed (null kept, zero bytes → `{kind:'empty'}`,
   * malformed → 400, nesting over 128 → 400). raw: bytes and content type (ingest).
   */
  readonly kind: 'none' | 'json' | 'raw';
  /** defaults to config.bodyLimitBytes */
  readonly limitBytes?: number;
  /**
   * Accepted media types (lower case, parameters ignored except charset, which must be utf-8 when
   * present). Default for `json`: ['application/json']; for `none`/`raw`: any (not checked).
   */
  readonly mediaTypes?: readonly string[];
}

/** What the OpenAPI document at /docs says about a route. */
export interface RouteDoc {
  readonly summary: string;
  readonly description?: string;
  readonly tags?: readonly string[];
  /** JSON Schema of the request body */
  readonly requestBody?: Readonly<Record<string, unknown>>;
  /** query parameters: name → JSON Schema */
  readonly query?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** status → description (and optional JSON Schema) */
  readonly responses?: Readonly<
    Record<
      string,
      { readonly description: string; readonly schema?: Readonly<Record<string, unknown>> }
    >
  >;
}

/** A request before its body is read. */
export type RequestHead = Pick<SurfaceRequest, 'method' | 'path' | 'params' | 'query' | 'headers'>;

/** One row of the route table: routing, auth, role, error shape, body and recording in one place. */
export interface Route {
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** express-style templates, e.g. '/v1/:environmentId/audit-log'; a trailing slash also matches */
  readonly paths: readonly string[];
  readonly surface: Surface;
  /** [] = no authentication */
  readonly auth: readonly AuthScheme[];
  readonly role?: Role;
  readonly renderError: ErrorRenderer;
  readonly body: RouteBody;
  /**
   * checks of the request line and headers that must answer before the media type and the body
   * (spec/ingest.md §4.1 steps 3–4: query string, Idempotency-Key)
   */
  readonly checkBeforeBody?: (head: RequestHead) => void;
  /** parse-stage checks that must answer before the role check (spec/atlas-admin-audits.md §2.5) */
  readonly checkBeforeRole?: (req: SurfaceRequest) => void;
  /** false: never recorded (health, readiness, metrics) */
  readonly record: RecordSpec | false;
  /** false: not counted by the rate limiter */
  readonly rateLimited?: boolean;
  readonly handle: SurfaceHandler;
  readonly doc?: RouteDoc;
}

export interface AuthInput {
  /** the Authorization header as sent */
  readonly authorization: string | undefined;
  /** client IP (after trust-proxy resolution) */
  readonly ip: string;
  readonly schemes: readonly AuthScheme[];
  readonly surface: Surface;
  readonly rateLimited: boolean;
}

export interface AuthOutcome {
  readonly principal: Principal;
  /** e.g. RateLimit-* headers to add to the response */
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Authentication and rate limiting (spec/credentials.md §5, §7). Throws AuditError: AQ401 with a
 * WWW-Authenticate header, or AQ429 with Retry-After and RateLimit-* headers.
 */
export interface Authenticator {
  authenticate(input: AuthInput): Promise<AuthOutcome>;
  /**
   * Counts a request that never authenticates (`/docs`, an unknown path) against the client IP
   * (spec/credentials.md §7.1). Returns RateLimit-* headers, or throws AQ429.
   */
  countUnauthenticated?(ip: string): Readonly<Record<string, string>>;
}

/** Everything the middleware knows about a finished request; the recorder turns it into an entry. */
export interface RequestFacts {
  readonly requestId: string;
  readonly method: string;
  /** path without the query string */
  readonly path: string;
  /** raw query pairs in order */
  readonly query: readonly (readonly [string, string])[];
  readonly status: number;
  readonly durationMs: number;
  readonly ip: string;
  readonly userAgent: string | undefined;
  readonly contentType: string | undefined;
  /** undefined: unauthenticated */
  readonly principal: Principal | undefined;
  /** the matched route's record spec; undefined when no route matched */
  readonly record: RecordSpec | undefined;
  /** the request body as read (undefined: not read) */
  readonly body: Buffer | undefined;
  /** why the body was not read (e.g. 'not read: unauthenticated') */
  readonly bodyNote: string | undefined;
  /** environment path parameter, when the route has one */
  readonly environmentParam: string | undefined;
  /** epoch ms at completion */
  readonly completedAt: number;
  /**
   * false when the client closed the connection before the response headers were sent: recorded
   * as status 499 (spec/atomic-audit-log.md §9.3). Undefined counts as sent.
   */
  readonly headersSent?: boolean;
}

export interface Recorder {
  record(facts: RequestFacts): void;
  /** writes everything buffered */
  flush(): Promise<void>;
  /** flushes and stops the timer */
  close(): Promise<void>;
}

/** What each area's routes are built from (one composition root: createDeps). */
export interface AppDeps {
  readonly config: Config;
  readonly db: Db;
  readonly log: Logger;
  /** epoch ms; injectable for tests */
  readonly clock: () => number;
  readonly search: AuditSearch;
  readonly authenticator: Authenticator;
  readonly recorder: Recorder;
}
