import { PAYLOAD_CAP_BYTES, capPayload, recordedPayload } from '../../src/recorder/recordedPayload';
import { isSecretKey, redactSecrets } from '../../src/recorder/redactSecrets';
import { queryObject } from '../../src/recorder/queryObject';
import { toRequestEvent } from '../../src/recorder/toRequestEvent';
import { WB, facts } from './facts';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const json = (s: string) => Buffer.from(s, 'utf8');

describe('toRequestEvent (§9.2-§9.5)', () => {
  it('an authenticated Atomic read: _gateway of its tenant, clientCredentials auth, ms created', () => {
    const row = toRequestEvent(facts());
    expect(row).toMatchObject({
      tenant: 'acme',
      environment: '_gateway',
      family: 'request',
      actor: 'wb',
      action: 'read',
      url: '/v1/env-a/audit-log',
      method: 'GET',
      ip: '198.51.100.23',
      user_agent: 'curl/8.0',
      source: 'atomic-api',
      auth_type: 'clientCredentials',
      resource_type: 'audit_log',
      action_description: 'List audit log entries',
      payload: null,
      status: 200,
      duration_ms: 12.734,
    });
    expect(JSON.parse(row.auth ?? 'null')).toEqual({
      type: 'clientCredentials',
      clientId: WB.credentialId,
      scheme: 'bearer',
    });
    expect(JSON.parse(row.query)).toEqual({ authType: 'workbench', limit: '2' });
    expect(row.recorded_at.toISOString()).toBe('2024-05-01T10:00:05.123Z'); // truncated, not rounded
    expect(row.external_id).toMatch(UUID_V7);
    expect(row.natural_key).toBe(row.external_id);
    expect(row.id).not.toBe(row.external_id);
  });

  it('basic credentials keep scheme basic; unauthenticated requests go to _system with auth null', () => {
    expect(
      JSON.parse(toRequestEvent(facts({ principal: { ...WB, scheme: 'basic' } })).auth ?? ''),
    ).toMatchObject({ scheme: 'basic' });
    const anon = toRequestEvent(facts({ principal: undefined, status: 401 }));
    expect(anon).toMatchObject({
      tenant: '_system',
      environment: '_gateway',
      auth: null,
      auth_type: null,
      actor: null,
      status: 401,
    });
  });

  it('unmatched paths, unserved methods and aborted requests', () => {
    expect(
      toRequestEvent(facts({ record: undefined, path: '/no-such-path', status: 404 })),
    ).toMatchObject({
      source: 'gateway-api',
      resource_type: 'unknown',
      action: 'unknown',
      action_description: 'No matching route',
    });
    expect(toRequestEvent(facts({ method: 'POST', status: 405 }))).toMatchObject({
      source: 'atomic-api',
      resource_type: 'audit_log',
      action: 'unknown',
      action_description: 'Method not allowed',
    });
    expect(toRequestEvent(facts({ headersSent: false })).status).toBe(499);
    expect(toRequestEvent(facts({ ip: '' })).ip).toBeNull();
    expect(toRequestEvent(facts({ ip: '2001:db8::1' })).ip).toBe('2001:db8::1');
  });
});

describe('redaction (§9.6)', () => {
  it.each([
    'password',
    'apiKey',
    'api_key',
    'access_token',
    'clientSecret',
    'X-Api-Key',
    'maxTokens',
    'Session.Id',
    'private key',
  ])('%s is secret', (k) => expect(isSecretKey(k)).toBe(true));
  it.each(['dsl', 'ok', 'limit', 'user', 'auth'])('%s is not', (k) =>
    expect(isSecretKey(k)).toBe(false),
  );

  it('replaces whole values at any depth, inside arrays too', () => {
    expect(
      redactSecrets({
        a: [{ token: { x: 1 } }, { b: { apiKey: ['k'] } }],
        password: null,
        ok: 'secret-looking value',
      }),
    ).toEqual({
      a: [{ token: '[REDACTED]' }, { b: { apiKey: '[REDACTED]' } }],
      password: '[REDACTED]',
      ok: 'secret-looking value',
    });
  });

  it('query: repeats become arrays, a bare key is "", secrets redacted', () => {
    expect(queryObject([...new URLSearchParams('access_token=abc&a=1&a=2&flag')])).toEqual({
      access_token: '[REDACTED]',
      a: ['1', '2'],
      flag: '',
    });
    expect(queryObject([])).toEqual({});
    expect(Object.keys(queryObject([['__proto__', 'x']]) as object)).toEqual(['__proto__']);
  });
});

