/**
 * Atlan entity audit records in time order, with per-asset history that makes sense: an asset is
 * created before anything else happens to it, tags and labels are removed only once added, and a
 * purge ends its history until it is created again. The action mix follows what Atlan tenants
 * typically show: mostly updates, then tag and create traffic, rare deletes and purges.
 */
import { instant, type GenerateOptions } from './GenerateOptions';
import type { Rng } from './Rng';
import { Zipf } from './Zipf';

const TYPES = [
  ['Table', 'default/snowflake/1700000000/ANALYTICS/PUBLIC'],
  ['Column', 'default/snowflake/1700000000/ANALYTICS/PUBLIC/ORDERS'],
  ['View', 'default/snowflake/1700000000/ANALYTICS/MARTS'],
  ['Process', 'default/dbt/1700000001'],
  ['AtlasGlossaryTerm', 'glossary'],
] as const;
const TAGS = [
  'PfOPdIuCfvE7bqVsWfRhaN',
  'wqPZbTBkWPOzrSZsQzrhKX',
  'U1AJmW3DlqTgjkbqdKfAzh',
  'JMyzDZSNAVhDsWOlKlT6Dw',
];
const LABELS = ['gold', 'pii', 'finance', 'deprecated', 'marketing', 'certified'];
const WORDS = [
  'orders',
  'customers',
  'revenue',
  'events',
  'sessions',
  'invoices',
  'products',
  'users',
];
const AGENTS = [
  { 'x-atlan-agent': 'sdk', 'x-atlan-agent-id': 'python', 'x-atlan-agent-package-name': 'pyatlan' },
  {
    'x-atlan-agent': 'workflow',
    'x-atlan-agent-id': 'snowflake-crawler',
    'x-atlan-agent-workflow-id': 'wf',
  },
  { 'x-atlan-agent': 'ui', 'x-atlan-client-origin': 'product_webapp' },
] as const;

interface Asset {
  guid: string;
  typeName: string;
  qualifiedName: string;
  name: string;
  alive: boolean;
  tags: Set<string>;
  labels: Set<string>;
}

type Action =
  | 'update'
  | 'custom'
  | 'business'
  | 'tagAdd'
  | 'tagDelete'
  | 'labelAdd'
  | 'labelDelete'
  | 'term'
  | 'delete'
  | 'purge';

const MIX: readonly (readonly [Action, number])[] = [
  ['update', 46],
  ['custom', 4],
  ['business', 5],
  ['tagAdd', 12],
  ['tagDelete', 4],
  ['labelAdd', 6],
  ['labelDelete', 2],
  ['term', 4],
  ['delete', 1.5],
  ['purge', 0.3],
];

export function* generateAtlan(o: GenerateOptions, rng: Rng): Generator<Record<string, unknown>> {
  const assets: Asset[] = [];
  const assetZipf = new Zipf(Math.max(50, Math.ceil(o.atlan / 8)));
  const userZipf = new Zipf(200);
  const users = Array.from({ length: 200 }, (_, i) =>
    i % 5 === 0 ? `service-account-apikey-${rng.uuid()}` : `user${String(i).padStart(3, '0')}`,
  );
  for (let i = 0; i < o.atlan; i++) {
    const timestamp = instant(o, i, o.atlan, rng.next());
    const created = timestamp + 1 + rng.int(15);
    const rank = assetZipf.draw(rng);
    let asset = assets[rank];
    if (!asset) {
      const [typeName, prefix] = rng.pick(TYPES);
      const name = `${rng.pick(WORDS)}_${rank}`;
      asset = {
        guid: rng.uuid(),
        typeName,
        qualifiedName: `${prefix}/${name.toUpperCase()}`,
        name,
        alive: false,
        tags: new Set(),
        labels: new Set(),
      };
      assets[rank] = asset;
    }
    const user = users[userZipf.draw(rng)]!;
    const headers =
      rng.next() < 0.8 ? { ...rng.pick(AGENTS), 'x-atlan-request-id': rng.hex(32) } : null;
    const base = {
      entityId: asset.guid,
      typeName: asset.typeName,
      entityQualifiedName: asset.qualifiedName,
      user,
      timestamp,
      created,
      eventKey: `${asset.guid}:${timestamp}`,
      headers,
    };
    if (!asset.alive) {
      asset.alive = true;
      asset.tags.clear();
      asset.labels.clear();
      yield {
        ...base,
        action: rng.next() < 0.1 ? 'ENTITY_IMPORT_CREATE' : 'ENTITY_CREATE',
        detail: fullEntity(asset, user, timestamp, rng),
      };
      continue;
    }
    yield { ...base, ...event(asset, rng.weighted(MIX), rng) };
  }
}

