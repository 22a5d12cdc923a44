/**
 * Port types between the server and the surfaces (STYLE §2: `ir` defines them, `server` builds the
 * real ones and hands them to each surface's handler factory). Framework-neutral on purpose: a
 * surface never sees express, so it is tested with plain objects.
 */
import type { AuditQuery } from './types';
import type { ResultPage } from './rows';
import type { AuditError } from './AuditError';

export type Role =
  'atlan:read' | 'atlas:admin' | 'atomic:workbench' | 'ingest:write' | 'gateway:admin';
export const ROLES: readonly Role[] = [
  'atlan:read',
  'atlas:admin',
  'atomic:workbench',
  'ingest:write',
  'gateway:admin',
];

/** Row policy (DESIGN §3, spec/credentials.md §1.4). Absent rule or block: no restriction. */
export interface PolicyRules {
  readonly qualifiedNamePrefixes?: readonly string[];
  readonly typeNames?: readonly string[];
  readonly ownOnly?: boolean;
}
export interface Policy {
  readonly allow?: PolicyRules;
  readonly detail?: PolicyRules;
}

/** Who is asking: what authentication gives the rest of the request (spec/credentials.md §5.4). */
export interface Principal {
  readonly credentialId: string;
  readonly tenant: string;
  /** the credential's name: actor of its recorded requests, what `ownOnly` compares */
  readonly name: string;
  readonly kind: 'token' | 'password';
  readonly roles: readonly Role[];
  /** ordered environment list (family `request` only) */
  readonly environments: readonly string[];
  readonly policy: Policy;
  /** the scheme this request used */
  readonly scheme: 'bearer' | 'basic';
}

/** What a query targets beyond its family: the Atomic environment of the request, if any. */
export interface Target {
  readonly environment?: string;
}

export interface SearchContext {
  readonly principal: Principal;
  readonly target: Target;
}

/**
 * checkFields → scope(principal, query, target) → compile → run. Surfaces hand it a query with
 * `scope`/`detailScope` left as `all`; scope() always overwrites them.
 */
export type AuditSearch = (query: AuditQuery, ctx: SearchContext) => Promise<ResultPage>;

export type RequestBody =
  | { readonly kind: 'none' } // the route reads no body
  | { readonly kind: 'empty' } // zero bytes were sent
  | { readonly kind: 'json'; readonly value: unknown } // parsed; `null` stays null
  | { readonly kind: 'raw'; readonly bytes: Buffer; readonly contentType: string };

/** One HTTP request as a surface sees it: authenticated, body read, one `now` for the request. */
export interface SurfaceRequest {
  readonly method: string;
  /** path without the query string */
  readonly path: string;
  /** path template parameters, e.g. environmentId, guid */
  readonly params: Readonly<Record<string, string>>;
  /** raw query pairs in order (repeats kept: Atomic rejects them) */
  readonly query: readonly (readonly [string, string])[];
  /** lower-case header names */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: RequestBody;
  readonly principal: Principal;
  readonly requestId: string;
  /** epoch ms, read once per request (injectable clock) */
  readonly now: number;
}

export interface SurfaceResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** serialised as JSON */
  readonly body: unknown;
}

/** A route's handler. Errors are thrown as AuditError and rendered by the route's renderer. */
export type SurfaceHandler = (req: SurfaceRequest) => Promise<SurfaceResponse>;

/** Renders an AuditError in a surface's own shape (STYLE §3.9). */
export type ErrorRenderer = (
  error: AuditError,
  requestId: string,
) => { status: number; headers: Record<string, string>; body: unknown };
