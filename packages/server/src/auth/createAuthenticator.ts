/**
 * Authentication and the rate limiter in one step (spec/credentials.md §5, §7). The answers are
 * AuditErrors the route's renderer shapes: AQ401 with WWW-Authenticate, AQ429 with Retry-After;
 * every counted answer carries RateLimit-* for its key. On one route and scheme, an unknown
 * credential, a wrong password, a revoked credential and a malformed header answer alike.
 */
import { AuditError, type Principal } from '@audit-gateway/ir';
import type { Db } from '@audit-gateway/store';
import type { Logger } from 'pino';
import type { AuthInput, AuthOutcome, Authenticator, AuthScheme, Surface } from '../app/types';
import type { Config } from '../config/Config';
import type { CredentialRow } from '../credentials/types';
import { BasicVerificationCache } from './basicVerificationCache';
import { createBearerStrategy } from './bearerStrategy';
import { challenge } from './challenges';
import { LastUsedTracker } from './lastUsedTracker';
import { limiterName, parseAuthorization } from './parseAuthorization';
import { rateLimitHeaders, RateLimiter, type WindowState } from './rateLimiter';
import { runStrategy } from './runStrategy';
import { verifyBasic } from './verifyBasic';

export interface AuthenticatorDeps {
  readonly db: Db;
  readonly config: Config;
  readonly clock: () => number;
  readonly log: Logger;
  /** counts failed logins (metric audit_gateway_auth_failures_total, labelled by surface only) */
  readonly onFailure?: (surface: Surface) => void;
}

/** The Authenticator plus the limiter's count for requests that never authenticate (§7.1). */
export interface GatewayAuthenticator extends Authenticator {
  /**
   * Counts a request to `/docs` or an unknown path against (IP, ""). Returns the RateLimit-*
   * headers to add, or throws AQ429.
   */
  countUnauthenticated(ip: string): Readonly<Record<string, string>>;
}

export function createAuthenticator(deps: AuthenticatorDeps): GatewayAuthenticator {
  const { db, config, clock, log } = deps;
  const limiter = new RateLimiter(clock);
  const cache = new BasicVerificationCache(clock);
  const lastUsed = new LastUsedTracker(db, clock, log);
  const bearer = createBearerStrategy(db);
  /** Basic verifications running now, per (IP, name) key */
  const verifying = new Map<string, number>();
  const credentialBudget = config.rateLimitPerMinute;
  const anonymousBudget = Math.max(1, Math.floor(config.rateLimitPerMinute / 10));
  const limiting = (input: { rateLimited: boolean }) => credentialBudget > 0 && input.rateLimited;

  /** Counts a failure against (IP, name): 401 in budget, 429 beyond it. */
  function fail(input: AuthInput, name: string, invalidToken: boolean): never {
    deps.onFailure?.(input.surface);
    let headers: Record<string, string> = {};
    if (limiting(input)) {
      const s = limiter.hit(anonymousKey(input.ip, name), anonymousBudget);
      if (!s.allowed) throw tooMany(s);
      headers = rateLimitHeaders(s);
    }
    throw new AuditError('AQ401', unauthenticatedMessage(input.schemes), {
      headers: { ...headers, 'WWW-Authenticate': challenge(input.schemes, invalidToken) },
    });
  }

  function succeed(input: AuthInput, row: CredentialRow, scheme: AuthScheme): AuthOutcome {
    let headers: Record<string, string> = {};
    if (limiting(input)) {
      const s = limiter.hit(`credential\n${row.id}`, credentialBudget);
      // the request did authenticate: the recorder files this 429 under the credential's tenant
      if (!s.allowed) throw tooMany(s, toPrincipal(row, scheme));
      headers = rateLimitHeaders(s);
    }
    lastUsed.touch(row.id);
    return { principal: toPrincipal(row, scheme), headers };
  }

  return {
    async authenticate(input) {
      const parsed = parseAuthorization(input.authorization);
      if (parsed.scheme === 'basic' && input.schemes.includes('basic')) {
        const name = parsed.pair?.name ?? '';
        const key = anonymousKey(input.ip, name);
        // checked before any verification: no budget left means no scrypt, even for the right
        // password. Verifications in flight hold budget too, so parallel guesses cannot overshoot it.
        if (limiting(input)) {
          const s = limiter.peek(key, anonymousBudget, verifying.get(key) ?? 0);
          if (!s.allowed) throw tooMany(s);
        }
        verifying.set(key, (verifying.get(key) ?? 0) + 1);
        let row: CredentialRow | undefined;
        try {
          row =
            parsed.pair && (await verifyBasic(db, cache, parsed.pair.name, parsed.pair.password));
        } finally {
          const left = (verifying.get(key) ?? 1) - 1;
          if (left > 0) verifying.set(key, left);
          else verifying.delete(key);
        }
        return row ? succeed(input, row, 'basic') : fail(input, name, false);
      }
      if (parsed.scheme === 'bearer' && input.schemes.includes('bearer')) {
        if (parsed.token === undefined) return fail(input, '', true);
        const result = await runStrategy(bearer, `Bearer ${parsed.token}`);
        return result.ok
          ? succeed(input, result.user as CredentialRow, 'bearer')
          : fail(input, '', true);
      }
      // no header, another scheme, or a scheme this route does not take: no verification at all
      return fail(input, '', false);
    },

    countUnauthenticated(ip) {
      if (credentialBudget === 0) return {};
      const s = limiter.hit(anonymousKey(ip, ''), anonymousBudget);
      if (!s.allowed) throw tooMany(s);
      return rateLimitHeaders(s);
    },
  };
}

function anonymousKey(ip: string, name: string): string {
  return `anonymous\n${ip}\n${limiterName(name)}`;
}

/** `extra.principal`: set when the request authenticated and only the budget was exceeded. */
function tooMany(s: WindowState, principal?: Principal): AuditError {
  return new AuditError('AQ429', `Too many requests; retry after ${s.resetSeconds} seconds`, {
    headers: { ...rateLimitHeaders(s), 'Retry-After': String(s.resetSeconds) },
    extra: { retryAfterSeconds: s.resetSeconds, ...(principal ? { principal } : {}) },
  });
}

// one text per route family, whatever went wrong, so a 401 never says which check failed
function unauthenticatedMessage(schemes: readonly AuthScheme[]): string {
  return schemes.includes('basic')
    ? 'Authentication required: send valid Basic credentials or a gateway token as "Authorization: Bearer <token>"'
    : 'Authentication required: send a valid gateway token as "Authorization: Bearer <token>"';
}

function toPrincipal(row: CredentialRow, scheme: AuthScheme): Principal {
  return {
    credentialId: row.id,
    tenant: row.tenant,
    name: row.name,
    kind: row.kind,
    roles: row.roles,
    environments: row.environments,
    policy: row.policy,
    scheme,
  };
}
