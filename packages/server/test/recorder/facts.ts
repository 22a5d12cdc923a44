/** RequestFacts for recorder tests: an authenticated Atomic read unless overridden. */
import type { Principal } from '@audit-gateway/ir';
import type { RequestFacts } from '../../src/app/types';

export const WB: Principal = {
  credentialId: '0190f5a0-0000-7000-8000-00000000c0de',
  tenant: 'acme',
  name: 'wb',
  kind: 'token',
  roles: ['atomic:workbench'],
  environments: ['env-a'],
  policy: {},
  scheme: 'bearer',
};

export function facts(overrides: Partial<RequestFacts> = {}): RequestFacts {
  return {
    requestId: '0123456789abcdef',
    method: 'GET',
    path: '/v1/env-a/audit-log',
    query: [
      ['authType', 'workbench'],
      ['limit', '2'],
    ],
    status: 200,
    durationMs: 12.7344,
    ip: '::ffff:198.51.100.23',
    userAgent: 'curl/8.0',
    contentType: undefined,
    principal: WB,
    record: {
      source: 'atomic-api',
      resourceType: 'audit_log',
      action: 'read',
      description: 'List audit log entries',
    },
    body: undefined,
    bodyNote: undefined,
    environmentParam: 'env-a',
    completedAt: 1714557605123.9,
    ...overrides,
  };
}
