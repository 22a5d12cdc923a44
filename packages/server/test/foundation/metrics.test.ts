import { createMetrics } from '../../src/observability/metrics';

describe('metrics', () => {
  it('counts requests by route, method and status and reads the sources on scrape', async () => {
    let dropped = 0;
    const m = createMetrics({
      defaultMetrics: false,
      sources: {
        tailHorizonAgeSeconds: () => Promise.resolve(12.5),
        selfRecordsDropped: () => dropped,
      },
    });
    m.observe('/v1/:environmentId/audit-log', 'GET', 200, 0.02);
    m.observe('/v1/:environmentId/audit-log', 'GET', 200, 0.03);
    dropped = 3;
    const text = await m.registry.metrics();
    expect(text).toMatch(
      /audit_gateway_http_requests_total\{route="\/v1\/:environmentId\/audit-log",method="GET",status="200"\} 2/,
    );
    expect(text).toMatch(/audit_gateway_tail_horizon_age_seconds 12.5/);
    expect(text).toMatch(/audit_gateway_self_records_dropped_total 3/);
    dropped = 5;
    expect(await m.registry.metrics()).toMatch(/audit_gateway_self_records_dropped_total 5/);
  });
});
