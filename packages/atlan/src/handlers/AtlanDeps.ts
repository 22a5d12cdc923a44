import type { AuditSearch } from '@audit-gateway/ir';
import type { EntityHeaderRow, TypedefRow } from '@audit-gateway/store';

/** What the Atlan handlers need; the server wires the store's readers in (atlanRoutes.ts). */
export interface AtlanDeps {
  readonly search: AuditSearch;
  /** current state of the given entities in a tenant (absent: purged or unknown) */
  readonly loadEntityHeaders: (
    tenant: string,
    guids: readonly string[],
  ) => Promise<ReadonlyMap<string, EntityHeaderRow>>;
  /** a tenant's type definitions in the given upper-case categories */
  readonly loadTypedefs: (
    tenant: string,
    categories: readonly string[],
  ) => Promise<readonly TypedefRow[]>;
}
