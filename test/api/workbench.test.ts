// The workbench's reads from the projection: my tasks across cases, the deadline board of a unit and the units
// below it, and the figures for a period (API, real PostgreSQL; the rows written by the projection activity; the
// figures also from real complaints and cases driven through the API with a worker).
import { createHash } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities/index.js';
import { workingDaysBetween } from '../../domain/calendar/calendar.js';
import { builtinCalendar } from '../../services/calendar/builtin.js';
import { loadConfig } from '../../platform/config.js';
import { createMailer } from '../../platform/mailer.js';
import type { ClockView } from '../../schema/case.js';
import { addDays, chinaDateOf } from '../../schema/values/dates.js';
import { signIn, testApi } from '../helpers/api.js';
import { freshDb, type TestDb } from '../helpers/db.js';
import { eventually } from '../helpers/eventually.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { testWorker, timeSkippingEnv } from '../helpers/temporal.js';

let tdb: TestDb;
let app: FastifyInstance;
const t: Record<string, string> = {};
const DAY = 86_400_000;
const day = (ms: number) => chinaDateOf(ms);

const clock = (name: string, status: ClockView['status'], dueAtMs: number): ClockView => ({
  name,
  title: { zh: name, en: name },
  rule: name,
  unit: 'WD',
  length: 15,
  startedOn: day(Date.now() - 10 * DAY),
  status,
  dueOn: day(dueAtMs),
  dueAt: new Date(dueAtMs).toISOString(),
  remaining: 0,
  provisional: false,
  pauses: [],
  extensions: [],
  explanation: [],
});

/** A case of `unitId` as the projection writes it, with its deadlines and open tasks. */
async function project(
  number: string,
  unitId: string,
  status: 'open' | 'closed',
  deadlines: ClockView[],
  tasks: { kind: string; role: string; assignees?: string[]; dueOn: string }[],
) {
  const { recordStep } = createActivities({
    db: tdb.db,
    mailer: createMailer('smtp://127.0.0.1:9', 'unused@tiean.local'),
  });
  const now = new Date().toISOString();
  await recordStep({
    caseNumber: number,
    seq: 1,
    at: now,
    actorId: 'officer1',
    action: 'clue.registered',
    details: {},
    case: {
      number,
      unitId,
      stage: status === 'open' ? 'investigation' : 'closed',
      status,
      source: 'media',
      respondent: { kind: 'organisation', name: '某公司' },
      summary: '线索',
      discoveredOn: day(Date.now()),
      overdue: false,
      nextDueOn: null,
      nextDueAt: null,
      createdBy: 'officer1',
      createdAt: now,
    },
    deadlines,
    openTasks: tasks.map((x) => ({
      id: `${number}:${x.kind}`,
      kind: x.kind,
      role: x.role,
      assignees: x.assignees ?? [],
      unitId,
      dueOn: x.dueOn,
    })),
  });
}

beforeAll(async () => {
  tdb = await freshDb();
  app = await testApi(tdb.db);
  Object.assign(
    t,
    await signIn(app, ['officer1', 'head1', 'supervisor1', 'citysup', 'officer-cg'], '10.7.0'),
  );
  const now = Date.now();
  // A: the county's filing decision, a day overdue, for its heads.
  await project(
    'DC-2026-00701',
    'dc',
    'open',
    [clock('filing', 'overdue', now - DAY)],
    [{ kind: 'decide-filing', role: 'agency_head', dueOn: day(now - DAY) }],
  );
  // B: a case of the market station below the county, due in 3 days, named officers.
  await project(
    'DC-CG-2026-00702',
    'dc-cg',
    'open',
    [clock('case', 'running', now + 3 * DAY)],
    [
      {
        kind: 'investigate',
        role: 'case_officer',
        assignees: ['officer1', 'officer-cg'],
        dueOn: day(now + 3 * DAY),
      },
    ],
  );
  // C: a closed case whose period ended in time (it stopped before its due time).
  await project('DC-2026-00703', 'dc', 'closed', [clock('filing', 'stopped', now + 5 * DAY)], []);
});
afterAll(async () => {
  await app?.close();
  await tdb?.drop();
});

