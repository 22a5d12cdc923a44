/**
 * The GUIDs an Atlas purge entry derives ENTITY_PURGE events for (spec/ingest.md §6.5): `result`
 * split on commas, trimmed, empties dropped, first occurrence kept. BATCH rows derive nothing
 * because their GUIDs are repeated in the run's SUMMARY row.
 */
export interface PurgeSource {
  readonly operation: string;
  readonly auditRowKind: string | null;
  readonly result: string | null;
}

export function derivesPurges(e: PurgeSource): boolean {
  return (e.operation === 'PURGE' || e.operation === 'AUTO_PURGE') && e.auditRowKind !== 'BATCH';
}

export function purgedGuids(e: PurgeSource): string[] {
  if (!derivesPurges(e) || e.result === null) return [];
  const seen = new Set<string>();
  for (const item of e.result.split(',')) {
    const g = item.trim();
    if (g !== '') seen.add(g);
  }
  return [...seen];
}

/** The derived-event count checked before writing (§3.4), duplicates included. */
export function countDerivedEvents(entries: readonly PurgeSource[]): number {
  return entries.reduce((n, e) => n + purgedGuids(e).length, 0);
}
