/**
 * Atomic audit-log entries: Workbench, SDK and customer API traffic with realistic auth objects,
 * URLs, query objects and JSON payload text. Ids imitate Atomic's (timestamp text + hex digest).
 */
import { instant, type GenerateOptions } from './GenerateOptions';
import type { Rng } from './Rng';
import { Zipf } from './Zipf';

const ROUTES = [
  [
    'POST',
    '/v1/{env}/action-flow/{id}/start',
    'action_flow',
    'create',
    'Start an action flow',
    'customer-api',
  ],
  ['GET', '/v1/{env}/cards', 'card', 'read', 'List cards', 'client-api'],
  ['POST', '/v1/{env}/cards/{id}/actions', 'card', 'update', 'Submit a card action', 'client-api'],
  [
    'GET',
    '/v1/{env}/card-templates',
    'card_template',
    'read',
    'List card templates',
    'workbench-api',
  ],
  [
    'PUT',
    '/v1/{env}/card-templates/{id}',
    'card_template',
    'update',
    'Save a card template',
    'workbench-api',
  ],
  ['DELETE', '/v1/{env}/card-templates/{id}', 'card_template', 'delete', null, 'workbench-api'],
  ['POST', '/v1/{env}/events', 'event', 'create', 'Send an event', 'customer-api'],
] as const;

export function* generateAtomic(o: GenerateOptions, rng: Rng): Generator<Record<string, unknown>> {
  const clients = new Zipf(60);
  const envZipf = new Zipf(o.environments.length, 1.5);
  for (let i = 0; i < o.atomic; i++) {
    const createdMs = instant(o, i, o.atomic, rng.next());
    const [method, template, resource, action, description, source] = rng.pick(ROUTES);
    const env = o.environments[envZipf.draw(rng)]!;
    const c = clients.draw(rng);
    const auth =
      source === 'workbench-api'
        ? {
            type: 'workbench',
            sub: `auth0|${c}`,
            appClientId: `app-${c % 7}`,
            accountId: `acc-${c % 3}`,
          }
        : source === 'client-api'
          ? { type: 'client', userId: `u-${c}` }
          : rng.next() < 0.9
            ? { type: 'clientCredentials', clientId: `client-${c}` }
            : { type: 'signedPayload', connectorId: `k-${c % 5}` };
    const status = rng.weighted([
      [200, 80],
      [201, 8],
      [204, 4],
      [400, 4],
      [404, 3],
      [500, 1],
    ] as const);
    const payload =
      method === 'GET' || method === 'DELETE'
        ? null
        : JSON.stringify({
            flows: [
              {
                target: { type: 'user', targetUserIds: [`u-${rng.int(1000)}`] },
                payload: { amount: rng.int(500) },
              },
            ],
          });
    yield {
      id: `${createdMs}-${rng.hex(16)}`,
      url: template.replace('{env}', env).replace('{id}', rng.hex(8)),
      status,
      auth,
      ip: rng.next() < 0.95 ? `203.0.113.${1 + rng.int(250)}` : null,
      userAgent: rng.pick([
        'atomic-client/1.0',
        'Mozilla/5.0 (Macintosh)',
        'python-requests/2.31',
        null,
      ]),
      method,
      query: method === 'GET' ? { limit: String(10 + rng.int(90)) } : {},
      payload,
      source,
      ...(o.tenant === undefined ? {} : { organisationId: o.tenant }),
      environmentId: env,
      time: Math.round(rng.next() * 40000) / 100,
      resource: { type: resource },
      action: { type: action, description },
      created: new Date(createdMs).toISOString(),
    };
  }
}