const get = (user: string, url: string) =>
  app.inject({ url, headers: { authorization: `Bearer ${t[user]}` } });

describe('the workbench’s reads', () => {
  it('my tasks: named for me, or for my role in my unit; the earliest due first, overdue marked', async () => {
    const officer = (await get('officer1', '/api/tasks/mine')).json();
    expect(officer.items.map((x: { caseNumber: string }) => x.caseNumber)).toEqual(['DC-CG-2026-00702']);
    // The countdown in working days, on the holiday calendar.
    const cal = builtinCalendar();
    const today = day(Date.now());
    expect(officer.items[0].workingDaysLeft).toBe(workingDaysBetween(cal, today, day(Date.now() + 3 * DAY)));
    const head = (await get('head1', '/api/tasks/mine')).json();
    expect(head.items).toEqual([
      expect.objectContaining({ caseNumber: 'DC-2026-00701', kind: 'decide-filing', overdue: true }),
    ]);
    // Overdue: the working days since the due day, negative; none yet when today is not a working day (JSON
    // has no negative zero, so the API's answer is 0 then).
    const since = workingDaysBetween(builtinCalendar(), day(Date.now() - DAY), day(Date.now()));
    expect(head.items[0].workingDaysLeft).toBe(since === 0 ? 0 : -since);
    // The station's officer sees the task naming them; the supervisor has none.
    expect((await get('officer-cg', '/api/tasks/mine')).json().items).toHaveLength(1);
    expect((await get('supervisor1', '/api/tasks/mine')).json().items).toEqual([]);
  });

  it('the deadline board: overdue and at risk in my units and those below, counted by unit; the horizon and a unit narrow it', async () => {
    const board = (await get('supervisor1', '/api/deadlines/board')).json();
    expect(
      board.items.map((d: { caseNumber: string; overdue: boolean }) => [d.caseNumber, d.overdue]),
    ).toEqual([
      ['DC-2026-00701', true],
      ['DC-CG-2026-00702', false],
    ]);
    // Each deadline with its period's title from the catalogue.
    expect(board.items[0].title).toEqual({ zh: '核查立案期限', en: 'filing decision period' });
    expect(board.byUnit).toEqual([
      { unitId: 'dc', overdue: 1, atRisk: 0 },
      { unitId: 'dc-cg', overdue: 0, atRisk: 1 },
    ]);
    // By officer: the two named on B's task; A's task is for the heads' role, named to no one.
    expect(board.byOfficer).toEqual([
      { officerId: 'officer-cg', overdue: 0, atRisk: 1 },
      { officerId: 'officer1', overdue: 0, atRisk: 1 },
    ]);
    const soon = (await get('supervisor1', '/api/deadlines/board?horizonDays=1')).json();
    expect(soon.items.map((d: { caseNumber: string }) => d.caseNumber)).toEqual(['DC-2026-00701']);
    expect(soon.byOfficer).toEqual([]);
    const station = (await get('supervisor1', '/api/deadlines/board?unitId=dc-cg')).json();
    expect(station.items.map((d: { caseNumber: string }) => d.caseNumber)).toEqual(['DC-CG-2026-00702']);
    // The city's supervisor sees the county's board too.
    expect((await get('citysup', '/api/deadlines/board')).json().items).toHaveLength(2);
    // Not a unit of mine; not a role that oversees; bad input.
    const other = await get('supervisor1', '/api/deadlines/board?unitId=prv');
    expect([other.statusCode, other.json().code]).toEqual([403, 'FORBIDDEN_UNIT']);
    expect((await get('officer1', '/api/deadlines/board')).statusCode).toBe(403);
    expect((await get('supervisor1', '/api/deadlines/board?horizonDays=-1')).statusCode).toBe(400);
  });

  it('the figures for a period: filed and closed by unit, the on-time rate per period', async () => {
    const today = day(Date.now());
    const figures = (
      await get('supervisor1', `/api/figures?from=${day(Date.now() - 30 * DAY)}&to=${today}`)
    ).json();
    expect(
      figures.byUnit.map((u: { unitId: string; filed: number; closed: number }) => [
        u.unitId,
        u.filed,
        u.closed,
      ]),
    ).toEqual([
      ['dc', 2, 1],
      ['dc-cg', 1, 0],
    ]);
    expect(figures.onTime).toEqual([{ clock: 'filing', ended: 1, onTime: 1 }]);
    const before = (await get('supervisor1', '/api/figures?from=2020-01-01&to=2020-12-31')).json();
    expect(before.byUnit).toEqual([]);
    const reversed = await get('supervisor1', `/api/figures?from=${today}&to=2020-01-01`);
    expect([reversed.statusCode, reversed.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await get('officer1', `/api/figures?from=${today}&to=${today}`)).statusCode).toBe(403);
  });
});

