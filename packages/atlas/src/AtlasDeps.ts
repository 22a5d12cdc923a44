/** What the Atlas handlers are built from; the server wires the real ones (STYLE §2, §3.14). */
import type { AuditSearch } from '@audit-gateway/ir';

/** An entity's current-state row (DESIGN §2.2 `entities`), as E3's existence check needs it. */
export interface EntityState {
  readonly typeName: string | null;
  readonly qualifiedName: string | null;
}

export interface AtlasDeps {
  readonly search: AuditSearch;
  /** the tenant's current-state row of `guid`, if any (spec/atlas-admin-audits.md §8.2 step 1) */
  readonly entityState: (tenant: string, guid: string) => Promise<EntityState | undefined>;
}
