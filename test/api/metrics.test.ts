// The API's Prometheus metrics: requests counted by route pattern (never the raw URL) and status, latency, the
// process's own metrics; served to loopback, or elsewhere only with the scrape token.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi } from '../../api/server.js';
import { loadConfig } from '../../platform/config.js';
import { createLogger } from '../../platform/log.js';
import { freshDb, type TestDb } from '../helpers/db.js';
import { projectCase, signIn, testApi } from '../helpers/api.js';
import { Client, Connection } from '@temporalio/client';
import { freePort } from '../helpers/ports.js';

const TOKEN = 'scrape-token-0123456789';
let tdb: TestDb;
let app: FastifyInstance;
let withToken: FastifyInstance;

beforeAll(async () => {
  tdb = await freshDb();
  app = await testApi(tdb.db);
  withToken = await buildApi({
    cfg: loadConfig({ TIEAN_METRICS_TOKEN: TOKEN }),
    db: tdb.db,
    temporal: new Client({ connection: Connection.lazy({ address: `127.0.0.1:${await freePort()}` }) }),
    log: createLogger('test', { level: 'silent' }),
  });
});
afterAll(async () => {
  await app?.close();
  await withToken?.close();
  await tdb?.drop();
});

describe('API metrics', () => {
  it('counts requests by route pattern and status, with their latency and the process’s metrics', async () => {
    const { officer1 } = await signIn(app, ['officer1'], '10.9.0');
    await projectCase(tdb.db, 'DC-2026-00901');
    for (const n of ['DC-2026-00901', 'DC-2026-00901', 'DC-2026-09999'])
      await app.inject({ url: `/api/cases/${n}`, headers: { authorization: `Bearer ${officer1}` } });
    const res = await app.inject({ url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const text = res.body;
    // The route's pattern, not the case number: one series per route however many cases there are.
    expect(text).toMatch(
      /tiean_http_requests_total\{method="GET",route="\/api\/cases\/:number",status="200"\} 2/,
    );
    expect(text).toMatch(
      /tiean_http_requests_total\{method="GET",route="\/api\/cases\/:number",status="404"\} 1/,
    );
    expect(text).not.toContain('DC-2026-00901');
    expect(text).toMatch(
      /tiean_http_request_duration_seconds_bucket\{le="0\.1",method="GET",route="\/api\/cases\/:number"\}/,
    );
    expect(text).toContain('tiean_api_process_resident_memory_bytes');
    expect(text).toContain('tiean_api_nodejs_eventloop_lag_seconds');
  });

  it('is served to loopback, elsewhere only with the token', async () => {
    const remote = { remoteAddress: '10.1.2.3' };
    expect((await app.inject({ url: '/metrics', ...remote })).statusCode).toBe(404);
    expect((await withToken.inject({ url: '/metrics', ...remote })).statusCode).toBe(404);
    const wrong = await withToken.inject({
      url: '/metrics',
      ...remote,
      headers: { authorization: 'Bearer nope' },
    });
    expect(wrong.statusCode).toBe(404);
    const right = await withToken.inject({
      url: '/metrics',
      ...remote,
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(right.statusCode).toBe(200);
    expect(right.body).toContain('tiean_http_requests_total');
  });
});
