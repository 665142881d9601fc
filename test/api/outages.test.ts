// The API when a dependency is down: Temporal unreachable → 503 with the registration kept for a retry with
// the same key (no second case number); no worker → the case page still answers from the projection.
import { Client, Connection } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities/index.js';
import { buildApi } from '../../api/server.js';
import { loadConfig } from '../../platform/config.js';
import { createLogger } from '../../platform/log.js';
import { DEMO_PASSWORD } from '../../scripts/seed.js';
import { freshDb, type TestDb } from '../helpers/db.js';
import { freePort } from '../helpers/ports.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { timeSkippingEnv } from '../helpers/temporal.js';
import type { TestWorkflowEnvironment } from '@temporalio/testing';

let tdb: TestDb;
let smtp: TestSmtp;
let env: TestWorkflowEnvironment;
const apps: FastifyInstance[] = [];
const log = createLogger('test', { level: 'silent' });

async function api(temporal: Client) {
  const app = await buildApi({ cfg: loadConfig({}), db: tdb.db, temporal, log });
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
  [tdb, smtp, env] = await Promise.all([freshDb(), startTestSmtp(), timeSkippingEnv()]);
});
afterAll(async () => {
  for (const a of apps) await a.close();
  await env?.teardown();
  await smtp?.stop();
  await tdb?.drop();
});

describe('API during outages', () => {
  it('Temporal unreachable: 503, and a retry with the same key keeps the same case number', async () => {
    // No retry interceptor: fail at once instead of backing off for a minute.
    const connection = Connection.lazy({ address: `127.0.0.1:${await freePort()}`, interceptors: [] });
    const app = await api(new Client({ connection }));
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
    const regs = await tdb.db.registration.findMany();
    expect(regs).toHaveLength(1);
    expect(await tdb.db.case.count()).toBe(0); // nothing half-written: no case without its workflow
  });

  it('no worker: the case page answers from the projection, without live state', async () => {
    const { recordStep } = createActivities({ db: tdb.db, mailer: smtp.mailer });
    await recordStep({
      caseNumber: 'DC-2026-00077',
      seq: 1,
      at: new Date().toISOString(),
      actorId: 'officer1',
      action: 'clue.registered',
      details: {},
      case: {
        number: 'DC-2026-00077',
        unitId: 'dc',
        stage: 'filing',
        status: 'open',
        source: 'media',
        respondent: clue.respondent,
        summary: clue.summary,
        discoveredOn: clue.discoveredOn,
        overdue: false,
        nextDueOn: null,
        nextDueAt: null,
        createdBy: 'officer1',
        createdAt: new Date().toISOString(),
      },
      deadlines: [],
    });
    // A workflow with that ID exists, but no worker polls its task queue.
    await env.client.workflow.start('caseWorkflow', {
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
