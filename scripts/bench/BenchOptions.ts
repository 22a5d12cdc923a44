/** What one bench run is asked to do (parsed from the command line by parseBenchArgs). */
export interface BenchOptions {
  /** events the generator writes, over all families */
  readonly events: number;
  /** an existing PostgreSQL; undefined → the embedded one, in a temporary directory */
  readonly databaseUrl?: string;
  /**
   * true: load into databaseUrl as given (it must be empty and migrated or migratable);
   * false: create a scratch database next to it and drop it afterwards
   */
  readonly reuseDatabase: boolean;
  /** seconds W6 runs */
  readonly mixedSeconds: number;
  /** concurrent clients in W6 */
  readonly mixedClients: number;
  /** measured requests per W1–W3 variant (after the warm-up) */
  readonly iterations: number;
  /** pages W4 walks */
  readonly pages: number;
  /** events W5 ingests over HTTP and again with COPY (capped by what the dataset holds) */
  readonly ingestEvents: number;
  /** where the JSON document goes; undefined → stdout */
  readonly out?: string;
  /** a directory the generator already filled; undefined → generate into a temporary one */
  readonly dataDir?: string;
  /**
   * `ingest`: the store's write path (exact entity state, derived purges; the default);
   * `copy`: COPY per family with an approximate entity state, for 1M/10M runs
   */
  readonly loader: 'ingest' | 'copy';
  /** the generator script, relative to the repository (default scripts/generate/main.ts) */
  readonly generator: string;
  /** progress lines (stderr by default) */
  readonly log: (line: string) => void;
}
