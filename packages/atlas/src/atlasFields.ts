/**
 * The ten attribute names of an Atlas admin audit entry (spec/atlas-admin-audits.md §4.2), each
 * with its canonical IR field and the kind that decides which operators it takes (§4.4) and how
 * its values are parsed (§4.5). Names are exact and case-sensitive: `username` is not `userName`.
 */
import { SURFACE_FIELDS, type Field } from '@audit-gateway/ir';

/** string and enum attributes compare as text; date and count as 64-bit integers. */
export type AtlasAttributeKind = 'string' | 'enum' | 'date' | 'count';

export interface AtlasAttribute {
  readonly name: string;
  readonly field: Field;
  readonly kind: AtlasAttributeKind;
}

const KINDS: ReadonlyArray<readonly [string, AtlasAttributeKind]> = [
  ['userName', 'string'],
  ['operation', 'enum'],
  ['params', 'string'],
  ['startTime', 'date'],
  ['endTime', 'date'],
  ['clientId', 'string'],
  ['result', 'string'],
  ['resultCount', 'count'],
  ['runId', 'string'],
  ['auditRowKind', 'enum'],
];

function field(name: string): Field {
  const f = SURFACE_FIELDS.atlas.get(name);
  // the catalogue and this table are both fixed at build time; a gap is a programming error
  if (f === undefined) throw new Error(`atlasFields: ${name} is not in the catalogue`);
  return f;
}

// A Map, not an object literal: an attribute named "constructor" must find nothing.
export const ATLAS_ATTRIBUTES: ReadonlyMap<string, AtlasAttribute> = new Map(
  KINDS.map(([name, kind]) => [name, Object.freeze({ name, field: field(name), kind })]),
);

export function lookupAtlasAttribute(name: string): AtlasAttribute | undefined {
  return ATLAS_ATTRIBUTES.get(name);
}

export const isNumericKind = (kind: AtlasAttributeKind): boolean =>
  kind === 'date' || kind === 'count';