// ——— the figures from real matters: complaints, decisions, publicity, a transfer, driven through the API on the
// time-skipping server (a worker on the API's task queue, real PostgreSQL and SMTP); one jump of 45 days lets the
// acceptance period of a complaint and the publicity period of a decision run out before they are acted on. ———
describe('the figures from complaints and cases driven through the API', () => {
  let db2: TestDb;
  let env: TestWorkflowEnvironment;
  let smtp: TestSmtp;
  let worker: Worker;
  let workerDone: Promise<void>;
  let api: FastifyInstance;
  const auth: Record<string, string> = {};
  const O = { officers: ['officer1', 'officer2'] };
  let d0 = '';
  let later = '';

  beforeAll(async () => {
    [db2, env, smtp] = await Promise.all([freshDb(), timeSkippingEnv(), startTestSmtp()]);
    worker = await testWorker(
      env,
      loadConfig({}).temporal.taskQueue,
      createActivities({ db: db2.db, mailer: smtp.mailer }),
    );
    workerDone = worker.run();
    api = await testApi(db2.db, env.client);
    const users = ['intake1', 'officer1', 'head1', 'reviewer1', 'reviewer2', 'supervisor1', 'citysup'];
    Object.assign(auth, await signIn(api, users, '10.7.1'));
  });
  afterAll(async () => {
    await api?.close();
    worker?.shutdown();
    await workerDone;
    await env?.teardown();
    await db2?.drop();
    await smtp?.stop();
  });

  /** A command, retried (with its key) while the matter's workflow has not yet projected or moved on. */
  const post = (user: string, url: string, body: unknown) => {
    const key = createHash('sha256')
      .update(`${user}:${url}:${JSON.stringify(body)}`)
      .digest('hex');
    return eventually(
      async () => {
        const r = await api.inject({
          method: 'POST',
          url,
          payload: body as object,
          headers: { authorization: `Bearer ${auth[user]}`, 'idempotency-key': key },
        });
        expect(r.statusCode, `${url} ${r.body}`).toBeLessThan(300);
        return r.json();
      },
      30_000,
      200,
    );
  };
  const read = (user: string, url: string) =>
    api.inject({ url, headers: { authorization: `Bearer ${auth[user]}` } });
  const workflowToday = async () => chinaDateOf(await env.currentTimeMs());

  const submit = async (kind: string, channel: string, subject: string) =>
    (await post('intake1', '/api/submissions', {
      kind,
      channel,
      submitter: { name: '消费者', phone: '13700001111', realName: true },
      respondent: { kind: 'organisation', name: '东城某电器有限公司' },
      subject,
      claim: '退货并退款',
      ...(kind !== 'complaint' ? { allegation: '销售不合格电热水器，存在安全隐患' } : {}),
      receivedOn: d0,
    })) as { complaintNumber: string; caseNumber?: string };
  const onComplaint = (n: string, path: string, body: unknown) =>
    post('intake1', `/api/complaints/${n}/${path}`, body);
  const onCase = (user: string, n: string, path: string, body: unknown) =>
    post(user, `/api/cases/${n}/${path}`, body);

  const clue = async (summary: string) =>
    (
      await post('officer1', '/api/clues', {
        source: 'own_inspection',
        respondent: { kind: 'organisation', name: '东城某食品有限公司', uscc: '91350100M000100Y43' },
        summary,
        discoveredOn: d0,
      })
    ).caseNumber as string;

  /** A case filed, investigated and decided with `penalties`, the decision served today. */
  async function toServed(summary: string, penalties: object[]) {
    const n = await clue(summary);
    await onCase('head1', n, 'filing-decision', { decision: 'file', reasons: '涉嫌违法，予以立案' });
    await onCase('officer1', n, 'evidence', {
      ...O,
      type: 'documentary',
      description: '进货单据',
      collectedAt: new Date().toISOString(),
      place: '当事人仓库',
    });
    const outcome = { kind: 'penalty', penalties };
    await onCase('officer1', n, 'investigation-conclusion', {
      ...O,
      reviewerId: 'reviewer1',
      report: '调查终结报告：事实清楚，证据确凿',
      proposal: {
        facts: '当事人销售超过保质期的食品',
        legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
        outcome,
      },
    });
    await onCase('reviewer2', n, 'case-review', { result: 'approve', opinion: '事实清楚，同意' });
    const service = { method: 'in_person', on: d0, receiver: '当事人法定代表人' };
    await onCase('officer1', n, 'notice', { ...O, service });
    await onCase('officer1', n, 'defence-waiver', { ...O, on: d0, note: '当事人书面放弃陈述申辩' });
    await onCase('head1', n, 'decision', {
      outcome,
      facts: '当事人销售超过保质期的食品',
      legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
    });
    const served = await onCase('officer1', n, 'service', { ...O, service });
    expect(served.stage).toBe('served');
    // The execution phase opens by itself, with the publicity period.
    await eventually(async () => {
      const d = await db2.db.deadline.findUnique({ where: { id: `${n}:publicity` } });
      expect(d?.status).toBe('running');
    });
    return n;
  }

  it('drives complaints, decisions, publicity and a transfer; the figures count each exactly', async () => {
    d0 = chinaDateOf(await env.currentTimeMs());
    // Complaints: agreed in mediation and closed; not accepted; mediation without agreement; mixed (its
    // complaint waits, its report starts a case); accepted, then a party refuses mediation before it starts.
    const c1 = (await submit('complaint', '12315', '电热水器漏电')).complaintNumber;
    await onComplaint(c1, 'acceptance-decision', { accept: true });
    await onComplaint(c1, 'mediation', { complainantConsents: true, respondentConsents: true });
    await onComplaint(c1, 'mediation/end', { outcome: 'agreement', note: '双方达成退货协议' });
    const closed = await onComplaint(c1, 'parties-notified', { method: 'phone' });
    expect(closed.stage).toBe('closed');
    const c2 = (await submit('complaint', '12315', '电饭煲无法加热')).complaintNumber;
    expect(
      (
        await onComplaint(c2, 'acceptance-decision', {
          accept: false,
          ground: 'materials_missing',
          explanation: '未提供购买凭证',
        })
      ).stage,
    ).toBe('closed');
    const c3 = (await submit('complaint', 'phone', '吹风机过热')).complaintNumber;
    await onComplaint(c3, 'acceptance-decision', { accept: true });
    await onComplaint(c3, 'mediation', { complainantConsents: true, respondentConsents: true });
    await onComplaint(c3, 'mediation/end', { outcome: 'no_agreement' });
    const mixed = await submit('mixed', '12315', '电热水器无3C认证');
    const c4 = mixed.complaintNumber;
    expect(mixed.caseNumber).toBeTruthy();
    const c5 = (await submit('complaint', 'walk_in', '微波炉门损坏')).complaintNumber;
    await onComplaint(c5, 'acceptance-decision', { accept: true });
    await onComplaint(c5, 'mediation/end', { outcome: 'refused', note: '被投诉人拒绝调解' });

    // Cases: two decisions served (fines, confiscated gains and property); an on-the-spot fine of ¥200; a
    // criminal transfer the police file.
    const p = await toServed('销售过期食品（甲）', [
      { kind: 'fine', amountFen: 500_000 },
      { kind: 'confiscate_gains', amountFen: 120_000 },
    ]);
    const q = await toServed('销售过期食品（乙）', [
      { kind: 'fine', amountFen: 300_000 },
      { kind: 'confiscate_property', amountFen: 80_000, items: '过期食品 20 箱' },
    ]);
    await onCase('officer1', q, 'publicity', { ...O, publishedOn: d0 });
    const s = await clue('流动摊贩销售无标签食品');
    const spot = await onCase('officer1', s, 'on-the-spot-decision', {
      ...O,
      formNumber: 'DC-JY-0001',
      penalty: { kind: 'fine', amount: 200 },
      facts: '销售无标签食品',
      legalBasis: '《中华人民共和国食品安全法》第一百二十五条',
    });
    expect(spot.stage).toBe('closed');
    const t = await clue('销售假冒注册商标的商品，数额较大');
    await onCase('head1', t, 'filing-decision', { decision: 'file', reasons: '涉嫌违法，予以立案' });
    const proposed = await onCase('officer1', t, 'criminal-transfer', {
      ...O,
      suspectedOffence: '销售假冒注册商标的商品罪',
      facts: '销售金额五万元以上',
    });
    const approvalId = proposed.investigation.approvals.at(-1).id;
    await onCase('head1', t, 'approvals', { approvalId, approve: true, note: '批准移送' });
    await onCase('officer1', t, 'criminal-transfer/steps', {
      ...O,
      step: 'handed_over',
      policeOffice: '东城公安分局',
      note: '移送',
    });
    const transferred = await onCase('officer1', t, 'criminal-transfer/steps', {
      ...O,
      step: 'police_decision',
      accepted: true,
      note: '公安机关已立案',
    });
    expect(transferred).toMatchObject({ stage: 'closed', outcome: { kind: 'transferred_to_police' } });

    // 45 days later: the complaint waiting since d0 is accepted late; the first decision is published late.
    await env.sleep(45 * DAY);
    later = await workflowToday();
    await onComplaint(c4, 'acceptance-decision', { accept: true });
    await onCase('officer1', p, 'publicity', { ...O, publishedOn: later });
    // Both published records are projected.
    await eventually(async () => expect(await db2.db.publication.count()).toBe(2));
    expect(later > d0).toBe(true);
  });

  it('the figures for the whole period', async () => {
    const r = await read('supervisor1', `/api/figures?from=${d0}&to=${later}`);
    expect(r.statusCode, r.body).toBe(200);
    const f = r.json();
    expect(f.byUnit).toEqual([
      {
        unitId: 'dc',
        // The report's case, the two decided cases, the on-the-spot one and the transferred one; the last two
        // closed (decided cases stay open to their execution).
        filed: 5,
        closed: 2,
        decisions: {
          count: 3,
          onTheSpot: 1,
          fineFen: 500_000 + 300_000 + 200 * 100,
          confiscatedGainsFen: 120_000,
          confiscatedPropertyFen: 80_000,
        },
        // Five received; each decided on acceptance, one after its 7 WD.
        complaints: { received: 5, decided: 5, decidedOnTime: 4 },
        // Two mediations began (the refusal came before one began); one agreed.
        mediation: { attempted: 2, succeeded: 1, successRate: 0.5 },
        // Through 12315: two complaints, and the mixed submission's complaint and report; the first two closed.
        channel12315: { received: 4, closed: 2, closureRate: 0.5 },
        publicity: { published: 2, onTime: 1 },
        transfers: { decided: 1, accepted: 1 },
      },
    ]);
    // The same facts in the on-time rate per statutory period.
    const clock = (name: string) => f.onTime.find((o: { clock: string }) => o.clock === name);
    expect(clock('acceptance')).toEqual({ clock: 'acceptance', ended: 5, onTime: 4 });
    expect(clock('publicity')).toEqual({ clock: 'publicity', ended: 2, onTime: 1 });
    // The city's supervisor sees the county's figures; the station below has none.
    expect((await read('citysup', `/api/figures?from=${d0}&to=${later}`)).json().byUnit).toEqual(f.byUnit);
    expect(
      (await read('supervisor1', `/api/figures?from=${d0}&to=${later}&unitId=dc-cg`)).json().byUnit,
    ).toEqual([]);
  });

  it('a period counts what happened in it: the first day, and the days after it', async () => {
    const first = (await read('supervisor1', `/api/figures?from=${d0}&to=${d0}`)).json().byUnit[0];
    expect(first).toMatchObject({
      filed: 5,
      decisions: { count: 3, fineFen: 820_000 },
      // Received on the first day: counted with what has been decided since.
      complaints: { received: 5, decided: 5, decidedOnTime: 4 },
      publicity: { published: 1, onTime: 1 },
      transfers: { decided: 1, accepted: 1 },
    });
    const after = (await read('supervisor1', `/api/figures?from=${addDays(d0, 1)}&to=${later}`)).json()
      .byUnit;
    expect(after).toEqual([
      expect.objectContaining({
        unitId: 'dc',
        filed: 0,
        decisions: {
          count: 0,
          onTheSpot: 0,
          fineFen: 0,
          confiscatedGainsFen: 0,
          confiscatedPropertyFen: 0,
        },
        complaints: { received: 0, decided: 0, decidedOnTime: 0 },
        mediation: { attempted: 0, succeeded: 0, successRate: null },
        channel12315: { received: 0, closed: 0, closureRate: null },
        // The late publication.
        publicity: { published: 1, onTime: 0 },
        transfers: { decided: 0, accepted: 0 },
      }),
    ]);
  });

  it('the same figures as CSV: UTF-8 with a byte-order mark, a bilingual header, a row per unit', async () => {
    const r = await read('supervisor1', `/api/figures.csv?from=${d0}&to=${later}`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(r.headers['content-disposition']).toBe(`attachment; filename="figures-${d0}-${later}.csv"`);
    expect([...r.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = r.rawPayload.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(
      '单位 unit,立案 filed,结案 closed,处罚决定 decisions,当场处罚 on the spot,罚款（分） fines (fen),' +
        '没收违法所得（分） confiscated gains (fen),没收非法财物（分） confiscated property (fen),' +
        '收到投诉 complaints received,作出受理决定 acceptance decided,7个工作日内决定 decided within 7 WD,' +
        '调解 mediations,调解成功 mediations succeeded,调解成功率 mediation success rate,' +
        '12315收到 12315 received,12315办结 12315 closed,12315办结率 12315 closure rate,公示 published,' +
        '20个工作日内公示 published within 20 WD,决定移送司法机关 transfers decided,' +
        '公安机关立案 transfers accepted,单位编号 unit id',
    );
    expect(lines[1]).toBe(
      '演示市东城区市场监督管理局,5,2,3,1,820000,120000,80000,5,5,4,2,1,0.5,4,2,0.5,2,1,1,1,dc',
    );
    expect(lines[2]).toBe('');
    expect(lines[3]).toBe('法定期限 statutory period,届满 ended,按期 on time');
    expect(lines).toContain('acceptance,5,4');
    expect(lines.at(-1)).toBe('');
    // Bad input is a 400 with the field; a role that does not oversee, a 403.
    const reversed = await read('supervisor1', `/api/figures.csv?from=${later}&to=${d0}`);
    expect([reversed.statusCode, reversed.json().code, reversed.json().errors[0].path]).toEqual([
      400,
      'VALIDATION_FAILED',
      'querystring.to',
    ]);
    const malformed = await read('supervisor1', '/api/figures.csv?from=2026-13-01&to=2026-12-31');
    expect([malformed.statusCode, malformed.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await read('officer1', `/api/figures.csv?from=${d0}&to=${d0}`)).statusCode).toBe(403);
    // Described in OpenAPI with the workbench's reads, as CSV.
    const spec = (await read('supervisor1', '/api/openapi.json')).json();
    const csv = spec.paths['/api/figures.csv'].get;
    expect(csv.tags).toEqual(['workbench']);
    expect(Object.keys(csv.responses['200'].content)).toContain('text/csv');
    expect(csv.parameters.map((x: { name: string }) => x.name)).toEqual(['from', 'to', 'unitId']);
  });
});
