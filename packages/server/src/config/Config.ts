/** The gateway's settings (DESIGN §4.2), as loadConfig() produces them. */
export type DatabaseConfig =
  | { readonly kind: 'url'; readonly url: string; readonly readUrl?: string }
  | { readonly kind: 'embedded'; readonly dataDir: string; readonly port?: number };

export interface Config {
  readonly port: number;
  readonly database: DatabaseConfig;
  readonly logLevel: string;
  /** undefined → the bootstrap admin's token is generated (spec/credentials.md §4) */
  readonly bootstrapToken?: string;
  /** undefined → one key generated once and kept in store_meta; else first signs, all verify */
  readonly cursorKeys?: readonly Buffer[];
  /** requests per minute per credential; 0 disables */
  readonly rateLimitPerMinute: number;
  readonly bodyLimitBytes: number;
  /** Express `trust proxy`: false, a hop count, or addresses/CIDRs */
  readonly trustProxy: boolean | number | string;
  readonly shutdownGraceMs: number;
  readonly statementTimeoutMs: number;
  /** raises the stored generation, never lowers it */
  readonly generation?: number;
}
