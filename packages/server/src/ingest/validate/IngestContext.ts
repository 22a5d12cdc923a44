/** What the semantic checks of spec/ingest.md §2 need to know about the writer. */
export interface IngestContext {
  /** every record is stored in this tenant */
  readonly tenant: string;
  /** Atomic environments the writer may use; 'any' for gateway:admin (never `_`-prefixed ones) */
  readonly environments: readonly string[] | 'any';
}
