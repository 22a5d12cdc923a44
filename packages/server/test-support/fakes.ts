/**
 * Test fakes (STYLE §3.14: fakes over mocks). They implement the server's ports with in-memory
 * behaviour that is real enough to test the pipeline around them; the real implementations have
 * their own tests.
 */
import { AuditError, type AuditSearch, type Principal } from '@audit-gateway/ir';
import type {
  AuthInput,
  AuthOutcome,
  Authenticator,
  Recorder,
  RequestFacts,
} from '../src/app/types';

export function principal(overrides: Partial<Principal> = {}): Principal {
  return {
    credentialId: '00000000-0000-7000-8000-000000000001',
    tenant: 'acme',
    name: 'tester',
    kind: 'token',
    roles: ['gateway:admin'],
    environments: [],
    policy: {},
    scheme: 'bearer',
    ...overrides,
  };
}

/** Accepts `Bearer <token>` for the tokens it was given. */
export class FakeAuthenticator implements Authenticator {
  readonly seen: AuthInput[] = [];
  /** client IPs counted by countUnauthenticated */
  readonly anonymous: string[] = [];
  constructor(private readonly tokens: Readonly<Record<string, Principal>>) {}
  authenticate(input: AuthInput): Promise<AuthOutcome> {
    this.seen.push(input);
    const m = /^Bearer (.+)$/i.exec(input.authorization ?? '');
    const found = m?.[1] === undefined ? undefined : this.tokens[m[1]];
    if (!found) {
      return Promise.reject(
        new AuditError('AQ401', 'authentication required', {
          headers: { 'WWW-Authenticate': 'Bearer realm="audit-gateway"' },
        }),
      );
    }
    return Promise.resolve({ principal: found, headers: {} });
  }
  countUnauthenticated(ip: string): Readonly<Record<string, string>> {
    this.anonymous.push(ip);
    return { 'RateLimit-Remaining': '59' };
  }
}

export class MemoryRecorder implements Recorder {
  readonly facts: RequestFacts[] = [];
  record(facts: RequestFacts): void {
    this.facts.push(facts);
  }
  flush(): Promise<void> {
    return Promise.resolve();
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** A search that must not be reached by the test at hand. */
export const unreachableSearch: AuditSearch = () =>
  Promise.reject(AuditError.bug('search was not expected here'));
