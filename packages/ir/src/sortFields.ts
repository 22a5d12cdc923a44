/**
 * Sort keys may name a catalogue field or, for entity rows, one header: `headers.<name>` (Atlan
 * sorts on every header as a keyword, spec/atlan-auditsearch.md §4.2). Parsers and the compiler
 * resolve sort keys here instead of `lookupField`, so both agree on what is sortable.
 *
 *   sortFieldSpec('entity', 'headers.x-atlan-agent-id')
 *   → { name: 'headers.x-atlan-agent-id', column: 'headers', kind: 'keyword', sortable: true, … }
 */
import { lookupField, type FieldSpec } from './catalogue';
import type { Family, Field } from './types';

export const HEADER_PREFIX = 'headers.';

/** The header name of a `headers.<name>` sort field of the entity family, else undefined. */
export function headerSortName(family: Family, field: Field): string | undefined {
  if (family !== 'entity' || !field.startsWith(HEADER_PREFIX)) return undefined;
  const name = field.slice(HEADER_PREFIX.length);
  return name.length > 0 ? name : undefined;
}

export function sortFieldSpec(family: Family, field: Field): FieldSpec | undefined {
  if (headerSortName(family, field) === undefined) return lookupField(family, field);
  const spec: FieldSpec = {
    name: field,
    column: 'headers',
    kind: 'keyword',
    families: ['entity'],
    sortable: true,
    aggregatable: false,
    rangeable: false,
  };
  return Object.freeze(spec);
}
