/** The readable table (stderr): one line per workload, then the targets. */
import type { BenchReport } from './BenchReport';
import type { WorkloadResult } from './workloads/WorkloadResult';

const f = (v: number | undefined, digits = 2): string =>
  v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(digits);

function row(w: WorkloadResult): string[] {
  if (w.skipped) return [w.id, `skipped: ${w.skipped}`, '', '', '', '', '', '', '', ''];
  const g = w.gateway;
  const extra =
    w.id === 'W4'
      ? `depth ${f(w.extra?.gatewayDepthRatio as number)} (sql ${f(w.extra?.sqlDepthRatio as number)}), ${String(w.extra?.pagesWalked)} pages of ${String(w.extra?.limit)}`
      : w.id === 'W5'
        ? `${String(w.extra?.httpEventsPerSecond)} ev/s http, ${String(w.extra?.copyEventsPerSecond)} ev/s copy`
        : '';
  return [
    w.id,
    f(g.p50),
    f(g.p95),
    f(g.p99),
    f(g.throughput, 1),
    String(g.errors),
    f(w.sql?.p50),
    f(w.ratio),
    f(w.peakRssMiB, 0),
    extra,
  ];
}

function align(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function formatTable(report: BenchReport): string {
  const m = report.machine;
  const head = [
    `audit-gateway bench: ${report.events} events read, ${report.load.stored} stored in ${report.load.seconds} s (${report.load.eventsPerSecond} ev/s), ${report.database} PostgreSQL ${m.postgres}`,
    `machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryMiB} MiB, ${m.os}, node ${m.node}`,
    '',
  ];
  const table = align([
    ['id', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s', 'errors', 'sql p50', 'ratio', 'RSS MiB', ''],
    ...report.workloads.map(row),
  ]);
  const targets = Object.entries(report.targets).map(
    ([name, t]) => `  ${t.met ? 'met    ' : 'NOT met'}  ${name}: ${f(t.value)}`,
  );
  return [
    ...head,
    table,
    '',
    'ratio: gateway p50 ÷ SQL p50 (W5: HTTP rate ÷ COPY rate)',
    'targets (issue 9, meant for 10M events):',
    ...targets,
  ].join('\n');
}
