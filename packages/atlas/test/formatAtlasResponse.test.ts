import type { CanonicalRow } from '@audit-gateway/ir';
import { formatAtlasEntry } from '../src/formatAtlasResponse';
import { detailsText, formatEntityAuditEvent } from '../src/formatEntityAuditEvent';

const base: CanonicalRow = {
  seq: '5', externalId: null, tenant: 't1', environment: null, family: 'admin', generation: 1,
  txid: '1', occurredAt: 0, recordedAt: null, actor: null, action: null, entityId: null,
  entityQualifiedName: null, typeName: null, eventKey: null, detail: null, detailVisible: true,
  headers: null, params: null, result: null, clientId: null, runId: null, auditRowKind: null,
  resultCount: null, url: null, method: null, ip: null, userAgent: null, source: null,
  authType: null, resourceType: null, actionDescription: null, payload: null, status: null,
  durationMs: null, auth: null, query: null,
}; // prettier-ignore

describe('formatAtlasEntry (§6.1)', () => {
  it('renders A1 with every key', () => {
    const row = {
      ...base,
      externalId: 'aaaaaaaa-0000-4000-8000-000000000001',
      actor: 'admin',
      action: 'PURGE',
      params: '[g1, g2]',
      occurredAt: 1576261685009,
      recordedAt: 1576261685197,
      clientId: '10.16.1.255',
      result: 'g1,g2,g3',
      resultCount: 3,
    };
    expect(JSON.stringify(formatAtlasEntry(row))).toBe(
      '{"guid":"aaaaaaaa-0000-4000-8000-000000000001","userName":"admin","operation":"PURGE",' +
        '"params":"[g1, g2]","startTime":1576261685009,"endTime":1576261685197,' +
        '"clientId":"10.16.1.255","result":"g1,g2,g3","resultCount":3}',
    );
  });

  it('omits NULL fields, keeps "" and always sends resultCount', () => {
    const row = { ...base, externalId: 'g', actor: 'atlas', action: 'SERVER_START', params: '' };
    expect(formatAtlasEntry(row)).toEqual({
      guid: 'g',
      userName: 'atlas',
      operation: 'SERVER_START',
      params: '',
      startTime: 0,
      resultCount: 0,
    });
    expect(formatAtlasEntry({ ...row, runId: 'r1', auditRowKind: 'SUMMARY' })).toMatchObject({
      runId: 'r1',
      auditRowKind: 'SUMMARY',
    });
  });
});

describe('formatEntityAuditEvent (§8.3, §8.4)', () => {
  const detail = { typeName: 'PII', entityGuid: 'g1', labels: ['a', 'b'] };

  it('writes out all 13 keys, null included', () => {
    const event = formatEntityAuditEvent({
      ...base,
      family: 'entity',
      entityId: 'g1',
      actor: 'bob',
      action: 'CLASSIFICATION_ADD',
      occurredAt: 1575950000000,
      recordedAt: 1575950000003,
      eventKey: 'g1:1575950000000',
      typeName: 'hive_table',
      detail,
    });
    expect(Object.keys(event)).toHaveLength(13);
    expect(event).toMatchObject({
      entity: null,
      type: null,
      headers: null,
      created: 1575950000003,
    });
    expect(event.details?.startsWith('Added classification: ')).toBe(true);
    expect(JSON.parse(event.details?.slice('Added classification: '.length) ?? '')).toEqual(detail);
  });

  it('hides detail and details together when the detail policy hides the detail', () => {
    const event = formatEntityAuditEvent({
      ...base,
      action: 'ENTITY_CREATE',
      detail,
      detailVisible: false,
    });
    expect(event.detail).toBeNull();
    expect(event.details).toBeNull();
  });

  it('uses the plain-text payloads of §8.4', () => {
    expect(detailsText('CLASSIFICATION_DELETE', detail)).toBe('Deleted classification: PII');
    expect(detailsText('PROPAGATED_CLASSIFICATION_DELETE', { a: 1 })).toBe(
      'Deleted propagated classification: {"a":1}',
    );
    expect(detailsText('LABEL_ADD', detail)).toBe('Added labels: a b');
    expect(detailsText('ENTITY_PURGE', { guid: 'g' })).toBe('Purged: {"guid":"g"}');
  });
});
