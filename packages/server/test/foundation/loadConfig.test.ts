import { ConfigError, loadConfig } from '../../src/config/loadConfig';

describe('loadConfig', () => {
  it('has the documented defaults and an embedded database without DATABASE_URL', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 8080,
      database: { kind: 'embedded', dataDir: './data' },
      logLevel: 'info',
      rateLimitPerMinute: 600,
      bodyLimitBytes: 10 * 1024 * 1024,
      trustProxy: false,
      shutdownGraceMs: 10_000,
      statementTimeoutMs: 30_000,
    });
    expect(c.cursorKeys).toBeUndefined();
    expect(c.bootstrapToken).toBeUndefined();
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('uses DATABASE_URL and the other settings when given', () => {
    const key = Buffer.alloc(32, 7).toString('base64url');
    const c = loadConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/audit',
      DATABASE_READ_URL: 'postgresql://r@replica/audit',
      PORT: '9090',
      AUDIT_GATEWAY_RATE_LIMIT: '0',
      AUDIT_GATEWAY_CURSOR_KEYS: `${key},${key}`,
      AUDIT_GATEWAY_TRUST_PROXY: '1',
      AUDIT_GATEWAY_GENERATION: '3',
      AUDIT_GATEWAY_EMBEDDED_PG_PORT: '15432',
    });
    expect(c.database).toEqual({
      kind: 'url',
      url: 'postgres://u:p@db:5432/audit',
      readUrl: 'postgresql://r@replica/audit',
    });
    expect(c.port).toBe(9090);
    expect(c.rateLimitPerMinute).toBe(0);
    expect(c.cursorKeys).toHaveLength(2);
    expect(c.trustProxy).toBe(1);
    expect(c.generation).toBe(3);
  });

  it.each([
    ['PORT', 'eighty', /PORT must be a whole number/],
    ['PORT', '70000', /PORT must be between/],
    ['DATABASE_URL', 'mysql://x/y', /DATABASE_URL must be a postgres:\/\/ URL/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
    ['AUDIT_GATEWAY_CURSOR_KEYS', 'c2hvcnQ', /shorter than 32 bytes/],
    ['AUDIT_GATEWAY_CURSOR_KEYS', 'not base64!', /not base64url/],
    ['AUDIT_GATEWAY_GENERATION', '0', /AUDIT_GATEWAY_GENERATION must be between 1 and 32767/],
    ['AUDIT_GATEWAY_RATE_LIMIT', '-1', /AUDIT_GATEWAY_RATE_LIMIT must be a whole number/],
  ])('names %s when its value %p is bad', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });
});
