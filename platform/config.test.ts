import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('defaults to the embedded services under the data folder', () => {
    const c = loadConfig({ TIEAN_DATA_DIR: '/srv/tiean' });
    expect(c.dataDir).toBe('/srv/tiean');
    expect(c.database).toMatchObject({ embedded: true, port: 54329 });
    expect(c.temporal).toMatchObject({ embedded: true, address: '127.0.0.1:7233', namespace: 'default' });
    expect(c.smtp).toMatchObject({ embedded: true, url: 'smtp://127.0.0.1:2525' });
    expect(c.worker.cachedWorkflows).toBe(1000);
  });
  it("sizes the worker's workflow cache, refusing what is not a whole number in range", () => {
    expect(loadConfig({ TIEAN_WORKER_CACHED_WORKFLOWS: '2500' }).worker.cachedWorkflows).toBe(2500);
    for (const bad of ['many', '-1', '1.5', '1000000'])
      expect(() => loadConfig({ TIEAN_WORKER_CACHED_WORKFLOWS: bad })).toThrow(
        /TIEAN_WORKER_CACHED_WORKFLOWS/,
      );
  });
  it('uses external services when their variables are set', () => {
    const c = loadConfig({
      DATABASE_URL: 'postgresql://u:p@db:5432/tiean',
      TEMPORAL_ADDRESS: 'ns.acct.tmprl.cloud:7233',
      TEMPORAL_NAMESPACE: 'ns.acct',
      TEMPORAL_API_KEY: 'key',
      SMTP_URL: 'smtps://mail.example:465',
    });
    expect(c.database.embedded).toBe(false);
    expect(c.temporal).toMatchObject({ embedded: false, apiKey: 'key', tls: {} });
    expect(c.smtp.embedded).toBe(false);
  });
  it('names every bad variable', () => {
    try {
      loadConfig({ DATABASE_URL: 'mysql://x', TIEAN_API_PORT: '99999', TEMPORAL_ADDRESS: 'nohost' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const vars = (err as ConfigError).issues.map((i) => i.variable).sort();
      expect(vars).toEqual(['DATABASE_URL', 'TEMPORAL_ADDRESS', 'TIEAN_API_PORT']);
      expect((err as Error).message).toContain('Invalid configuration');
    }
  });
  describe('tracing', () => {
    it('is off by default', () => {
      expect(loadConfig({}).tracing).toEqual({ mode: 'off' });
    });
    it('is on with an OTLP endpoint: the traces path is added to the base URL, the traces URL is taken as it is', () => {
      expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).tracing).toEqual({
        mode: 'otlp',
        url: 'http://collector:4318/v1/traces',
      });
      expect(
        loadConfig({
          OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
          OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://traces.example/otlp/v1/traces',
          OTEL_SERVICE_NAME: 'tiean-province',
        }).tracing,
      ).toEqual({
        mode: 'otlp',
        url: 'https://traces.example/otlp/v1/traces',
        serviceName: 'tiean-province',
      });
    });
    it('TIEAN_TRACING=console writes spans with the logs; off stays off even with an endpoint', () => {
      expect(loadConfig({ TIEAN_TRACING: 'console' }).tracing).toEqual({ mode: 'console' });
      expect(
        loadConfig({ TIEAN_TRACING: 'off', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }).tracing,
      ).toEqual({ mode: 'off' });
    });
    it('refuses a bad value, a bad endpoint, and otlp without an endpoint, naming the variable', () => {
      const issues = (env: Record<string, string>) => {
        try {
          loadConfig(env);
        } catch (err) {
          expect(err).toBeInstanceOf(ConfigError);
          expect((err as Error).message).toContain('配置无效 / Invalid configuration');
          return (err as ConfigError).issues;
        }
        return expect.unreachable();
      };
      expect(issues({ TIEAN_TRACING: 'yes', OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toEqual([
        { variable: 'TIEAN_TRACING', message: 'must be off, console or otlp' },
        { variable: 'OTEL_EXPORTER_OTLP_ENDPOINT', message: 'must be a URL starting with http: or https://' },
      ]);
      expect(issues({ TIEAN_TRACING: 'otlp' })).toEqual([
        {
          variable: 'TIEAN_TRACING',
          message: 'otlp needs OTEL_EXPORTER_OTLP_ENDPOINT (the collector, e.g. http://127.0.0.1:4318)',
        },
      ]);
    });
  });
});
