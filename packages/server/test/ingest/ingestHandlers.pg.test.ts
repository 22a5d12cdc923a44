/**
 * spec/ingest.md §11.2 conformance cases, through the ingest handlers with plain SurfaceRequests and
 * a real PostgreSQL. Reads go straight to the tables; the surfaces' own tests cover rendering.
 */
import { useTestDatabase } from '../../../store/test-support/testDatabase';
import { A1, atomicEntry, L1, L2, L3 } from './atlanFixture';
import { ndjson, ROOT, send, SYS_ING, T0 } from './ingestRequest';

const db = useTestDatabase();

async function count(sql: string, bindings: unknown[] = []): Promise<number> {
  const { rows } = await db().raw<{ rows: { n: string }[] }>(sql, bindings as string[]);
  return Number(rows[0]?.n);
}

async function reset(): Promise<void> {
  await db().raw(
    'TRUNCATE audit_events, entities, entity_headers, typedefs, idempotency_keys RESTART IDENTITY',
  );
}

const atlasGuid = (n: number): string =>
  `aaaaaaaa-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

describe('ingest conformance (spec/ingest.md §11.2)', () => {
  beforeEach(reset);

  it('case 1: a valid JSON array', async () => {
    const r = await send(db(), 'atlan', [L1, L2, L3]);
    expect(r).toMatchObject({ status: 200, body: { ingested: 3, duplicates: 0 } });
    const { rows } = await db().raw<{ rows: { action: string }[] }>(
      "SELECT action FROM audit_events WHERE tenant = 'acme' AND entity_id = 'g1' ORDER BY recorded_at DESC",
    );
    expect(rows.map((x) => x.action)).toEqual(['ENTITY_UPDATE', 'ENTITY_CREATE']);
  });

  it('case 2: NDJSON with CRLF, a blank line and no final newline', async () => {
    const body = `${JSON.stringify(L1)}\r\n\r\n${JSON.stringify(L2)}\r\n${JSON.stringify(L3)}`;
    const r = await send(db(), 'atlan', body, { contentType: 'application/x-ndjson' });
    expect(r).toMatchObject({ status: 200, body: { ingested: 3, duplicates: 0 } });
  });

  it('case 3: resending is safe', async () => {
    await send(db(), 'atlan', [L1, L2, L3]);
    const r = await send(db(), 'atlan', [L1, L2, L3]);
    expect(r.body).toEqual({ ingested: 0, duplicates: 3 });
    expect(await count("SELECT count(*) AS n FROM audit_events WHERE entity_id = 'g1'")).toBe(2);
  });

  it('case 4: partial duplicates and duplicates within a batch', async () => {
    await send(db(), 'atlan', [L1, L2, L3]);
    const L4 = {
      ...L3,
      action: 'LABEL_ADD',
      timestamp: T0 + 700,
      created: T0 + 702,
      detail: { labels: 'gold' },
    };
    const r = await send(db(), 'atlan', [L1, L4, L4]);
    expect(r.body).toEqual({ ingested: 1, duplicates: 2 });
  });

  it('case 5: one bad record in 1000 writes nothing', async () => {
    const batch = Array.from({ length: 1000 }, (_, i) =>
      atomicEntry(`m${String(i).padStart(4, '0')}`),
    );
    const bad = batch.map((e, i) => (i === 537 ? { ...e, status: '200' } : e));
    const r = await send(db(), 'atomic', bad);
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({
      type: 'urn:audit-gateway:problem:AQ422',
      title: 'records are invalid',
      code: 'AQ422',
      invalidRecords: 1,
      detail: '1 of 1000 records are invalid; nothing was written',
      errors: [
        {
          index: 537,
          pointer: '/status',
          reason: 'must be an integer from 100 to 599; got string "200"',
        },
      ],
    });
    expect(await count("SELECT count(*) AS n FROM audit_events WHERE family = 'request'")).toBe(0);
    expect((await send(db(), 'atomic', batch)).body).toEqual({ ingested: 1000, duplicates: 0 });
  });

  it('case 6: every bad record is listed, in order', async () => {
    const { id: _id, ...noId } = atomicEntry('x0');
    const batch = [
      noId,
      atomicEntry('x1'),
      { ...atomicEntry('x2'), auth: { type: 'oauth' }, extra: 1 },
      atomicEntry('x3', { created: '2024-05-01T10:00:00Z' }),
      42,
      atomicEntry('x5', { environmentId: 'env-z' }),
    ];
    const r = await send(db(), 'atomic', batch);
    expect(r.status).toBe(422);
    expect(r.body.invalidRecords).toBe(5);
    const errors = r.body.errors as { index: number; pointer: string }[];
    expect(errors.map((e) => [e.index, e.pointer])).toEqual([
      [0, '/id'],
      [2, '/auth/type'],
      [2, '/extra'],
      [3, '/created'],
      [4, ''],
      [5, '/environmentId'],
    ]);
    expect(await count('SELECT count(*) AS n FROM audit_events')).toBe(0);
  });

  it('case 7: a broken NDJSON line is a record error, a broken array a 400', async () => {
    const entries = [1, 2].map((n) => ({
      guid: atlasGuid(n),
      userName: 'admin',
      operation: 'SERVER_START',
      startTime: T0,
    }));
    const text = `${ndjson(entries)}\n{"guid": `;
    const r = await send(db(), 'atlas', text, { contentType: 'application/x-ndjson' });
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual([
      { index: 2, line: 3, pointer: '', reason: expect.stringMatching(/^not valid JSON: /) },
    ]);
    const arr = `[${entries.map((e) => JSON.stringify(e)).join(',')},{"guid": ]`;
    const r2 = await send(db(), 'atlas', arr);
    expect(r2).toMatchObject({ status: 400, body: { code: 'AQ150' } });
    expect(await count('SELECT count(*) AS n FROM audit_events')).toBe(0);
  });

  it('case 8: record-count limits', async () => {
    const entries = Array.from({ length: 10_001 }, (_, i) => ({
      guid: atlasGuid(i),
      userName: 'admin',
      operation: 'SERVER_START',
      startTime: T0,
    }));
    const over = await send(db(), 'atlas', entries);
    expect(over).toMatchObject({ status: 413, body: { code: 'AQ413', limit: { records: 10000 } } });
    const overNd = await send(db(), 'atlas', ndjson(entries), {
      contentType: 'application/x-ndjson',
    });
    expect(overNd).toMatchObject({ status: 413, body: { limit: { records: 10000 } } });
    expect(await count('SELECT count(*) AS n FROM audit_events')).toBe(0);
    const exact = await send(db(), 'atlas', entries.slice(0, 10_000));
    expect(exact.body).toEqual({ ingested: 10000, duplicates: 0 });
  });

  it('case 8: a body of exactly 16 MiB with 1000 large Atomic entries is accepted', async () => {
    const entries = Array.from({ length: 1000 }, (_, i) => atomicEntry(`big${i}`, { payload: '' }));
    const base = Buffer.byteLength(JSON.stringify(entries));
    const fill = 16 * 1024 * 1024 - base;
    const each = Math.floor(fill / 1000);
    const withPayload = entries.map((e, i) => ({
      ...e,
      payload: 'x'.repeat(each + (i === 0 ? fill - each * 1000 : 0)),
    }));
    const body = Buffer.from(JSON.stringify(withPayload));
    expect(body.length).toBe(16 * 1024 * 1024);
    expect((await send(db(), 'atomic', body)).body).toEqual({ ingested: 1000, duplicates: 0 });
  });

  it('case 9: transport checks that belong to the ingest routes', async () => {
    expect(
      await send(db(), 'atlan', [L1], { headers: { 'Content-Encoding': 'gzip' } }),
    ).toMatchObject({ status: 415, body: { code: 'AQ415' } });
    expect(await send(db(), 'atlan', '{}')).toMatchObject({ status: 400, body: { code: 'AQ150' } });
    expect(await send(db(), 'atlan', '')).toMatchObject({ status: 400, body: { code: 'AQ150' } });
    expect(await send(db(), 'atlan', [L1], { query: [['dryRun', '1']] })).toMatchObject({
      status: 400,
      body: { code: 'AQ140' },
    });
    expect(await count('SELECT count(*) AS n FROM audit_events')).toBe(0);
  });

  it('case 10: Idempotency-Key', async () => {
    const key = { headers: { 'Idempotency-Key': '"batch-001"' } };
    const first = await send(db(), 'atlan', [L1, L2, L3], key);
    expect(first).toMatchObject({ status: 200, body: { ingested: 3, duplicates: 0 } });
    const again = await send(db(), 'atlan', [L1, L2, L3], key);
    expect(again).toMatchObject({
      status: 200,
      headers: { 'Idempotent-Replayed': 'true' },
      body: { ingested: 3, duplicates: 0 },
    });
    expect((await send(db(), 'atlan', [L1, L2, L3])).body).toEqual({ ingested: 0, duplicates: 3 });
    expect(await send(db(), 'atlan', [L1], key)).toMatchObject({
      status: 422,
      body: { code: 'AQ152' },
    });
    const atlas = [{ guid: atlasGuid(1), userName: 'a', operation: 'EXPORT', startTime: T0 }];
    expect(await send(db(), 'atlas', atlas, key)).toMatchObject({ status: 200 });
    expect(
      await send(db(), 'atlan', [L1], { headers: { 'Idempotency-Key': 'bad key' } }),
    ).toMatchObject({ status: 400, body: { code: 'AQ151' } });
  });

  it('case 10: two concurrent requests with the same new key store the records once', async () => {
    const key = { headers: { 'Idempotency-Key': 'batch-concurrent' } };
    const [a, b] = await Promise.all([
      send(db(), 'atlan', [L1, L2, L3], key),
      send(db(), 'atlan', [L1, L2, L3], key),
    ]);
    const answers = [a, b].sort(
      (x, y) =>
        Number(x.headers['Idempotent-Replayed'] === 'true') -
        Number(y.headers['Idempotent-Replayed'] === 'true'),
    );
    expect(answers[0]).toMatchObject({ status: 200, body: { ingested: 3 } });
    const other = answers[1]!;
    if (other.status === 200) expect(other.body).toEqual({ ingested: 3, duplicates: 0 });
    else expect(other).toMatchObject({ status: 409, body: { code: 'AQ409' } });
    expect(await count("SELECT count(*) AS n FROM audit_events WHERE family = 'entity'")).toBe(3);
  });

  it('case 11: a failed transaction writes nothing and a resend stores everything', async () => {
    await db().raw(`CREATE FUNCTION boom_fn() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.external_id = 'boom' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$`);
    await db().raw(
      'CREATE TRIGGER boom_trg BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION boom_fn()',
    );
    const batch = Array.from({ length: 1000 }, (_, i) => atomicEntry(i === 600 ? 'boom' : `r${i}`));
    await expect(send(db(), 'atomic', batch)).rejects.toMatchObject({
      message: expect.stringContaining('boom'),
    });
    expect(await count('SELECT count(*) AS n FROM audit_events')).toBe(0);
    await db().raw('DROP TRIGGER boom_trg ON audit_events');
    await db().raw('DROP FUNCTION boom_fn()');
    expect((await send(db(), 'atomic', batch)).body).toEqual({ ingested: 1000, duplicates: 0 });
    expect((await send(db(), 'atomic', batch)).body).toEqual({ ingested: 0, duplicates: 1000 });
  });

  it('case 18: an auditSearch entry with its computed members can be posted back', async () => {
    const entry = {
      ...L1,
      eventKey: 'g1:1714557600000',
      entityDetail: { guid: 'g1' },
      details: null,
      entity: null,
      type: null,
    };
    expect((await send(db(), 'atlan', [entry])).body).toEqual({ ingested: 1, duplicates: 0 });
    // the computed eventKey equals the effective one, so L1 without it is the same event
    expect((await send(db(), 'atlan', [L1])).body).toEqual({ ingested: 0, duplicates: 1 });
  });

  it('case 20: Atomic tenancy and reserved sources', async () => {
    const {
      organisationId: _o,
      ip: _i,
      userAgent: _u,
      query: _q,
      payload: _p,
      time: _t,
      ...a2
    } = {
      ...A1,
      id: 'a2',
    };
    expect((await send(db(), 'atomic', [A1, a2])).body).toEqual({ ingested: 2, duplicates: 0 });
    const glx = await send(db(), 'atomic', [{ ...A1, id: 'g', organisationId: 'globex' }]);
    expect(glx.status).toBe(422);
    expect(glx.body.errors).toEqual([
      expect.objectContaining({ index: 0, pointer: '/organisationId' }),
    ]);
    const own = await send(db(), 'atomic', [{ ...A1, id: 's', source: 'atomic-api' }]);
    expect(own.body.errors).toEqual([
      { index: 0, pointer: '/source', reason: "reserved for the gateway's own records" },
    ]);
    const { rows } = await db().raw<{ rows: Record<string, unknown>[] }>(
      "SELECT * FROM audit_events WHERE external_id = 'a1'",
    );
    expect(rows[0]).toMatchObject({
      tenant: 'acme',
      environment: 'env-a',
      actor: 'c-1',
      action: 'create',
      action_description: 'Start an action flow',
      resource_type: 'action_flow',
      auth_type: 'clientCredentials',
      duration_ms: 20.38,
      payload: A1.payload,
      query: {},
      auth: A1.auth,
      status: 200,
    });
  });

  it('case 21: type definitions are upserted', async () => {
    const tag = {
      category: 'CLASSIFICATION',
      name: 'tagPII',
      displayName: 'PII',
      guid: 't-1',
      attributeDefs: [],
      superTypes: [],
      entityTypes: [],
      options: { color: 'Red' },
    };
    expect((await send(db(), 'typedef', [tag])).body).toEqual({ ingested: 1, duplicates: 0 });
    expect((await send(db(), 'typedef', [tag])).body).toEqual({ ingested: 0, duplicates: 1 });
    const renamed = { ...tag, displayName: 'Personal data' };
    expect((await send(db(), 'typedef', [renamed])).body).toEqual({ ingested: 1, duplicates: 0 });
    const { rows } = await db().raw<{ rows: { definition: unknown }[] }>(
      "SELECT definition FROM typedefs WHERE tenant = 'acme' AND name = 'tagPII'",
    );
    expect(rows[0]?.definition).toEqual(renamed);
    const noName = await send(db(), 'typedef', [{ category: 'CLASSIFICATION', name: 'x' }]);
    expect(noName.body.errors).toEqual([
      { index: 0, pointer: '/displayName', reason: 'required member is missing' },
    ]);
  });

  it('case 24: the detail cap is 1 MiB as compact JSON', async () => {
    const detailOf = (size: number) => {
      const base = JSON.stringify({
        typeName: 'Table',
        guid: 'g1',
        attributes: { blob: '' },
      }).length;
      return { typeName: 'Table', guid: 'g1', attributes: { blob: 'x'.repeat(size - base) } };
    };
    const over = await send(db(), 'atlan', [{ ...L1, detail: detailOf(1_048_577) }]);
    expect(over.status).toBe(422);
    expect(over.body.errors).toEqual([expect.objectContaining({ index: 0, pointer: '/detail' })]);
    expect(await count('SELECT count(*) AS n FROM audit_events')).toBe(0);
    const exact = await send(db(), 'atlan', [{ ...L1, detail: detailOf(1_048_576) }]);
    expect(exact.body).toEqual({ ingested: 1, duplicates: 0 });
  });

  it('case 25: the derived-event cap', async () => {
    const guids = (n: number) =>
      Array.from({ length: n }, (_, i) => `p${String(i + 1).padStart(6, '0')}`).join(',');
    const entry = (n: number) => ({
      guid: 'aaaaaaaa-0000-4000-8000-000000000004',
      userName: 'admin',
      operation: 'PURGE',
      startTime: T0,
      result: guids(n),
    });
    const over = await send(db(), 'atlas', [entry(100_001)]);
    expect(over).toMatchObject({
      status: 413,
      body: { code: 'AQ413', limit: { derivedEvents: 100000 } },
    });
    expect(await count('SELECT count(*) AS n FROM audit_events')).toBe(0);
    const exact = await send(db(), 'atlas', [entry(100_000)]);
    expect(exact.body).toEqual({ ingested: 1, duplicates: 0 });
    expect(
      await count(
        "SELECT count(*) AS n FROM audit_events WHERE family = 'entity' AND action = 'ENTITY_PURGE'",
      ),
    ).toBe(100_000);
  });

  it('case 29: an empty qualified name is stored as absent', async () => {
    const L6 = {
      entityId: 'g10',
      action: 'ENTITY_CREATE',
      typeName: 'Process',
      entityQualifiedName: '',
      user: 'alice',
      timestamp: T0,
      created: T0 + 1,
      detail: { typeName: 'Process', guid: 'g10', attributes: { name: 'p' } },
    };
    expect((await send(db(), 'atlan', [L6])).body).toEqual({ ingested: 1, duplicates: 0 });
    expect(
      await count(
        "SELECT count(*) AS n FROM audit_events WHERE entity_id = 'g10' AND entity_qualified_name IS NULL",
      ),
    ).toBe(1);
    // what the Atlan surface renders ("" and the computed members) posts back as a duplicate
    const rendered = {
      ...L6,
      eventKey: `g10:${T0}`,
      headers: null,
      entityDetail: null,
      details: null,
      entity: null,
      type: null,
    };
    expect((await send(db(), 'atlan', [rendered])).body).toEqual({ ingested: 0, duplicates: 1 });
  });

  it('case 30: the reserved tenant and environments', async () => {
    const sys = await send(db(), 'atlan', [L1], { principal: SYS_ING });
    expect(sys).toMatchObject({ status: 403, body: { code: 'AQ403' } });
    expect(String(sys.body.detail)).toContain('_system');
    expect(await count('SELECT count(*) AS n FROM audit_events')).toBe(0);
    const reserved = await send(
      db(),
      'atomic',
      [
        atomicEntry('e1', { environmentId: '_gateway' }),
        atomicEntry('e2', { environmentId: '_x' }),
      ],
      { principal: ROOT },
    );
    expect(reserved.status).toBe(422);
    expect(
      (reserved.body.errors as { index: number; pointer: string }[]).map((e) => [
        e.index,
        e.pointer,
      ]),
    ).toEqual([
      [0, '/environmentId'],
      [1, '/environmentId'],
    ]);
    const anyEnv = await send(db(), 'atomic', [atomicEntry('e3', { environmentId: 'env-new' })], {
      principal: ROOT,
    });
    expect(anyEnv.body).toEqual({ ingested: 1, duplicates: 0 });
  });

  it('a 422 reason never quotes a value under a secret-looking name', async () => {
    const r = await send(db(), 'atomic', [
      atomicEntry('s1', { auth: { type: 'client', apiToken: { nested: 'hunter2' } } }),
    ]);
    expect(r.status).toBe(422);
    expect(JSON.stringify(r.body)).not.toContain('hunter2');
    const s = await send(db(), 'atomic', [
      atomicEntry('s2', { auth: { type: 'client', password: 'hunter2' }, status: 'hunter2' }),
    ]);
    expect((s.body.errors as unknown[]).length).toBe(1);
  });
});
