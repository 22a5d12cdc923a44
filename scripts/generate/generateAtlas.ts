/**
 * Atlas admin audit entries: mostly exports, imports and type-definition changes, server starts,
 * and purges whose `result` lists asset GUIDs (so the purge unification has work to do).
 */
import { instant, type GenerateOptions } from './GenerateOptions';
import type { Rng } from './Rng';

const MIX = [
  ['EXPORT', 30],
  ['IMPORT', 20],
  ['TYPE_DEF_UPDATE', 15],
  ['TYPE_DEF_CREATE', 8],
  ['TYPE_DEF_DELETE', 2],
  ['PURGE', 12],
  ['AUTO_PURGE', 5],
  ['SERVER_START', 4],
  ['SERVER_STATE_ACTIVE', 4],
] as const;

export function* generateAtlas(o: GenerateOptions, rng: Rng): Generator<Record<string, unknown>> {
  const admins = ['admin', 'atlas-admin', 'svc-purger', 'ops'];
  for (let i = 0; i < o.atlas; i++) {
    const startTime = instant(o, i, o.atlas, rng.next());
    const operation = rng.weighted(MIX);
    const entry: Record<string, unknown> = {
      guid: rng.uuid(),
      userName: rng.pick(admins),
      operation,
      startTime,
      endTime: startTime + 20 + rng.int(2000),
      clientId: `10.0.${rng.int(4)}.${1 + rng.int(250)}`,
    };
    if (operation === 'PURGE' || operation === 'AUTO_PURGE') {
      const guids = Array.from({ length: 1 + rng.int(4) }, () => rng.uuid());
      entry.params = `[${guids.join(', ')}]`;
      entry.result = guids.join(',');
      entry.resultCount = guids.length;
      if (rng.next() < 0.3) {
        entry.runId = rng.uuid();
        entry.auditRowKind = 'SUMMARY';
      }
    } else if (operation === 'EXPORT' || operation === 'IMPORT') {
      entry.params = JSON.stringify({
        itemsToExport: [
          { typeName: 'hive_db', uniqueAttributes: { qualifiedName: `db${rng.int(20)}@cl1` } },
        ],
      });
      entry.result = JSON.stringify({ hive_db: 1, hive_table: rng.int(40) });
      entry.resultCount = 1 + rng.int(40);
    } else if (operation.startsWith('TYPE_DEF')) {
      entry.params = `tag${rng.int(30)}`;
      entry.result = JSON.stringify({ classificationDefs: [{ name: `tag${rng.int(30)}` }] });
      entry.resultCount = 1;
    }
    yield entry;
  }
}
