/**
 * Atlan field paths (spec §2.1) → what a clause may do with them. Top-level names go through the
 * catalogue's `SURFACE_FIELDS.atlan`; `headers.<name>` are keyword JSON leaves; `detail.<path>`
 * exists only in nested context (§3.5.11). Everything else is unmapped and matches nothing (§2.5).
 */
import { SURFACE_FIELDS, lookupField, type Field } from '@audit-gateway/ir';

export type AtlanField =
  | { readonly kind: 'keyword'; readonly name: string; readonly field: Field }
  | { readonly kind: 'date'; readonly name: string; readonly field: Field }
  | { readonly kind: 'header'; readonly name: string; readonly header: string }
  | { readonly kind: 'detail'; readonly name: string; readonly path: readonly string[] }
  | { readonly kind: 'unmapped'; readonly name: string };

/** Where a clause sits: top level, or inside `nested` on `detail`. */
export type FieldContext = 'top' | 'nested';

export function resolveField(name: string, context: FieldContext): AtlanField {
  // no stored key can hold U+0000 (PostgreSQL text and jsonb reject it)
  if (name.includes('\u0000')) return { kind: 'unmapped', name };
  if (context === 'nested') {
    if (name === 'detail') return { kind: 'detail', name, path: [] };
    if (name.startsWith('detail.') && name.length > 'detail.'.length) {
      const segments = name.slice('detail.'.length).split('.');
      // `.keyword` addresses Atlan's ES sub-field; here every leaf is already exact (§3.3)
      if (segments.length > 1 && segments.at(-1) === 'keyword') segments.pop();
      if (segments.every((s) => s !== '')) return { kind: 'detail', name, path: segments };
    }
    return { kind: 'unmapped', name };
  }
  const canonical = SURFACE_FIELDS.atlan.get(name);
  if (canonical !== undefined) {
    const spec = lookupField('entity', canonical);
    if (spec?.kind === 'date') return { kind: 'date', name, field: canonical };
    if (spec?.kind === 'keyword') return { kind: 'keyword', name, field: canonical };
  }
  if (name.startsWith('headers.') && name.length > 'headers.'.length) {
    return { kind: 'header', name, header: name.slice('headers.'.length) };
  }
  return { kind: 'unmapped', name };
}

/** The top-level names, for `exists` wildcard expansion (§3.5.5). */
export const TOP_LEVEL_NAMES: readonly string[] = [...SURFACE_FIELDS.atlan.keys()];
