// A case workflow on the time-skipping server with real activities (PostgreSQL, SMTP), for the lifecycle
// suites: start a case, send commands as Updates, read its view and audit trail. Call useCaseHarness() at the
// top of a test file: it sets up (and tears down) one environment per file.
import type { UpdateDefinition } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { createActivities } from '../../activities/index.js';
import { chinaDateOf } from '../../schema/values/dates.js';
import type { CaseInput, CaseView, RegisterClue } from '../../schema/case.js';
import type { CommandResult } from '../../schema/common.js';
import * as M from '../../workflows/case/messages.js';
import { expectTypedAuditTrail } from './audit.js';
import { caseInput } from './cases.js';
import { freshDb, type TestDb } from './db.js';
import { startTestSmtp, type TestSmtp } from './smtp.js';
import { testWorker, timeSkippingEnv } from './temporal.js';

export const DAY = 86_400_000;

import { head } from './cases.js';
import { startCaseWorkflow } from './case-client.js';
export { actor, head, officer1, principal, ref, team, TEAM_IDS } from './cases.js';

export function useCaseHarness(prefix: string) {
  const h = {} as { env: TestWorkflowEnvironment; tdb: TestDb; smtp: TestSmtp };
  let n = 0;
  const running: { terminate(): Promise<unknown> }[] = [];
  beforeAll(async () => {
    [h.tdb, h.smtp] = await Promise.all([freshDb(), startTestSmtp()]);
  });
  afterAll(async () => {
    // Every step the file's cases recorded has its action's typed shape (schema/events.ts).
    if (h.tdb) expect(await expectTypedAuditTrail(h.tdb.db)).toBeGreaterThan(0);
    await h.tdb?.drop();
    await h.smtp?.stop();
  });
  // A test server per test: each test skips months of time, and one server shared by a long file was seen to
  // stop skipping after its internal connection was refused for "excess pings".
  beforeEach(async () => {
    h.env = await timeSkippingEnv();
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((x) => x.terminate().catch(() => undefined)));
    await h.env?.teardown().catch(() => undefined);
  });

  async function startCase(opts: { clue?: Partial<RegisterClue>; input?: Partial<CaseInput> } = {}) {
    const taskQueue = `${prefix}-${++n}`;
    const { env, tdb, smtp } = h;
    const worker = await testWorker(env, taskQueue, createActivities({ db: tdb.db, mailer: smtp.mailer }));
    const today = chinaDateOf(await env.currentTimeMs());
    const caseNumber = `DC-${prefix.toUpperCase()}-${n}-${Date.now()}`;
    const input = { ...caseInput(caseNumber, today, opts.clue), ...opts.input };
    const handle = await startCaseWorkflow(env.client, {
      taskQueue,
      workflowId: caseNumber,
      args: [input],
    });
    running.push(handle);
    /** Sends a command; the Update answers with a small result (checked here), and the test reads the view as
     * the API does, with the query. */
    const send = async <T>(
      u: UpdateDefinition<CommandResult, [M.Command<T>], string>,
      cmd: M.Command<T>,
    ): Promise<CaseView> => {
      const result = await handle.executeUpdate(u, { args: [cmd] });
      const v = await handle.query(M.caseViewQuery);
      expect(result).toEqual({
        number: caseNumber,
        stage: v.stage,
        status: v.status,
        step: expect.any(Number),
        nextDueOn: expect.toSatisfy((d: unknown) => d === null || typeof d === 'string'),
        overdue: v.overdue,
      });
      return v;
    };
    const file = () =>
      send(M.decideFilingUpdate, {
        actor: head,
        command: { decision: 'file', reasons: '有违法事实，符合立案条件' },
      });
    const view = () => handle.query(M.caseViewQuery);
    return { worker, handle, caseNumber, today, send, file, view };
  }

  const actions = async (caseNumber: string) =>
    (await h.tdb.db.auditEntry.findMany({ where: { caseNumber }, orderBy: { seq: 'asc' } })).map(
      (a) => a.action,
    );
  return { h, startCase, actions };
}

export const clockOf = (v: CaseView, name: string) => v.clocks.find((c) => c.name === name)!;
