/**
 * The 10k-event smoke run (issue 9 acceptance): the whole harness against a fresh database of the
 * test PostgreSQL, with short series. It checks that every figure is produced and sane, not how
 * fast anything is.
 */
import { useTestDatabase } from '../../packages/store/test-support/testDatabase';
import { resolve } from 'node:path';
import type { BenchReport } from './BenchReport';
import { formatTable } from './formatTable';
import { runBench } from './runBench';
import type { WorkloadId } from './workloads/WorkloadResult';

const db = useTestDatabase();
const REPO_ROOT = resolve(__dirname, '..', '..');

const finite = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

describe('npm run bench (10k-event smoke run)', () => {
  let report: BenchReport;
  const lines: string[] = [];

  beforeAll(async () => {
    report = await runBench(
      {
        events: 10_000,
        databaseUrl: db.url,
        reuseDatabase: true,
        mixedSeconds: 2,
        mixedClients: 4,
        iterations: 10,
        pages: 5,
        ingestEvents: 2000,
        generator: 'scripts/generate/main.ts',
        loader: 'ingest',
        log: (line) => lines.push(line),
      },
      REPO_ROOT,
    );
  }, 170_000);

  it('loads the generated dataset and describes the machine', () => {
    expect(report.events).toBe(10_000);
    expect(report.load.stored).toBeGreaterThanOrEqual(10_000);
    expect(report.load.records.atlan).toBeGreaterThan(0);
    expect(report.load.records.atlas).toBeGreaterThan(0);
    expect(report.load.records.atomic).toBeGreaterThan(0);
    expect(report.machine.cpus).toBeGreaterThan(0);
    expect(report.machine.memoryMiB).toBeGreaterThan(0);
    expect(report.machine.node).toMatch(/^v\d+/);
    expect(report.machine.postgres).toMatch(/^\d+/);
    expect(report.database).toBe('given');
  });

  it.each<WorkloadId>(['W1', 'W2', 'W3', 'W4', 'W5', 'W6'])(
    '%s ran without errors and has p50/p95/p99, throughput and peak RSS',
    (id) => {
      const w = report.workloads.find((x) => x.id === id);
      expect(w).toBeDefined();
      expect(w!.skipped).toBeUndefined();
      const g = w!.gateway;
      expect(g.errors).toBe(0);
      expect(g.firstError).toBeUndefined();
      expect(g.count).toBeGreaterThan(0);
      for (const p of [g.p50, g.p95, g.p99]) expect(p).toBeGreaterThan(0);
      expect(g.p50).toBeLessThanOrEqual(g.p95);
      expect(g.p95).toBeLessThanOrEqual(g.p99);
      expect(g.throughput).toBeGreaterThan(0);
      expect(w!.peakRssMiB).toBeGreaterThan(0);
    },
  );

  it.each<WorkloadId>(['W1', 'W2', 'W3', 'W4'])('%s has its SQL figures and the ratio', (id) => {
    const w = report.workloads.find((x) => x.id === id)!;
    expect(w.sql?.errors).toBe(0);
    expect(w.sql?.count).toBeGreaterThan(0);
    expect(w.sql!.p50).toBeGreaterThan(0);
    expect(finite(w.ratio)).toBe(true);
  });

  it('W2 reports the query plan, W4 the depth ratios, W5 both rates', () => {
    const byId = (id: WorkloadId) => report.workloads.find((x) => x.id === id)!;
    expect((byId('W2').extra?.sqlPlan as string[]).join('\n')).toMatch(/Scan/);
    const w4 = byId('W4').extra!;
    expect(w4.pagesWalked).toBe(5);
    expect(finite(w4.gatewayDepthRatio)).toBe(true);
    expect(finite(w4.sqlDepthRatio)).toBe(true);
    const w5 = byId('W5');
    expect(w5.extra?.httpIngested).toBe(2000);
    expect(w5.extra?.copyEventsPerSecond).toBeGreaterThan(0);
    expect(w5.extra?.httpEventsPerSecond).toBeGreaterThan(0);
    expect(finite(w5.ratio)).toBe(true);
  });

  it('reports every target, peak RSS, and prints a table naming every workload', () => {
    expect(Object.keys(report.targets)).toHaveLength(6);
    expect(report.peakRssMiB).toBeGreaterThan(0);
    const table = formatTable(report);
    for (const id of ['W1', 'W2', 'W3', 'W4', 'W5', 'W6'])
      expect(table).toMatch(new RegExp(`^${id} `, 'm'));
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});