describe('payload (§9.6)', () => {
  it('case 31 shape: JSON is redacted and compact', () => {
    const body = json('{"dsl":{},"password":"hunter2","nested":{"clientSecret":"x","ok":1}}');
    expect(
      JSON.parse(recordedPayload({ body, contentType: 'application/json; charset=utf-8' }) ?? ''),
    ).toEqual({
      dsl: {},
      password: '[REDACTED]',
      nested: { clientSecret: '[REDACTED]', ok: 1 },
    });
    expect(
      recordedPayload({
        body: json('{"dsl": {"size": 1}}'),
        contentType: 'application/vnd.x+json',
      }),
    ).toBe('{"dsl":{"size":1}}');
  });

  it('ndjson and forms', () => {
    expect(
      recordedPayload({
        body: json('{"a":1,"token":"t"}\n\n{"b":2}\n'),
        contentType: 'application/x-ndjson',
      }),
    ).toBe('{"a":1,"token":"[REDACTED]"}\n{"b":2}');
    expect(
      recordedPayload({
        body: json('a=1&a=2&password=p'),
        contentType: 'application/x-www-form-urlencoded',
      }),
    ).toBe('{"a":["1","2"],"password":"[REDACTED]"}');
  });

  it('no body is null; unread, unparsable and other types are markers', () => {
    expect(recordedPayload({ body: undefined, contentType: undefined })).toBeNull();
    expect(recordedPayload({ body: Buffer.alloc(0), contentType: 'application/json' })).toBeNull();
    expect(
      JSON.parse(recordedPayload({ body: undefined, contentType: 'application/json' }) ?? ''),
    ).toEqual({
      _unrecorded: 'not-read',
      contentType: 'application/json',
      bytes: null,
    });
    expect(
      JSON.parse(recordedPayload({ body: json('{"a":'), contentType: 'application/json' }) ?? ''),
    ).toEqual({
      _unrecorded: 'unparsable',
      contentType: 'application/json',
      bytes: 5,
    });
    expect(
      JSON.parse(recordedPayload({ body: json('password=x'), contentType: 'text/plain' }) ?? ''),
    ).toEqual({
      _unrecorded: 'unsupported-content-type',
      contentType: 'text/plain',
      bytes: 10,
    });
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(
      JSON.parse(recordedPayload({ body: json(deep), contentType: 'application/json' }) ?? '')
        ._unrecorded,
    ).toBe('unparsable');
  });

  it('case 32 shape: capped at 64 KiB at a character boundary, with the marker', () => {
    const records = Array.from({ length: 2000 }, (_, i) => ({
      id: `é-${i}`,
      note: '€'.repeat(30),
    }));
    const body = json(JSON.stringify({ records }));
    const out = recordedPayload({ body, contentType: 'application/json' }) ?? '';
    expect(Buffer.byteLength(out, 'utf8')).toBeLessThanOrEqual(PAYLOAD_CAP_BYTES);
    expect(Buffer.byteLength(out, 'utf8')).toBeGreaterThan(PAYLOAD_CAP_BYTES - 4);
    expect(out.endsWith(`...[truncated; request body was ${body.length} bytes]`)).toBe(true);
    expect(out).not.toContain('\uFFFD');
    expect(capPayload('short', 5)).toBe('short');
  });
});
