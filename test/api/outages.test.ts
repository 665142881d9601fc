// The API when a dependency is down: Temporal unreachable → 503 with the registration kept for a retry with
// the same key (no second case number); no worker → the case page still answers from the projection.
import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../scripts/seed.js';
import { projectCase, testApi } from '../helpers/api.js';
import { freshDb, type TestDb } from '../helpers/db.js';
import { timeSkippingEnv } from '../helpers/temporal.js';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { CASE_WORKFLOW_TYPE } from '../../workflows/case/messages.js';

let tdb: TestDb;
let env: TestWorkflowEnvironment;
const apps: FastifyInstance[] = [];

async function api(temporal?: Client) {
  const app = await testApi(tdb.db, temporal);
  apps.push(app);
  return app;
}

async function token(app: FastifyInstance, username: string) {
  const r = await app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { username, password: DEMO_PASSWORD },
  });
  return `Bearer ${r.json().token}`;
}

const clue = {
  source: 'media',
  respondent: { kind: 'natural_person', name: '李四' },
  summary: '媒体曝光无照经营',
  discoveredOn: '2026-11-02',
};

beforeAll(async () => {
  [tdb, env] = await Promise.all([freshDb(), timeSkippingEnv()]);
});
afterAll(async () => {
  for (const a of apps) await a.close();
  await env?.teardown();
  await tdb?.drop();
});

describe('API during outages', () => {
  it('Temporal unreachable: 503 before a case number is taken (no gap in the numbers); nothing half-written', async () => {
    const app = await api(); // Temporal unreachable
    const auth = await token(app, 'officer1');
    const send = () =>
      app.inject({
        method: 'POST',
        url: '/api/clues',
        headers: { authorization: auth, 'idempotency-key': 'outage-key-0001', 'accept-language': 'en' },
        payload: clue,
      });
    const first = await send();
    expect(first.statusCode).toBe(503);
    expect(first.json()).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      title: 'Service unavailable, please retry',
    });
    const second = await send();
    expect(second.statusCode).toBe(503);
    expect(await tdb.db.registration.count()).toBe(0);
    expect(await tdb.db.caseNumberCounter.count()).toBe(0); // no number used up
    expect(await tdb.db.case.count()).toBe(0); // nothing half-written: no case without its workflow
    // The same for a submission and a credit listing.
    const intake = await token(app, 'intake1');
    const sub = await app.inject({
      method: 'POST',
      url: '/api/submissions',
      headers: { authorization: intake, 'idempotency-key': 'outage-key-0002' },
      payload: {
        kind: 'complaint',
        channel: 'phone',
        submitter: { name: '消费者', realName: false },
        respondent: { kind: 'natural_person', name: '王五' },
        subject: '缺斤短两',
        claim: '退款',
        receivedOn: '2026-11-02',
      },
    });
    expect(sub.statusCode, sub.body).toBe(503);
    const listing = await app.inject({
      method: 'POST',
      url: '/api/listings',
      headers: { authorization: auth, 'idempotency-key': 'outage-key-0003' },
      payload: {
        list: 'abnormal',
        reason: 'no_annual_report',
        entity: { kind: 'organisation', name: '演示贸易有限公司', uscc: '91350100M000100Y43' },
        facts: '未报送年度报告',
        foundOn: '2026-11-02',
      },
    });
    expect(listing.statusCode, listing.body).toBe(503);
    expect(await tdb.db.caseNumberCounter.count()).toBe(0);
    expect(await tdb.db.submission.count()).toBe(0);
  });

  it('readiness with Temporal unreachable: 503 within seconds, naming what is down and nothing of why', async () => {
    const app = await api(); // Temporal unreachable
    const started = Date.now();
    const r = await app.inject({ method: 'GET', url: '/readyz' });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.statusCode).toBe(503);
    expect(r.json()).toEqual({ status: 'not ready', checks: { database: 'ok', temporal: 'unavailable' } });
  });

  it('no worker: the case page answers from the projection, without live state', async () => {
    await projectCase(tdb.db, 'DC-2026-00077');
    // A workflow with that ID exists, but no worker polls its task queue.
    await env.client.workflow.start(CASE_WORKFLOW_TYPE, {
      taskQueue: 'nobody-polls',
      workflowId: 'DC-2026-00077',
      args: [{}],
    });
    const app = await api(env.client);
    const t0 = Date.now();
    const r = await app.inject({
      method: 'GET',
      url: '/api/cases/DC-2026-00077',
      headers: { authorization: await token(app, 'head1') },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ case: { number: 'DC-2026-00077', stage: 'filing' }, live: null });
    expect(Date.now() - t0).toBeLessThan(15_000);
    await env.client.workflow.getHandle('DC-2026-00077').terminate();
  });
});
