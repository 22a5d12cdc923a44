/** What every workload gets: the running gateway, its tokens, a direct connection, the samples. */
import type { Knex } from 'knex';
import type { BenchOptions } from '../BenchOptions';
import type { BenchTokens } from '../createBenchTokens';
import type { Samples } from '../pickSamples';
import type { GatewayProcess } from '../startGateway';

export interface WorkloadContext {
  readonly gateway: GatewayProcess;
  readonly tokens: BenchTokens;
  /** the hand-written SQL runs here: pg directly, its own small pool */
  readonly db: Knex;
  /** the same database, for the COPY of W5 (a plain pg client) */
  readonly databaseUrl: string;
  /** the dataset's Atomic files, for W5 */
  readonly atomicFiles: readonly string[];
  readonly samples: Samples;
  readonly options: BenchOptions;
}

/** One request of a workload, as the gateway gets it: also reused by the W6 mix. */
export interface HttpCall {
  readonly label: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  /** pre-serialised, so the client's JSON work is not timed */
  readonly body?: string;
}
