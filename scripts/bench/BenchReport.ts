/** The one JSON document a run prints (issue 9): everything the table shows, and more. */
import type { LoadResult } from './dataset/loadDataset';
import type { MachineInfo } from './machineInfo';
import type { WorkloadResult } from './workloads/WorkloadResult';

export interface BenchReport {
  readonly version: 1;
  readonly startedAt: string;
  readonly seconds: number;
  readonly events: number;
  readonly database: 'embedded' | 'scratch' | 'given';
  readonly loader: 'ingest' | 'copy';
  readonly machine: MachineInfo;
  readonly load: LoadResult;
  readonly workloads: readonly WorkloadResult[];
  /** the greatest server RSS over the whole run, MiB */
  readonly peakRssMiB: number;
  /** the targets, each met or not (reported, never asserted) */
  readonly targets: Readonly<Record<string, { readonly value: number; readonly met: boolean }>>;
}
