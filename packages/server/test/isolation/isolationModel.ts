/**
 * An independent model of who may see what (DESIGN §3, spec/credentials.md §1.4), written without
 * scope(): the isolation property compares the real search against it. Also a small seeded
 * dataset in two tenants and a predicate generator with its own evaluator.
 */
import fc from 'fast-check';
import type {
  CanonicalRow,
  Family,
  Policy,
  PolicyRules,
  Predicate,
  Principal,
  Role,
} from '@audit-gateway/ir';
import type { EventRow } from '../../../store/test-support/insertEvents';

export const TENANT_A = 'tenant-a';
export const TENANT_B = 'tenant-b';
const ACTORS = ['alice', 'bob', 'carol', null];
/** only tenant B has these: a leak shows up as a bucket key */
const B_ONLY_ACTORS = ['mallory'];
const TYPES = ['Table', 'Column', 'Process', null];
const QNAMES = ['db/t1', 'db/t1/c1', 'db/t2', 'DB/t1', 'x/y', null];
const ACTIONS = ['ENTITY_CREATE', 'ENTITY_UPDATE', 'EXPORT', 'read'];
const ENVS = ['env-a', 'env-b', 'env-c', '_gateway'];
export const FAMILIES: readonly Family[] = ['entity', 'admin', 'request'];

/** mulberry32: a fixed dataset for every run, so failures replay */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function dataset(size: number): EventRow[] {
  const rnd = prng(20261122);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const rows: EventRow[] = [];
  for (let i = 0; i < size; i++) {
    const tenant = rnd() < 0.5 ? TENANT_A : TENANT_B;
    const family = pick(FAMILIES);
    const actor = tenant === TENANT_B && rnd() < 0.3 ? pick(B_ONLY_ACTORS) : pick(ACTORS);
    const base = {
      key: `k${i}`,
      tenant,
      family,
      actor,
      action: pick(ACTIONS),
      occurredAt: 1_714_557_600_000 + i,
    };
    if (family === 'entity') {
      const typeName = pick(TYPES);
      const qn = pick(QNAMES);
      rows.push({
        ...base,
        entityId: `g${i}`,
        typeName,
        entityQualifiedName: qn,
        recordedAt: base.occurredAt + 1,
        detail: rnd() < 0.8 ? { typeName, guid: `g${i}`, attributes: { qualifiedName: qn } } : null,
      });
    } else if (family === 'admin') {
      rows.push({
        ...base,
        externalId: `a${i}`,
        recordedAt: rnd() < 0.2 ? null : base.occurredAt + 5,
      });
    } else {
      rows.push({
        ...base,
        externalId: `r${i}`,
        environment: pick(ENVS),
        recordedAt: base.occurredAt,
      });
    }
  }
  return rows;
}

const subset = <T>(xs: readonly T[]) => fc.subarray([...xs]);

const rulesArb: fc.Arbitrary<PolicyRules> = fc.record(
  {
    typeNames: subset(['Table', 'Column', 'Process']),
    qualifiedNamePrefixes: subset(['db/t1', 'db/', 'DB/', 'x/']),
    ownOnly: fc.boolean(),
  },
  { requiredKeys: [] },
);
const policyArb: fc.Arbitrary<Policy> = fc.record(
  { allow: rulesArb, detail: rulesArb },
  { requiredKeys: [] },
);
const ROLES: readonly Role[] = [
  'atlan:read',
  'atlas:admin',
  'atomic:workbench',
  'ingest:write',
  'gateway:admin',
];

export const principalArb: fc.Arbitrary<Principal> = fc.record({
  credentialId: fc.constant('0193a4c2-7b1e-7c3d-9f00-1a2b3c4d5e6f'),
  tenant: fc.constant(TENANT_A),
  name: fc.constantFrom('alice', 'bob', 'carol', 'mallory'),
  kind: fc.constant('token' as const),
  roles: subset(ROLES).filter((r) => r.length > 0),
  environments: subset(['env-a', 'env-b', '_gateway']),
  policy: policyArb,
  scheme: fc.constant('bearer' as const),
});

