/**
 * One bench run, start to end (issue 9): database → dataset → load → gateway → tokens → W1–W6 →
 * report. Everything it starts (embedded PostgreSQL, scratch database, gateway, temp files) is
 * released in reverse order, also when a step fails.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createDb } from '@audit-gateway/store';
import type { BenchOptions } from './BenchOptions';
import type { BenchReport } from './BenchReport';
import { createBenchTokens, newBootstrapToken } from './createBenchTokens';
import { findDatasetFiles } from './dataset/findDatasetFiles';
import { generateDataset } from './dataset/generateDataset';
import { copyDataset } from './dataset/copyDataset';
import { loadDataset } from './dataset/loadDataset';
import { evaluateTargets } from './evaluateTargets';
import { machineInfo } from './machineInfo';
import { pickSamples } from './pickSamples';
import { prepareDatabase } from './prepareDatabase';
import { startGateway } from './startGateway';
import { runW1 } from './workloads/w1EntityHistory';
import { runW2 } from './workloads/w2StarterAggregation';
import { runW3 } from './workloads/w3AtlasAdmin';
import { runW4 } from './workloads/w4AtomicPaging';
import { runW5 } from './workloads/w5Ingest';
import { runW6 } from './workloads/w6Mixed';
import type { WorkloadContext } from './workloads/WorkloadContext';
import type { WorkloadResult } from './workloads/WorkloadResult';

/** the bootstrap credential's tenant (spec/credentials.md §4): the tokens and the data live there */
const TENANT = 'default';

type Cleanup = () => Promise<void> | void;

/**
 * `onAbortable` receives a function that releases everything started so far: main.ts calls it on
 * SIGINT/SIGTERM, so an interrupted run leaves no PostgreSQL, gateway or scratch database behind.
 */
export async function runBench(
  options: BenchOptions,
  repoRoot: string,
  onAbortable?: (release: () => Promise<void>) => void,
): Promise<BenchReport> {
  const log = options.log;
  const started = new Date();
  const cleanups: Cleanup[] = [];
  const release = async () => {
    for (const c of cleanups.splice(0).reverse())
      await Promise.resolve(c()).catch((e: unknown) => log(`cleanup failed: ${String(e)}`));
  };
  onAbortable?.(release);
  try {
    let dataDir = options.dataDir;
    if (!dataDir) {
      const tmp = mkdtempSync(join(tmpdir(), 'audit-bench-data-'));
      cleanups.push(() => rmSync(tmp, { recursive: true, force: true }));
      dataDir = tmp;
      await generateDataset(repoRoot, options.generator, options.events, tmp, log);
    }
    const files = findDatasetFiles(resolve(dataDir));

    const database = await prepareDatabase(options.databaseUrl, options.reuseDatabase, log);
    cleanups.push(() => database.release());
    const db = createDb({
      url: database.url,
      poolMax: 4,
      applicationName: 'audit-gateway-bench',
      statementTimeoutMs: 0,
    });
    cleanups.push(() => db.destroy());

    log(`loading the dataset (${options.loader})`);
    const load =
      options.loader === 'copy'
        ? await copyDataset(db, database.url, TENANT, files, log)
        : await loadDataset(db, TENANT, files, log);
    log(`loaded ${load.stored} events in ${load.seconds} s (${load.eventsPerSecond} ev/s)`);
    await db.raw('VACUUM ANALYZE audit_events');
    await db.raw('ANALYZE entities');
    const samples = await pickSamples(db, TENANT);

    const bootstrapToken = newBootstrapToken();
    const gateway = await startGateway({
      repoRoot,
      databaseUrl: database.url,
      bootstrapToken,
      log,
    });
    cleanups.push(() => gateway.stop());
    const tokens = await createBenchTokens(gateway.client, bootstrapToken, load.environments);

    const ctx: WorkloadContext = {
      gateway,
      tokens,
      db,
      databaseUrl: database.url,
      atomicFiles: files.atomic,
      samples,
      options,
    };
    const workloads: WorkloadResult[] = [];
    // W5 writes rows, so it runs last: W1–W4 and W6 read exactly the loaded dataset
    for (const run of [runW1, runW2, runW3, runW4, runW6, runW5]) {
      const r = await run(ctx);
      log(
        `${r.id}: ${r.skipped ? `skipped (${r.skipped})` : `p50 ${r.gateway.p50} ms, ratio ${r.ratio ?? '–'}`}`,
      );
      workloads.push(r);
    }
    workloads.sort((a, b) => a.id.localeCompare(b.id));
    const peakRssMiB = Math.max(
      ...workloads.map((w) => (Number.isFinite(w.peakRssMiB) ? w.peakRssMiB : 0)),
      gateway.peakRssMiB(),
    );
    return {
      version: 1,
      startedAt: started.toISOString(),
      seconds: Math.round((Date.now() - started.getTime()) / 100) / 10,
      // what the dataset held (with --data-dir it need not be --events)
      events: load.records.atlan + load.records.atlas + load.records.atomic,
      database: database.kind,
      loader: options.loader,
      machine: await machineInfo(db),
      load,
      workloads,
      peakRssMiB,
      targets: evaluateTargets(workloads),
    };
  } finally {
    await release();
  }
}
