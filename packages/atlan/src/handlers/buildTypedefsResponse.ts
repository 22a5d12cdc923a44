/**
 * The typedefs answer pyatlan's tag cache needs (spec §7): all six arrays, only the requested
 * categories filled, and `structDefs` never empty when STRUCT is asked for, since pyatlan fails
 * the whole call without it.
 */
import type { TypedefRow } from '@audit-gateway/store';

export const CATEGORIES = [
  'CLASSIFICATION',
  'STRUCT',
  'ENTITY',
  'ENUM',
  'RELATIONSHIP',
  'BUSINESS_METADATA',
] as const;
export type Category = (typeof CATEGORIES)[number];

const stringAttribute = (name: string) => ({
  name,
  typeName: 'string',
  isOptional: true,
  cardinality: 'SINGLE',
});

const BUILT_IN_STRUCTS: readonly Record<string, unknown>[] = [
  {
    category: 'STRUCT',
    name: 'SourceTagAttachment',
    typeVersion: '1.0',
    attributeDefs: [stringAttribute('sourceTagName')],
  },
  {
    category: 'STRUCT',
    name: 'SourceTagAttachmentValue',
    typeVersion: '1.0',
    attributeDefs: [stringAttribute('tagAttachmentKey'), stringAttribute('tagAttachmentValue')],
  },
];

/** `?type=` values, case-insensitive; none → every category; unknown values add nothing. */
export function requestedCategories(query: readonly (readonly [string, string])[]): Category[] {
  const asked = query.filter(([k]) => k === 'type').map(([, v]) => v.toUpperCase());
  if (asked.length === 0) return [...CATEGORIES];
  return CATEGORIES.filter((c) => asked.includes(c));
}

export function buildTypedefsResponse(
  categories: readonly Category[],
  rows: readonly TypedefRow[],
): Record<string, unknown[]> {
  const of = (category: string) => rows.filter((r) => r.category === category);
  const classificationDefs = categories.includes('CLASSIFICATION')
    ? of('CLASSIFICATION').map((r) => ({
        description: '',
        typeVersion: '1.0',
        attributeDefs: [],
        superTypes: [],
        entityTypes: [],
        subTypes: [],
        ...r.definition,
        category: 'CLASSIFICATION',
        name: r.name,
        displayName:
          typeof r.definition.displayName === 'string' ? r.definition.displayName : r.name,
      }))
    : [];
  let structDefs: Record<string, unknown>[] = [];
  if (categories.includes('STRUCT')) {
    const ingested = of('STRUCT').map((r) => ({
      ...r.definition,
      category: 'STRUCT',
      name: r.name,
    }));
    const names = new Set(ingested.map((d) => d.name));
    // an ingested definition with a built-in's name replaces it
    structDefs = [...BUILT_IN_STRUCTS.filter((d) => !names.has(d.name as string)), ...ingested];
  }
  return {
    enumDefs: [],
    structDefs,
    classificationDefs,
    entityDefs: [],
    relationshipDefs: [],
    businessMetadataDefs: [],
  };
}