const FIELDS: Record<Family, readonly string[]> = {
  entity: ['actor', 'action', 'typeName', 'entityQualifiedName', 'entityId'],
  admin: ['actor', 'action', 'externalId'],
  request: ['actor', 'action', 'environment', 'externalId'],
};
const VALUES = [
  'alice',
  'bob',
  'mallory',
  'Table',
  'db/t1',
  'DB/t1',
  'env-a',
  'env-c',
  'EXPORT',
  'read',
  'g1',
  'a2',
];

export function whereArb(family: Family, depth = 2): fc.Arbitrary<Predicate> {
  const field = fc.constantFrom(...FIELDS[family]);
  const leaf: fc.Arbitrary<Predicate> = fc.oneof(
    fc.record({
      op: fc.constant('cmp' as const),
      field,
      cmp: fc.constant('eq' as const),
      value: fc.constantFrom(...VALUES),
    }),
    fc.record({
      op: fc.constant('in' as const),
      field,
      values: fc.subarray(VALUES, { minLength: 1 }),
    }),
    fc.record({
      op: fc.constant('text' as const),
      field,
      match: fc.constant('prefix' as const),
      value: fc.constantFrom('a', 'db/', 'D', 'e', 'm', ''),
    }),
    fc.record({ op: fc.constant('exists' as const), field }),
    fc.constantFrom<Predicate>({ op: 'all' }, { op: 'none' }),
  );
  if (depth === 0) return leaf;
  const sub = whereArb(family, depth - 1);
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    {
      weight: 1,
      arbitrary: fc
        .array(sub, { minLength: 1, maxLength: 3 })
        .map((of): Predicate => ({ op: 'and', of })),
    },
    {
      weight: 1,
      arbitrary: fc
        .array(sub, { minLength: 1, maxLength: 3 })
        .map((of): Predicate => ({ op: 'or', of })),
    },
    { weight: 1, arbitrary: sub.map((of): Predicate => ({ op: 'not', of })) },
  );
}

const field = (row: CanonicalRow, name: string): unknown =>
  (row as unknown as Record<string, unknown>)[name];

/** Two-valued, like the compiler: a leaf on a missing value is false. */
export function holds(p: Predicate, row: CanonicalRow): boolean {
  switch (p.op) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'and':
      return p.of.every((q) => holds(q, row));
    case 'or':
      return p.of.filter((q) => holds(q, row)).length >= (p.atLeast ?? 1);
    case 'not':
      return !holds(p.of, row);
    case 'cmp':
      return field(row, p.field) === p.value;
    case 'in':
      return p.values.includes(field(row, p.field) as string);
    case 'text': {
      const v = field(row, p.field);
      return typeof v === 'string' && v.startsWith(p.value);
    }
    case 'exists':
      return field(row, p.field) !== null && field(row, p.field) !== undefined;
    case 'json':
      throw new Error('the isolation model does not generate json predicates');
  }
}

function passesRules(rules: PolicyRules | undefined, row: CanonicalRow, name: string): boolean {
  if (!rules) return true;
  if (row.family === 'entity') {
    if (rules.typeNames && !rules.typeNames.includes(row.typeName ?? '\u0000')) return false;
    const qn = row.entityQualifiedName;
    if (
      rules.qualifiedNamePrefixes &&
      !rules.qualifiedNamePrefixes.some((p) => qn !== null && qn.startsWith(p))
    )
      return false;
  }
  return !(rules.ownOnly === true && row.actor !== name);
}

/** undefined: the request must be refused with AQ430 */
export function allowedEnvironments(who: Principal, family: Family, target: string | undefined) {
  if (family !== 'request') return 'any' as const;
  const admin = who.roles.includes('gateway:admin');
  if (target === undefined) return admin ? ('any' as const) : who.environments;
  if (!/^[A-Za-z0-9_.-]{1,128}$/.test(target)) return undefined;
  return admin || who.environments.includes(target) ? [target] : undefined;
}

export function visible(
  who: Principal,
  family: Family,
  envs: 'any' | readonly string[],
  row: CanonicalRow,
): boolean {
  if (row.tenant !== who.tenant || row.family !== family) return false;
  if (family === 'request' && envs !== 'any' && !envs.includes(row.environment ?? '')) return false;
  return passesRules(who.policy.allow, row, who.name);
}

export function detailVisible(who: Principal, row: CanonicalRow): boolean {
  return row.family !== 'entity' || passesRules(who.policy.detail, row, who.name);
}