function fullEntity(a: Asset, user: string, at: number, rng: Rng): Record<string, unknown> {
  return {
    typeName: a.typeName,
    guid: a.guid,
    status: 'ACTIVE',
    attributes: {
      qualifiedName: a.qualifiedName,
      name: a.name,
      description: `The ${a.name} ${a.typeName.toLowerCase()}`,
      certificateStatus: rng.pick(['DRAFT', 'VERIFIED', null]),
      ownerUsers: [rng.pick(['alice', 'bob', 'carol'])],
    },
    createdBy: user,
    updatedBy: user,
    createTime: at,
    updateTime: at,
    version: 0,
    relationshipAttributes: {},
    classifications: [],
    labels: [],
    isIncomplete: false,
    provenanceType: 0,
    proxy: false,
  };
}

function event(
  a: Asset,
  kind: Action,
  rng: Rng,
): { action: string; detail: Record<string, unknown> | null } {
  const unique = {
    typeName: a.typeName,
    guid: a.guid,
    attributes: { qualifiedName: a.qualifiedName },
  };
  switch (kind) {
    case 'update':
    case 'custom': {
      const attributes: Record<string, unknown> =
        rng.next() < 0.2
          ? { certificateStatus: null }
          : {
              description: `Updated ${rng.hex(6)}`,
              certificateStatus: rng.pick(['DRAFT', 'VERIFIED']),
            };
      return {
        action: kind === 'update' ? 'ENTITY_UPDATE' : 'CUSTOM_ATTRIBUTE_UPDATE',
        detail: { typeName: a.typeName, guid: a.guid, attributes },
      };
    }
    case 'business':
      return {
        action: 'BUSINESS_ATTRIBUTE_UPDATE',
        detail: {
          typeName: 'cmSet' + rng.int(3),
          attributes: { [`cm${rng.int(5)}`]: rng.pick(['high', 'low', null]) },
        },
      };
    case 'tagAdd':
    case 'tagDelete': {
      const present = [...a.tags];
      if (kind === 'tagDelete' && present.length > 0) {
        const tag = rng.pick(present);
        a.tags.delete(tag);
        return {
          action: rng.next() < 0.2 ? 'PROPAGATED_CLASSIFICATION_DELETE' : 'CLASSIFICATION_DELETE',
          detail: { typeName: tag },
        };
      }
      const tag = rng.pick(TAGS);
      a.tags.add(tag);
      return {
        action: rng.next() < 0.2 ? 'PROPAGATED_CLASSIFICATION_ADD' : 'CLASSIFICATION_ADD',
        detail: {
          typeName: tag,
          entityGuid: a.guid,
          entityStatus: 'ACTIVE',
          propagate: rng.next() < 0.5,
          removePropagationsOnEntityDelete: true,
        },
      };
    }
    case 'labelAdd':
    case 'labelDelete': {
      const present = [...a.labels];
      if (kind === 'labelDelete' && present.length > 0) {
        const label = rng.pick(present);
        a.labels.delete(label);
        return { action: 'LABEL_DELETE', detail: { labels: label } };
      }
      const picked = [rng.pick(LABELS), rng.pick(LABELS)];
      for (const l of picked) a.labels.add(l);
      return { action: 'LABEL_ADD', detail: { labels: [...new Set(picked)].join(' ') } };
    }
    case 'term':
      return {
        action: rng.next() < 0.7 ? 'TERM_ADD' : 'TERM_DELETE',
        detail: {
          guid: rng.uuid(),
          qualifiedName: `term${rng.int(50)}@glossary`,
          name: `Term ${rng.int(50)}`,
        },
      };
    case 'delete':
      return { action: 'ENTITY_DELETE', detail: { ...unique, status: 'DELETED' } };
    case 'purge':
      a.alive = false;
      return { action: 'ENTITY_PURGE', detail: { ...unique, status: 'PURGED' } };
  }
}
