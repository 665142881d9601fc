// The HTTP API in-process (Fastify inject) on a test database, and a case row projected the way the workflow
// would, for API tests that do not need a running workflow.
import { Client, Connection } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { createActivities } from '../../activities/index.js';
import { buildApi } from '../../api/server.js';
import { loadConfig } from '../../platform/config.js';
import type { Db } from '../../platform/db.js';
import { createLogger } from '../../platform/log.js';
import { createMailer } from '../../platform/mailer.js';
import { freePort } from './ports.js';
import { DEMO_PASSWORD } from '../../scripts/seed.js';

/** With no Temporal given, one that cannot be reached: commands fail fast (503) after authorisation. `env`
 * overrides configuration (e.g. the rate limits for a test that sends many requests as one user). */
export async function testApi(
  db: Db,
  temporal?: Client,
  env: Record<string, string> = {},
): Promise<FastifyInstance> {
  const client =
    temporal ??
    // No retry interceptor: fail at once instead of backing off for a minute.
    new Client({
      connection: Connection.lazy({ address: `127.0.0.1:${await freePort()}`, interceptors: [] }),
    });
  return buildApi({
    cfg: loadConfig(env),
    db,
    temporal: client,
    log: createLogger('test', { level: 'silent' }),
  });
}

/** A case in the filing stage of the county unit "dc", as the projection holds it after registration. */
export async function projectCase(
  db: Db,
  caseNumber: string,
  kind: 'case' | 'complaint' | 'listing' = 'case',
): Promise<void> {
  const { recordStep } = createActivities({
    db,
    mailer: createMailer('smtp://127.0.0.1:9', 'unused@tiean.local'),
  });
  const now = new Date().toISOString();
  await recordStep({
    caseNumber,
    seq: 1,
    at: now,
    actorId: 'officer1',
    action: 'clue.registered',
    details: {},
    case: {
      number: caseNumber,
      kind,
      unitId: 'dc',
      stage: { case: 'filing', complaint: 'acceptance', listing: 'proposed' }[kind],
      status: 'open',
      source: 'media',
      respondent: { kind: 'natural_person', name: '王五' },
      summary: '媒体曝光线索',
      discoveredOn: '2026-11-02',
      ...(kind === 'listing'
        ? {
            details: {
              list: 'abnormal',
              entity: { kind: 'organisation', name: '演示贸易有限公司', uscc: '91350100M000100Y43' },
              reason: 'no_annual_report',
              caseNumber: null,
              approvingUnitId: 'city',
              listedOn: null,
              earliestRemovalOn: null,
              endsOn: null,
              escalatesOn: null,
              outcome: null,
            },
          }
        : {}),
      overdue: false,
      nextDueOn: null,
      nextDueAt: null,
      createdBy: 'officer1',
      createdAt: now,
    },
    deadlines: [],
  });
}

/** Signs in demo users through the API, each from its own address (the sign-in rate limit is per address);
 * returns their bearer tokens by username. */
export async function signIn(
  app: FastifyInstance,
  users: string[],
  subnet: string,
): Promise<Record<string, string>> {
  const tokens: Record<string, string> = {};
  for (const [i, username] of users.entries()) {
    const r = await app.inject({
      method: 'POST',
      url: '/api/session',
      remoteAddress: `${subnet}.${i + 1}`,
      payload: { username, password: DEMO_PASSWORD },
    });
    tokens[username] = r.json().token;
  }
  return tokens;
}
