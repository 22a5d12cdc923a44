/**
 * The body of `POST /api/v1/credentials` (spec/credentials.md §3.2) → a CredentialSpec in the
 * caller's tenant. Every problem is reported together as AQ100 with RFC 6901 pointers; a `tenant`
 * member other than the caller's is AQ431, checked only once the body is otherwise valid (step 10).
 */
import { AuditError } from '@audit-gateway/ir';
import type { CredentialKind, CredentialSpec } from './types';
import {
  checkEnvironments,
  checkName,
  checkPolicy,
  checkRoles,
  escapePointer,
  sortProblems,
  type Problem,
} from './validateCredential';

const MEMBERS = ['name', 'kind', 'roles', 'environments', 'policy', 'tenant'];

export function parseCreateBody(
  body: Record<string, unknown>,
  callerTenant: string,
): CredentialSpec {
  const problems: Problem[] = [];
  // `null` for an optional member means absent
  const present = (key: string) => Object.hasOwn(body, key) && body[key] !== null;

  for (const key of Object.keys(body)) {
    if (!MEMBERS.includes(key)) {
      problems.push({
        pointer: `/${escapePointer(key)}`,
        reason: `is not a member; use ${MEMBERS.join(', ')}`,
      });
    }
  }
  if (!Object.hasOwn(body, 'name')) problems.push({ pointer: '/name', reason: 'is required' });
  else checkName(body.name, '/name', problems);

  let kind: CredentialKind = 'token';
  if (present('kind')) {
    if (body.kind === 'token' || body.kind === 'password') kind = body.kind;
    else problems.push({ pointer: '/kind', reason: 'must be "token" or "password"' });
  }
  const roles = Object.hasOwn(body, 'roles')
    ? checkRoles(body.roles, '/roles', problems)
    : (problems.push({ pointer: '/roles', reason: 'is required' }), []);
  const environments = present('environments')
    ? checkEnvironments(body.environments, '/environments', problems)
    : [];
  const policy = present('policy') ? checkPolicy(body.policy, '/policy', problems) : {};
  if (present('tenant') && typeof body.tenant !== 'string') {
    problems.push({ pointer: '/tenant', reason: 'must be a string' });
  }

  if (problems.length > 0) {
    const sorted = sortProblems(problems);
    throw new AuditError(
      'AQ100',
      `The request body has ${sorted.length} problem(s): ${describe(sorted)}`,
      {
        extra: { errors: sorted },
      },
    );
  }
  if (present('tenant') && body.tenant !== callerTenant) {
    throw new AuditError(
      'AQ431',
      'Credentials can only be created in the tenant of the calling credential',
      {
        extra: { tenant: body.tenant },
      },
    );
  }
  return { tenant: callerTenant, name: body.name as string, kind, roles, environments, policy };
}

function describe(problems: readonly Problem[]): string {
  return problems.map((p) => `${p.pointer} ${p.reason}`).join('; ');
}
