/**
 * spec/ingest.md §11.2 cases 12–17, 22 and 26–28 at the store level: what the write path leaves in
 * `entities` and `audit_events`. The surfaces render these rows; their own tests cover rendering.
 */
import { useTestDatabase } from '../../test-support/testDatabase';
import type { EntityHeaderRecord } from '../../src/ingest/ingestTypes';
import { atlan, atlasEntry, G1_HISTORY, L1, L2, T0 } from './fixtures';
import { countRows, entityEvents, entityRow, ingest } from './helpers';

const db = useTestDatabase();

const header = (h: Record<string, unknown>): EntityHeaderRecord => ({
  guid: h.guid as string,
  updateTime: typeof h.updateTime === 'number' ? h.updateTime : null,
  header: h,
});

describe('entity current state (spec/ingest.md §6)', () => {
  it('case 12: CREATE, then UPDATE with a null clear', async () => {
    expect(await ingest(db(), 't12', { kind: 'atlan', records: [L1] })).toEqual({
      ingested: 1,
      duplicates: 0,
    });
    expect(await entityRow(db(), 't12', 'g1')).toMatchObject({
      type_name: 'Table',
      status: 'ACTIVE',
      attributes: {
        qualifiedName: 'db.orders',
        name: 'orders',
        description: 'first',
        certificateStatus: 'DRAFT',
      },
      classification_names: [],
      labels: [],
      created_by: 'alice',
      create_time: String(T0),
      updated_by: 'alice',
      update_time: String(T0),
    });
    await ingest(db(), 't12', { kind: 'atlan', records: [L2] });
    expect(await entityRow(db(), 't12', 'g1')).toMatchObject({
      attributes: { qualifiedName: 'db.orders', name: 'orders', description: 'second' },
      updated_by: 'bob',
      update_time: String(T0 + 1000),
    });
  });

  it('cases 13 and 14: tags, labels, DELETE, then PURGE, one batch per step', async () => {
    const expected: [string[], string[], string | undefined][] = [
      [[], [], 'ACTIVE'],
      [[], [], 'ACTIVE'],
      [['tagPII'], [], 'ACTIVE'],
      [['tagPII'], ['gold', 'pii'], 'ACTIVE'],
      [['tagPII'], ['pii'], 'ACTIVE'],
      [[], ['pii'], 'ACTIVE'],
      [[], ['pii'], 'DELETED'],
      [[], [], undefined],
    ];
    for (const [i, record] of G1_HISTORY.entries()) {
      await ingest(db(), 't13', { kind: 'atlan', records: [record] });
      const row = await entityRow(db(), 't13', 'g1');
      const [names, labels, status] = expected[i]!;
      if (status === undefined) {
        expect(row).toBeUndefined();
      } else {
        expect(row).toMatchObject({ classification_names: names, labels, status });
        expect(row?.attributes).toMatchObject({ description: i === 0 ? 'first' : 'second' });
      }
    }
    expect(await entityEvents(db(), 't13', { entityId: 'g1' })).toHaveLength(8);
  });

  it('case 15: arrival order does not matter', async () => {
    await ingest(db(), 't15a', { kind: 'atlan', records: [...G1_HISTORY].reverse() });
    expect(await entityRow(db(), 't15a', 'g1')).toBeUndefined();
    expect(await entityEvents(db(), 't15a', { entityId: 'g1' })).toHaveLength(8);

    await ingest(db(), 't15b', { kind: 'atlan', records: [L2] });
    await ingest(db(), 't15b', { kind: 'atlan', records: [L1] });
    expect((await entityRow(db(), 't15b', 'g1'))?.attributes).toEqual({
      qualifiedName: 'db.orders',
      name: 'orders',
      description: 'second',
    });
    const stale = atlan({
      entityId: 'g1',
      action: 'ENTITY_UPDATE',
      timestamp: T0 + 500,
      detail: { attributes: { description: 'stale' } },
    });
    expect(await ingest(db(), 't15b', { kind: 'atlan', records: [stale] })).toEqual({
      ingested: 1,
      duplicates: 0,
    });
    expect((await entityRow(db(), 't15b', 'g1'))?.attributes).toMatchObject({
      description: 'second',
    });
    expect(await entityEvents(db(), 't15b', { entityId: 'g1' })).toHaveLength(3);
  });

  it('every permutation of a small history folds to the same state', async () => {
    const history = G1_HISTORY.slice(0, 6);
    const orders = [
      [5, 4, 3, 2, 1, 0],
      [2, 0, 5, 1, 4, 3],
      [3, 5, 0, 4, 2, 1],
    ];
    const states: unknown[] = [];
    for (const [n, order] of orders.entries()) {
      for (const i of order) {
        await ingest(db(), `tperm${n}`, { kind: 'atlan', records: [history[i]!] });
      }
      const row = await entityRow(db(), `tperm${n}`, 'g1');
      states.push({ ...row, tenant: undefined, last_seq: undefined });
    }
    expect(states[1]).toEqual(states[0]);
    expect(states[2]).toEqual(states[0]);
    expect(states[0]).toMatchObject({ labels: ['pii'], classification_names: [] });
  });

  it('a purge and re-create folds the same however the history arrives', async () => {
    const e = (action: string, at: number, attributes: Record<string, unknown> | null) =>
      atlan({
        entityId: 'gr',
        action,
        timestamp: T0 + at,
        entityQualifiedName: 'db.r',
        detail: attributes === null ? null : { attributes },
      });
    const history = [
      e('ENTITY_CREATE', 0, { qualifiedName: 'db.r', name: 'one' }),
      e('ENTITY_UPDATE', 10, { owner: 'a' }),
      e('ENTITY_PURGE', 20, null),
      e('ENTITY_UPDATE', 25, { stray: 'x' }),
      e('ENTITY_CREATE', 30, { qualifiedName: 'db.r', name: 'two' }),
      e('ENTITY_UPDATE', 40, { owner: 'b' }),
      e('ENTITY_UPDATE', 35, { owner: 'late', extra: 1 }),
    ];
    await ingest(db(), 'treset-all', { kind: 'atlan', records: history });
    for (const part of [[0, 1, 2], [3], [4], [5], [6]]) {
      await ingest(db(), 'treset-steps', {
        kind: 'atlan',
        records: part.map((i) => history[i]!),
      });
    }
    const all = await entityRow(db(), 'treset-all', 'gr');
    const steps = await entityRow(db(), 'treset-steps', 'gr');
    expect(all?.attributes).toEqual({ qualifiedName: 'db.r', name: 'two', owner: 'b', extra: 1 });
    expect({ ...steps, tenant: '', last_seq: '' }).toEqual({ ...all, tenant: '', last_seq: '' });
  });

  it('case 16: an Atlas PURGE derives ENTITY_PURGE events and removes the state', async () => {
    const g3 = atlan({
      entityId: 'g3',
      action: 'ENTITY_CREATE',
      typeName: 'Column',
      entityQualifiedName: 'db.orders.id',
      timestamp: T0,
      detail: { typeName: 'Column', guid: 'g3', attributes: { qualifiedName: 'db.orders.id' } },
    });
    await ingest(db(), 't16', { kind: 'atlan', records: [g3] });
    const purge = atlasEntry({
      guid: 'aaaaaaaa-0000-4000-8000-000000000001',
      params: '[g3, g9]',
      startTime: T0 + 10000,
      endTime: T0 + 10200,
      clientId: '10.0.0.1',
      result: 'g3,g9',
      resultCount: 2,
    });
    expect(await ingest(db(), 't16', { kind: 'atlas', records: [purge] })).toEqual({
      ingested: 1,
      duplicates: 0,
    });
    const purges = await entityEvents(db(), 't16', { action: 'ENTITY_PURGE' });
    expect(purges.map((p) => p.entity_id)).toEqual(['g3', 'g9']);
    expect(purges[0]).toMatchObject({
      type_name: 'Column',
      entity_qualified_name: 'db.orders.id',
      actor: 'admin',
      ts: String(T0 + 10200),
      created: String(T0 + 10200),
      event_key: 'g3:1714557610200',
      detail: {
        typeName: 'Column',
        guid: 'g3',
        status: 'PURGED',
        attributes: { qualifiedName: 'db.orders.id' },
      },
      headers: null,
      natural_key: 'derived:aaaaaaaa-0000-4000-8000-000000000001:g3',
    });
    expect(purges[1]).toMatchObject({
      type_name: 'Referenceable',
      entity_qualified_name: null,
      detail: { typeName: 'Referenceable', guid: 'g9', status: 'PURGED', attributes: {} },
    });
    expect(await entityRow(db(), 't16', 'g3')).toBeUndefined();
    expect(await ingest(db(), 't16', { kind: 'atlas', records: [purge] })).toEqual({
      ingested: 0,
      duplicates: 1,
    });
    expect(await entityEvents(db(), 't16', { action: 'ENTITY_PURGE' })).toHaveLength(2);
  });

  it('case 17: what derives and what does not', async () => {
    const entries = [
      atlasEntry({
        guid: 'aaaaaaaa-0000-4000-8000-000000000011',
        operation: 'AUTO_PURGE',
        result: 'g4, g4 ,',
      }),
      atlasEntry({
        guid: 'aaaaaaaa-0000-4000-8000-000000000012',
        operation: 'EXPORT',
        result: 'g5',
      }),
      atlasEntry({
        guid: 'aaaaaaaa-0000-4000-8000-000000000013',
        result: 'g6',
        auditRowKind: 'BATCH',
      }),
      atlasEntry({ guid: 'aaaaaaaa-0000-4000-8000-000000000014' }),
    ];
    await ingest(db(), 't17', { kind: 'atlas', records: entries });
    const purges = await entityEvents(db(), 't17');
    expect(purges.map((p) => p.entity_id)).toEqual(['g4']);
    expect(await countRows(db(), 't17', 'admin')).toBe(4);
  });

  it('case 22: an entity header starts the fold; older events are skipped', async () => {
    const h = header({
      guid: 'g6',
      typeName: 'Table',
      status: 'ACTIVE',
      attributes: { qualifiedName: 'db.t6', name: 't6', owner: 'team-x' },
      updateTime: T0 + 100,
      classifications: [{ typeName: 'tagPII' }],
      classificationNames: ['tagPII'],
    });
    expect(await ingest(db(), 't22', { kind: 'entityHeader', records: [h] })).toEqual({
      ingested: 1,
      duplicates: 0,
    });
    await ingest(db(), 't22', {
      kind: 'atlan',
      records: [
        atlan({
          entityId: 'g6',
          action: 'ENTITY_CREATE',
          timestamp: T0,
          detail: { attributes: { name: 'old' } },
        }),
        atlan({
          entityId: 'g6',
          action: 'ENTITY_UPDATE',
          timestamp: T0 + 200,
          detail: { attributes: { owner: null } },
        }),
      ],
    });
    expect(await entityRow(db(), 't22', 'g6')).toMatchObject({
      attributes: { qualifiedName: 'db.t6', name: 't6' },
      classification_names: ['tagPII'],
    });
    expect(await ingest(db(), 't22', { kind: 'entityHeader', records: [h] })).toEqual({
      ingested: 0,
      duplicates: 1,
    });
  });

  it('case 26: the entity header with the greatest updateTime wins', async () => {
    const setup = atlan({
      entityId: 'g8',
      action: 'ENTITY_UPDATE',
      entityQualifiedName: 'db.t8',
      timestamp: T0,
      detail: { typeName: 'Table', guid: 'g8', attributes: {} },
    });
    const h = (name: string, at: number): EntityHeaderRecord =>
      header({
        guid: 'g8',
        typeName: 'Table',
        attributes: { qualifiedName: 'db.t8', name },
        updateTime: at,
      });
    await ingest(db(), 't26a', { kind: 'atlan', records: [setup] });
    expect(
      await ingest(db(), 't26a', { kind: 'entityHeader', records: [h('new', T0 + 200)] }),
    ).toEqual({ ingested: 1, duplicates: 0 });
    expect(
      await ingest(db(), 't26a', { kind: 'entityHeader', records: [h('old', T0 + 100)] }),
    ).toEqual({ ingested: 0, duplicates: 1 });
    expect(await entityRow(db(), 't26a', 'g8')).toMatchObject({
      attributes: { name: 'new' },
      update_time: String(T0 + 200),
    });

    await ingest(db(), 't26b', { kind: 'atlan', records: [setup] });
    expect(
      await ingest(db(), 't26b', { kind: 'entityHeader', records: [h('old', T0 + 100)] }),
    ).toEqual({ ingested: 1, duplicates: 0 });
    expect(
      await ingest(db(), 't26b', { kind: 'entityHeader', records: [h('new', T0 + 200)] }),
    ).toEqual({ ingested: 1, duplicates: 0 });
    const a = await entityRow(db(), 't26a', 'g8');
    const b = await entityRow(db(), 't26b', 'g8');
    expect({ ...b, tenant: 'x' }).toEqual({ ...a, tenant: 'x' });
    expect(
      await ingest(db(), 't26b', { kind: 'entityHeader', records: [h('newer', T0 + 200)] }),
    ).toEqual({ ingested: 1, duplicates: 0 });
    expect((await entityRow(db(), 't26b', 'g8'))?.attributes).toMatchObject({ name: 'newer' });
  });

  it('case 27: derived names come from the history up to the purge time', async () => {
    const create = atlan({
      entityId: 'g7',
      action: 'ENTITY_CREATE',
      entityQualifiedName: 'db.t7',
      timestamp: T0,
      created: T0 + 2,
      detail: { typeName: 'Table', guid: 'g7', attributes: { qualifiedName: 'db.t7' } },
    });
    const update = atlan({
      entityId: 'g7',
      action: 'ENTITY_UPDATE',
      entityQualifiedName: 'db.t7_v2',
      timestamp: T0 + 20000,
      created: T0 + 20002,
      detail: { typeName: 'Table', guid: 'g7', attributes: { qualifiedName: 'db.t7_v2' } },
    });
    const purge = atlasEntry({
      guid: 'aaaaaaaa-0000-4000-8000-000000000003',
      startTime: T0 + 10000,
      endTime: T0 + 10200,
      result: 'g7',
    });
    await ingest(db(), 't27a', { kind: 'atlan', records: [create, update] });
    expect(await ingest(db(), 't27a', { kind: 'atlas', records: [purge] })).toEqual({
      ingested: 1,
      duplicates: 0,
    });
    const a = await entityEvents(db(), 't27a', { entityId: 'g7' });
    expect(a).toHaveLength(3);
    expect(a.find((e) => e.action === 'ENTITY_PURGE')).toMatchObject({
      type_name: 'Table',
      entity_qualified_name: 'db.t7',
    });
    expect(await entityRow(db(), 't27a', 'g7')).toBeUndefined();

    await ingest(db(), 't27b', { kind: 'atlas', records: [purge] });
    await ingest(db(), 't27b', { kind: 'atlan', records: [create, update] });
    const b = await entityEvents(db(), 't27b', { entityId: 'g7' });
    expect(b).toHaveLength(3);
    expect(b.find((e) => e.action === 'ENTITY_PURGE')).toMatchObject({
      type_name: 'Referenceable',
      entity_qualified_name: null,
    });
    expect(await entityRow(db(), 't27b', 'g7')).toBeUndefined();
  });

  it('case 28: natural ids never collapse distinct events', async () => {
    await ingest(db(), 't28', { kind: 'atlan', records: [L1] });
    expect(
      await ingest(db(), 't28', { kind: 'atlan', records: [{ ...L1, created: T0 + 4 }] }),
    ).toEqual({ ingested: 1, duplicates: 0 });
    expect(await entityEvents(db(), 't28', { entityId: 'g1' })).toHaveLength(2);
    expect(
      await ingest(db(), 't28', {
        kind: 'atlan',
        records: [{ ...L1, headers: { 'x-atlan-agent': 'ui' } }],
      }),
    ).toEqual({ ingested: 0, duplicates: 1 });
    await ingest(db(), 't28', {
      kind: 'atlas',
      records: [
        atlasEntry({
          guid: 'aaaaaaaa-0000-4000-8000-000000000001',
          startTime: T0 + 10000,
          endTime: T0 + 10200,
          result: 'g3,g9',
        }),
      ],
    });
    const g9 = atlan({
      entityId: 'g9',
      action: 'ENTITY_PURGE',
      typeName: 'Referenceable',
      user: 'admin',
      timestamp: T0 + 10200,
      created: T0 + 10200,
      detail: { typeName: 'Referenceable', guid: 'g9', status: 'PURGED', attributes: {} },
    });
    expect(await ingest(db(), 't28', { kind: 'atlan', records: [g9] })).toEqual({
      ingested: 1,
      duplicates: 0,
    });
    expect(await entityEvents(db(), 't28', { entityId: 'g9' })).toHaveLength(2);
  });

  it('case 4: duplicates within one batch count once stored', async () => {
    const l4 = atlan({
      entityId: 'g2',
      action: 'LABEL_ADD',
      timestamp: T0 + 600,
      detail: { labels: 'x' },
    });
    await ingest(db(), 't04', { kind: 'atlan', records: [L1, L2] });
    expect(await ingest(db(), 't04', { kind: 'atlan', records: [L1, l4, l4] })).toEqual({
      ingested: 1,
      duplicates: 2,
    });
  });
});
