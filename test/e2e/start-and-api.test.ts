// End to end on the dev server: the README's start command as a real process (embedded PostgreSQL, SMTP,
// Temporal CLI dev server, worker, API), driven through the HTTP API; then stopped and started again.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { builtinCalendar } from '../../services/calendar/builtin.js';
import { addWorkingDays } from '../../domain/calendar/calendar.js';
import { chinaDateOf } from '../../schema/values/dates.js';
import { FILING_DECISION, FILING_EXTENSION } from '../../domain/rules/periods.js';
import { yearWithExtraHoliday } from '../helpers/calendar.js';
import { eventually } from '../helpers/eventually.js';
import { createSystem, processesUsing, type CallOptions, type System } from '../helpers/system.js';

let sys: System;
const call = (method: string, url: string, opts?: CallOptions) => sys.call(method, url, opts);
const login = (username: string) => sys.login(username);

function temporalList(query: string): string {
  const r = spawnSync(
    inject('temporalCli'),
    ['workflow', 'list', '--address', sys.temporalAddress, '--query', query, '-o', 'json'],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
}

const clue = {
  source: 'complaint_report',
  respondent: { kind: 'organisation', name: '演示商贸有限公司', uscc: '91350100M000100Y43' },
  summary: '消费者举报该公司销售过期食品',
  // Today, so the filing period is always running when the test looks at it.
  discoveredOn: chinaDateOf(Date.now()),
};
const dueAfter = (wd: number) => addWorkingDays(builtinCalendar(), clue.discoveredOn, wd).due;

beforeAll(async () => {
  sys = await createSystem();
  await sys.start();
});

afterAll(async () => {
  await sys?.destroy();
});

describe('the system end to end (dev server, through the API)', () => {
  let caseNumber = '';

  it('answers health and readiness, and serves its OpenAPI document', async () => {
    expect((await call('GET', '/healthz')).status).toBe(200);
    expect((await call('GET', '/readyz')).body).toMatchObject({
      status: 'ready',
      checks: { database: 'ok', temporal: 'ok' },
    });
    const doc = (await call('GET', '/api/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/clues', '/api/cases', '/api/cases/{number}/filing-decision']),
    );
  });

  it('an officer registers a clue: a case workflow starts, findable in Temporal and in the case list', async () => {
    const officer = await login('officer1');
    const first = await call('POST', '/api/clues', { token: officer, body: clue, key: 'e2e-clue-0001' });
    expect(first.status).toBe(201);
    caseNumber = first.body.caseNumber;
    expect(caseNumber).toMatch(/^DC-\d{4}-\d{5}$/);
    // A retried request (same idempotency key) gets the same case, not a second one.
    const retry = await call('POST', '/api/clues', { token: officer, body: clue, key: 'e2e-clue-0001' });
    expect(retry.body).toEqual({ caseNumber, workflowId: caseNumber, reused: true });
    const reused = await call('POST', '/api/clues', {
      token: officer,
      body: { ...clue, summary: '另一条线索内容' },
      key: 'e2e-clue-0001',
    });
    expect(reused.status).toBe(422);

    // The case is listed as soon as its workflow has started; its first step fills in the due date.
    const listed = await call('GET', '/api/cases?stage=filing', { token: officer });
    expect(listed.body.items.map((c: { number: string }) => c.number)).toEqual([caseNumber]);
    const list = await eventually(async () => {
      const r = await call('GET', '/api/cases?stage=filing', { token: officer });
      expect(r.body.items[0].nextDueOn).not.toBeNull();
      return r.body;
    });
    expect(list.items[0]).toMatchObject({
      stage: 'filing',
      overdue: false,
      nextDueOn: dueAfter(FILING_DECISION.length),
    });
    await eventually(
      async () => {
        expect(
          JSON.parse(
            temporalList(`WorkflowType = 'enforcementCase' AND TieanUnit = 'dc' AND TieanStage = 'filing'`),
          ).map((w: { execution: { workflowId: string } }) => w.execution.workflowId),
        ).toEqual([caseNumber]);
      },
      30_000,
      500,
    );
  });

  it('refuses bad input, missing login, wrong role, wrong unit and unknown cases, changing nothing', async () => {
    const officer = await login('officer1');
    const bad = await call('POST', '/api/clues', {
      token: officer,
      lang: 'en',
      body: { ...clue, source: 'rumour', discoveredOn: '2026-02-30', extra: 1 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', title: 'The request is invalid' });
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['body.source', 'body.discoveredOn', 'body']),
    );
    const future = await call('POST', '/api/clues', {
      token: officer,
      body: { ...clue, discoveredOn: '2099-01-01' },
    });
    expect(future.body).toMatchObject({ status: 400, code: 'DATE_IN_FUTURE', title: '日期不能晚于今天' });
    expect((await call('POST', '/api/clues', { body: clue })).status).toBe(401);
    expect((await call('GET', '/api/cases', { token: 'forged-token' })).status).toBe(401);
    const supervisor = await login('supervisor1');
    expect((await call('POST', '/api/clues', { token: supervisor, body: clue })).body.code).toBe(
      'FORBIDDEN_ROLE',
    );
    expect(
      (
        await call('POST', `/api/cases/${caseNumber}/filing-decision`, {
          token: officer,
          body: { decision: 'file', reasons: '理由' },
        })
      ).body.code,
    ).toBe('FORBIDDEN_ROLE');
    // The city's head sees the county's cases but does not decide them.
    const cityhead = await login('cityhead');
    expect((await call('GET', `/api/cases/${caseNumber}`, { token: cityhead })).status).toBe(200);
    const foreign = await call('POST', `/api/cases/${caseNumber}/filing-decision`, {
      token: cityhead,
      body: { decision: 'file', reasons: '理由' },
    });
    expect(foreign).toMatchObject({ status: 403, body: { code: 'FORBIDDEN_UNIT' } });
    // The station officer (a unit below) cannot see the county's case, nor tell that it exists.
    expect((await call('GET', `/api/cases/${caseNumber}`, { token: await login('officer-cg') })).status).toBe(
      404,
    );
    expect((await call('GET', '/api/cases/DC-2026-99999', { token: officer })).status).toBe(404);
    expect(
      (await call('POST', '/api/session', { body: { username: 'head1', password: 'wrong' } })).status,
    ).toBe(401);
    const audit = await call('GET', `/api/cases/${caseNumber}/audit`, { token: officer });
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(['clue.registered']);
  });

  it('the head extends once (idempotently) and files; Temporal and the projection follow', async () => {
    const head = await login('head1');
    const ext = () =>
      call('POST', `/api/cases/${caseNumber}/filing-extension`, {
        token: head,
        key: 'e2e-ext-0001',
        body: { reason: '需调取外地证据' },
      });
    const [a, b] = [await ext(), await ext()];
    expect(a.status).toBe(200);
    expect(b.body).toEqual(a.body);
    expect(a.body.filing.extensions).toBe(1);
    expect(a.body.clocks[0].dueOn).toBe(dueAfter(FILING_DECISION.length + FILING_EXTENSION.days));
    const second = await call('POST', `/api/cases/${caseNumber}/filing-extension`, {
      token: head,
      body: { reason: '再延长' },
    });
    expect(second).toMatchObject({ status: 409, body: { code: 'EXTENSION_USED' } });

    const filed = await call('POST', `/api/cases/${caseNumber}/filing-decision`, {
      token: head,
      key: 'e2e-file-0001',
      body: { decision: 'file', reasons: '有违法事实，符合立案条件' },
    });
    expect(filed.body).toMatchObject({
      stage: 'investigation',
      filing: { decision: { decision: 'file', by: 'head1' } },
    });
    // Filing starts the case clock and the officers' investigation task (docs/rules.md).
    const detail = await eventually(async () => {
      const d = (await call('GET', `/api/cases/${caseNumber}`, { token: head })).body;
      expect(d.tasks).toHaveLength(2);
      // The projection writes the task and the new deadline in separate steps: wait for both.
      expect(d.deadlines.map((x: { name: string }) => x.name)).toContain('case');
      return d;
    });
    expect(detail.case.stage).toBe('investigation');
    expect(detail.tasks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'decide-filing', status: 'closed' }),
        expect.objectContaining({ kind: 'investigate', status: 'open' }),
      ]),
    );
    expect(detail.deadlines.find((d: { name: string }) => d.name === 'filing')).toMatchObject({
      status: 'stopped',
      extensions: [expect.objectContaining({ days: 15 })],
    });
    expect(detail.deadlines.find((d: { name: string }) => d.name === 'case')).toMatchObject({
      status: 'running',
    });
    expect((await call('GET', `/api/cases/${caseNumber}/audit/verify`, { token: head })).body).toEqual({
      ok: true,
      entries: 4,
      documents: { ok: true, entries: 0 },
    });
    await eventually(
      async () => {
        expect(temporalList(`TieanStage = 'investigation'`)).toContain(caseNumber);
      },
      30_000,
      500,
    );
  });

  it('serves metrics for Prometheus: the API’s requests by route, the worker’s Temporal SDK metrics', async () => {
    // The start command says where they are.
    expect(sys.output()).toContain(`${sys.api}/metrics (API)`);
    expect(sys.output()).toContain(`${sys.workerMetrics} (worker, Temporal SDK)`);
    const api = await (await fetch(`${sys.api}/metrics`)).text();
    expect(api).toMatch(/tiean_http_requests_total\{method="POST",route="\/api\/clues",status="201"\} \d+/);
    // The worker has run workflow tasks and local activities (each step's projection) by now (the cases above):
    // their latency and its cache. (Their e-mails went through the outbox, not an activity.)
    const worker = await (await fetch(sys.workerMetrics)).text();
    for (const m of [
      'temporal_workflow_task_execution_latency',
      'temporal_local_activity_execution_latency',
      'temporal_sticky_cache_size',
    ])
      expect(worker).toContain(m);
    // The API's log lines about a case carry its number.
    const apiLog = readFileSync(path.join(sys.dataDir, 'logs', 'api.log'), 'utf8');
    expect(apiLog).toMatch(/"case":"DC-\d{4}-\d{5}"/);
  });

  it('an administrator loads a year’s schedule: open deadlines are recomputed and counted', async () => {
    const officer = await login('officer1');
    const second = await call('POST', '/api/clues', {
      token: officer,
      body: { ...clue, summary: '第二条线索：虚假宣传' },
    });
    const number = second.body.caseNumber;
    const due: string = await eventually(async () => {
      const d = (await call('GET', `/api/cases/${number}`, { token: officer })).body;
      expect(d.deadlines).toHaveLength(1);
      return d.deadlines[0].dueOn;
    });
    const file = yearWithExtraHoliday(due);
    const year = file.year;
    const admin = await login('admin');
    expect((await call('POST', '/api/admin/calendar/years', { token: officer, body: file })).status).toBe(
      403,
    );
    const bad = await call('POST', '/api/admin/calendar/years', {
      token: admin,
      body: { ...file, workdays: [{ date: `${year}-03-04`, name: 'x' }] },
    });
    expect(bad.status).toBe(400);
    expect((await call('GET', '/api/admin/calendar/recompute', { token: admin })).status).toBe(404);
    const loaded = await call('POST', '/api/admin/calendar/years', { token: admin, body: file });
    // The year is loaded at once; the open deadlines are recomputed in the background, followed at its own address.
    expect(loaded.status).toBe(202);
    expect(loaded.body).toMatchObject({ year, recompute: { year, status: 'running', loadedBy: 'admin' } });
    expect((await call('GET', '/api/admin/calendar/recompute', { token: officer })).status).toBe(403);
    const done = await eventually(async () => {
      const r = await call('GET', '/api/admin/calendar/recompute', { token: admin });
      expect(r.status).toBe(200);
      expect(r.body.status).toBe('done');
      return r.body;
    });
    // Two open cases: the filed one's case clock (CD, due later) stays; the new one's filing deadline moves.
    expect(done).toMatchObject({
      loadId: loaded.body.recompute.loadId,
      year,
      cases: 2,
      casesDone: 2,
      casesChanged: 1,
      deadlinesChanged: 1,
      casesNotRecomputed: 0,
      notRecomputed: [],
      finishedAt: expect.any(String),
    });
    expect(done.moved).toEqual([
      { caseNumber: number, clock: expect.any(String), from: due, to: expect.any(String) },
    ]);
    expect(done.moved[0].from).not.toBe(done.moved[0].to);
    const after = (await call('GET', `/api/cases/${number}`, { token: officer })).body;
    expect(after.deadlines[0].dueOn > due).toBe(true);
    expect(after.deadlines[0].explanation.join('\n')).toContain('临时假日');
  });

  it('a command sent straight to the Temporal frontend, past the API, is refused and leaves no trace', async () => {
    const officer = await login('officer1');
    const reg = await call('POST', '/api/clues', {
      token: officer,
      body: { ...clue, summary: '绕过 API 的指令' },
    });
    const n = reg.body.caseNumber as string;
    await eventually(async () =>
      expect((await call('GET', `/api/cases/${n}`, { token: officer })).body.live).toBeTruthy(),
    );
    const head = { id: 'head1', displayName: '王局', roles: ['agency_head'], unitId: 'dc' };
    const forge = (input: object) =>
      spawnSync(
        inject('temporalCli'),
        [
          'workflow',
          'update',
          'execute',
          '--address',
          sys.temporalAddress,
          '--workflow-id',
          `${n}:filing`,
          '--name',
          'decideFiling',
          '--input',
          JSON.stringify(input),
        ],
        { encoding: 'utf8' },
      );
    const decline = { decision: 'decline', ground: 'no_violation', reasons: '伪造' };
    for (const input of [
      { actor: head, command: decline },
      { actor: head, command: decline, authenticated: true },
    ]) {
      const r = forge(input);
      expect(r.status).not.toBe(0);
      expect(r.stderr + r.stdout).toMatch(/COMMAND_NOT_AUTHENTICATED/);
    }
    const detail = (await call('GET', `/api/cases/${n}`, { token: officer })).body;
    expect(detail.case.stage).toBe('filing');
    const audit = (await call('GET', `/api/cases/${n}/audit`, { token: officer })).body;
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(['clue.registered']);
    // The Temporal web UI is not served unless asked for (it has no sign-in).
    expect(sys.output()).toMatch(/web UI off/);
  });

  it('the worker and the API connect to PostgreSQL as the application’s login, not as the tables’ owner', async () => {
    const owner = new pg.Client({
      connectionString: `postgresql://postgres:postgres@127.0.0.1:${sys.env.TIEAN_PG_PORT}/tiean`,
    });
    await owner.connect();
    try {
      const users = await owner.query(
        `select distinct usename from pg_stat_activity where datname = 'tiean' and pid <> pg_backend_pid()`,
      );
      expect(users.rows.map((r: { usename: string }) => r.usename)).toEqual(['tiean_app_login']);
    } finally {
      await owner.end();
    }
  });

  it('stops cleanly on SIGTERM and a second start resumes the case', async () => {
    expect(await sys.stop()).toBe(0);
    expect(sys.output()).toMatch(/stopped postgres/);
    expect(processesUsing(sys.dataDir)).toEqual([]);
    await sys.start();
    const head = await login('head1');
    const detail = (await call('GET', `/api/cases/${caseNumber}`, { token: head })).body;
    expect(detail.live).toMatchObject({ number: caseNumber, stage: 'investigation' });
    expect(await sys.stop()).toBe(0);
    expect(processesUsing(sys.dataDir)).toEqual([]);
  });
});
