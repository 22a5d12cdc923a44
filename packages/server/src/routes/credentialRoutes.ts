/** The credential rows of the route table (DESIGN §1.1, spec/credentials.md §3). */
import { renderProblem } from '@audit-gateway/ir';
import type { AppDeps, Route } from '../app/types';
import { createCredentialHandlers, requireObjectBody } from '../credentials/managementHandlers';

const COLLECTION = '/api/v1/credentials';

export function credentialRoutes(deps: AppDeps): Route[] {
  const handlers = createCredentialHandlers({ db: deps.db, clock: deps.clock });
  const base = {
    surface: 'gateway',
    auth: ['bearer'],
    role: 'gateway:admin',
    renderError: renderProblem, // problem+json (spec/credentials.md §3.5)
  } as const;
  const record = (action: string, description: string) =>
    ({ source: 'gateway-api', resourceType: 'credential', action, description }) as const;
  return [
    {
      ...base,
      method: 'GET',
      paths: [COLLECTION],
      body: { kind: 'none' },
      record: record('read', 'List credentials'),
      doc: {
        summary: "List the caller's tenant's credentials, revoked ones included",
        tags: ['credentials'],
        responses: { 200: { description: '{"data":[credential views]}' } },
      },
      handle: handlers.list,
    },
    {
      ...base,
      method: 'POST',
      paths: [COLLECTION],
      body: { kind: 'json' },
      checkBeforeRole: requireObjectBody,
      record: record('create', 'Create a credential'),
      doc: {
        summary: "Create a credential in the caller's tenant; the secret is shown once",
        tags: ['credentials'],
        requestBody: {
          type: 'object',
          additionalProperties: false,
          required: ['name', 'roles'],
          properties: {
            name: { type: 'string' },
            kind: { enum: ['token', 'password'] },
            roles: { type: 'array', items: { type: 'string' } },
            environments: { type: 'array', items: { type: 'string' } },
            policy: { type: 'object' },
            tenant: { type: 'string' },
          },
          examples: [{ name: 'ingest-job', roles: ['ingest:write'], environments: ['env-a'] }],
        },
        responses: { 201: { description: 'the credential view plus `token` or `password`' } },
      },
      handle: handlers.create,
    },
    {
      ...base,
      method: 'DELETE',
      paths: [`${COLLECTION}/:id`],
      body: { kind: 'none' },
      record: record('delete', 'Revoke a credential'),
      doc: {
        summary: 'Revoke a credential (soft: the row and its name stay)',
        tags: ['credentials'],
        responses: { 200: { description: 'the credential view' } },
      },
      handle: handlers.revoke,
    },
  ];
}
