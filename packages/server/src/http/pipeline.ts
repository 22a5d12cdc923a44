/**
 * The whole request path on one screen (STYLE §3.5, §3.14): match → authenticate (+ rate limit) →
 * method and media type → body → parse-stage checks → role → handler. Each step throws an
 * AuditError that the error middleware renders in the matched route's own shape. The order is the
 * specs' (spec/atlan-auditsearch.md §1.4, spec/atlas-admin-audits.md §2.5, credentials §3.1).
 */
import type { Request, Response } from 'express';
import {
  AuditError,
  type Principal,
  type SurfaceRequest,
  type SurfaceResponse,
} from '@audit-gateway/ir';
import type { AppDeps, RequestHead } from '../app/types';
import { mediaTypeAccepted } from './mediaType';
import { readRawBody, toRequestBody } from './readBody';
import { matchRoute, type CompiledRoute } from './routeMatcher';
import { requestState } from './requestState';

/** The principal of routes without authentication (docs, health): no tenant's data is reachable. */
export const ANONYMOUS: Principal = Object.freeze({
  credentialId: '',
  tenant: '_system',
  name: '',
  kind: 'token',
  roles: [],
  environments: [],
  policy: {},
  scheme: 'bearer',
});

export async function runPipeline(
  compiled: readonly CompiledRoute[],
  deps: AppDeps,
  req: Request,
  res: Response,
): Promise<void> {
  const state = requestState(res);
  const match = matchRoute(compiled, req.method, state.path);
  const ip = req.ip ?? '';
  if (match.kind === 'none') {
    res.set(deps.authenticator.countUnauthenticated?.(ip) ?? {});
    throw new AuditError('AQ404', `No route for ${state.path}`);
  }
  const route = match.route;
  state.route = route;
  state.params = match.params;

  let principal = ANONYMOUS;
  if (route.auth.length > 0) {
    const outcome = await deps.authenticator
      .authenticate({
        authorization: authorizationHeader(req),
        ip,
        schemes: route.auth,
        surface: route.surface,
        rateLimited: route.rateLimited !== false,
      })
      .catch((e: unknown) => {
        // a credential over its own budget did authenticate: its 429 is recorded in its tenant
        const who = AuditError.is(e) ? e.extra.principal : undefined;
        if (isPrincipal(who)) state.principal = who;
        throw e;
      });
    principal = outcome.principal;
    state.principal = principal;
    res.set(outcome.headers);
  } else if (route.rateLimited !== false) {
    res.set(deps.authenticator.countUnauthenticated?.(ip) ?? {});
  }
  if (match.kind === 'method') {
    const allow = match.allow.join(', ');
    throw new AuditError(
      'AQ405',
      `Method ${req.method} is not allowed on ${state.path}; use ${allow}`,
      {
        headers: { Allow: allow },
        extra: { allow: match.allow },
      },
    );
  }

  const head: RequestHead = {
    method: req.method,
    path: state.path,
    params: match.params,
    query: state.query,
    headers: lowerCaseHeaders(req),
  };
  route.checkBeforeBody?.(head);
  const mediaTypes =
    route.body.mediaTypes ?? (route.body.kind === 'json' ? ['application/json'] : undefined);
  const contentType = req.headers['content-type'];
  if (mediaTypes && !mediaTypeAccepted(contentType, mediaTypes)) {
    throw new AuditError('AQ415', `Unsupported Media Type: ${contentType ?? '(none)'}`, {
      extra: { contentType: contentType ?? '(none)' },
    });
  }
  const bytes = await readRawBody(req, route.body.limitBytes ?? deps.config.bodyLimitBytes);
  state.body = bytes;
  const surfaceRequest: SurfaceRequest = {
    ...head,
    body: toRequestBody(route.body.kind, bytes, contentType ?? ''),
    principal,
    requestId: state.requestId,
    now: deps.clock(),
  };
  route.checkBeforeRole?.(surfaceRequest);
  if (route.role && !hasRole(principal, route.role)) {
    throw new AuditError('AQ403', `${principal.name} lacks the role ${route.role}`, {
      extra: { principal: principal.name, role: route.role, params: match.params },
    });
  }
  send(res, await route.handle(surfaceRequest));
}

/**
 * Node keeps only the first of repeated Authorization headers; the spec wants such a request to
 * fail without any verification (spec/credentials.md §5.1), so it gets a value no scheme accepts.
 */
function authorizationHeader(req: Request): string | undefined {
  let count = 0;
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i]?.toLowerCase() === 'authorization') count++;
  }
  return count > 1 ? 'Repeated-Authorization-Headers' : req.headers.authorization;
}

function isPrincipal(v: unknown): v is Principal {
  return typeof v === 'object' && v !== null && 'credentialId' in v && 'tenant' in v;
}

/** `gateway:admin` passes every role check (DESIGN §1.1). */
export function hasRole(principal: Principal, role: string): boolean {
  return principal.roles.some((r) => r === role || r === 'gateway:admin');
}

function lowerCaseHeaders(req: Request): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

export function send(res: Response, out: SurfaceResponse): void {
  res.status(out.status);
  if (out.headers) res.set(out.headers);
  if (out.body === undefined) res.end();
  else if (typeof out.body === 'string' && res.getHeader('Content-Type')) res.send(out.body);
  else if (res.getHeader('Content-Type')) res.send(JSON.stringify(out.body));
  else res.json(out.body);
}
