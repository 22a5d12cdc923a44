import type { Principal } from '@audit-gateway/ir';

/** A principal literal for unit tests of scope(); HTTP tests use real credentials instead. */
export function principal(overrides: Partial<Principal> = {}): Principal {
  return {
    credentialId: '0193a4c2-7b1e-7c3d-9f00-1a2b3c4d5e6f',
    tenant: 'acme',
    name: 'alice',
    kind: 'token',
    roles: ['atlan:read'],
    environments: ['env-a', 'env-b'],
    policy: {},
    scheme: 'bearer',
    ...overrides,
  };
}
