import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('defaults to the embedded services under the data folder', () => {
    const c = loadConfig({ TIEAN_DATA_DIR: '/srv/tiean' });
    expect(c.dataDir).toBe('/srv/tiean');
    expect(c.database).toMatchObject({ embedded: true, port: 54329 });
    expect(c.temporal).toMatchObject({ embedded: true, address: '127.0.0.1:7233', namespace: 'default' });
    expect(c.smtp).toMatchObject({ embedded: true, url: 'smtp://127.0.0.1:2525' });
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
});
