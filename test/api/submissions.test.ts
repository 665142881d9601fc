// Intake through the in-process API with a real Temporal (the time-skipping server, a worker on the API's task
// queue), PostgreSQL and SMTP (docs/rules.md, CRM): a mixed submission splits into both tracks (CRM 7); repeats
// are linked, never rejected; the submitter's identity is read only by intake roles and administrators of the
// unit, every read logged, and never appears in views, audit entries, workflow histories or e-mails (CRM 33).
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities/index.js';
import { hashPassword } from '../../api/auth/passwords.js';
import { loadConfig } from '../../platform/config.js';
import { chinaDateOf } from '../../schema/values/dates.js';
import { DEMO_PASSWORD } from '../../scripts/seed.js';
import { signIn, testApi } from '../helpers/api.js';
import { freshDb, type TestDb } from '../helpers/db.js';
import { eventually } from '../helpers/eventually.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { testWorker, timeSkippingEnv } from '../helpers/temporal.js';

let tdb: TestDb;
let env: TestWorkflowEnvironment;
let smtp: TestSmtp;
let worker: Worker;
let workerDone: Promise<void>;
let app: FastifyInstance;
const auth: Record<string, string> = {};

// A name and phone number that occur nowhere else, so any leak is found by a plain text search.
const NAME = '欧阳晓婉';
const PHONE = '13987654321';
const ID_NUMBER = '110101199003078515';

beforeAll(async () => {
  [tdb, env, smtp] = await Promise.all([freshDb(), timeSkippingEnv(), startTestSmtp()]);
  // A complaint handler of the station below "dc": the county's submissions are not in their subtree.
  await tdb.db.user.create({
    data: {
      id: 'intake-city',
      username: 'intake-city',
      displayName: '市局受理',
      email: 'intake-city@demo.tiean.local',
      roles: ['complaint_handler'],
      unitId: 'city',
      passwordHash: await hashPassword(DEMO_PASSWORD),
    },
  });
  await tdb.db.user.create({
    data: {
      id: 'intake-cg',
      username: 'intake-cg',
      displayName: '城关受理',
      email: 'intake-cg@demo.tiean.local',
      roles: ['complaint_handler'],
      unitId: 'dc-cg',
      passwordHash: await hashPassword(DEMO_PASSWORD),
    },
  });
  const acts = createActivities({ db: tdb.db, mailer: smtp.mailer });
  worker = await testWorker(env, loadConfig({}).temporal.taskQueue, acts);
  workerDone = worker.run();
  app = await testApi(tdb.db, env.client);
  const users = [
    'intake1',
    'intake-cg',
    'intake-city',
    'officer1',
    'head1',
    'supervisor1',
    'reviewer1',
    'admin',
  ];
  for (const [username, token] of Object.entries(await signIn(app, users, '10.2.0')))
    auth[username] = `Bearer ${token}`;
});
afterAll(async () => {
  await app?.close();
  worker?.shutdown();
  await workerDone;
  await env?.teardown();
  await tdb?.drop();
  await smtp?.stop();
});

const submission = (over: Record<string, unknown> = {}) => ({
  kind: 'mixed',
  channel: '12315',
  submitter: { name: NAME, phone: PHONE, email: 'ouyang@example.test', idNumber: ID_NUMBER, realName: true },
  respondent: { kind: 'organisation', name: '演示超市有限公司', uscc: '91350100M000100Y43' },
  subject: '过期牛奶',
  claim: '退一赔十',
  allegation: '超市货架上销售过期牛奶',
  purchaseDate: chinaDateOf(Date.now()),
  receivedOn: chinaDateOf(Date.now()),
  ...over,
});

const call = (method: 'GET' | 'POST', url: string, user: string, payload?: object, key?: string) =>
  app.inject({
    method,
    url,
    payload,
    headers: { authorization: auth[user]!, ...(key ? { 'idempotency-key': key } : {}) },
  });

/** The complaint page once its workflow has projected it and answers its query. */
const complaintPage = (number: string) =>
  eventually(async () => {
    const r = await call('GET', `/api/complaints/${number}`, 'intake1');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().live).not.toBeNull();
    return r.json();
  });

describe('intake: POST /api/submissions', () => {
  it('twenty identical requests at once with one key: one complaint and one case, and never a 5xx', async () => {
    const body = submission({ subject: '同一请求并发', allegation: '并发提交的举报内容' });
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        call('POST', '/api/submissions', 'intake1', body, 'parallel-key-0001'),
      ),
    );
    const statuses = answers.map((r) => r.statusCode);
    expect(
      statuses.filter((s) => s >= 500),
      statuses.join(','),
    ).toEqual([]);
    const ok = answers.filter((r) => r.statusCode === 201).map((r) => r.json());
    expect(ok.length).toBeGreaterThan(0);
    expect(new Set(ok.map((b) => `${b.submissionId} ${b.complaintNumber} ${b.caseNumber}`)).size).toBe(1);
    // One number for the complaint and one for the case, each registered once.
    expect(
      await tdb.db.registration.count({
        where: { idempotencyKey: { startsWith: 'intake1:parallel-key-0001' } },
      }),
    ).toBe(2);
  });

  it('a mixed submission starts a complaint and a case (CRM 7); a retry with the same key starts nothing new', async () => {
    const r = await call('POST', '/api/submissions', 'intake1', submission(), 'mixed-key-0001');
    expect(r.statusCode, r.body).toBe(201);
    const year = chinaDateOf(Date.now()).slice(0, 4);
    const body = r.json();
    expect(body).toMatchObject({
      complaintNumber: expect.stringMatching(new RegExp(`^DC-TS-${year}-\\d{5}$`)),
      caseNumber: expect.stringMatching(new RegExp(`^DC-${year}-\\d{5}$`)),
      repeatOf: [],
    });
    const complaint = await eventually(async () => {
      const c = await call('GET', `/api/complaints/${body.complaintNumber}`, 'intake1');
      expect(c.json().live?.stage).toBe('acceptance');
      return c.json();
    });
    expect(complaint.live).toMatchObject({
      submissionId: body.submissionId,
      claim: '退一赔十',
      channel: '12315',
    });
    const kase = await eventually(async () => {
      const c = await call('GET', `/api/cases/${body.caseNumber}`, 'officer1');
      expect(c.json().live?.stage).toBe('filing');
      return c.json();
    });
    expect(kase.case).toMatchObject({ source: 'complaint_report', summary: '超市货架上销售过期牛奶' });
    expect(kase.live.report).toMatchObject({ submissionId: body.submissionId, realName: true });

    const again = await call('POST', '/api/submissions', 'intake1', submission(), 'mixed-key-0001');
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(body);
    expect(await tdb.db.submission.count({ where: { id: body.submissionId } })).toBe(1);
    const row = await tdb.db.submission.findUniqueOrThrow({ where: { id: body.submissionId } });
    expect(row).toMatchObject({ complaintNumber: body.complaintNumber, caseNumber: body.caseNumber });
    // The same key for a different submission is refused.
    const other = await call(
      'POST',
      '/api/submissions',
      'intake1',
      submission({ subject: '变质面包' }),
      'mixed-key-0001',
    );
    expect(other.json()).toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('a repeat submission is linked and flagged, not rejected; spelling variations still match', async () => {
    const base = submission({
      kind: 'complaint',
      allegation: undefined,
      submitter: { name: '张小明', phone: '13500000001', realName: true },
      respondent: { kind: 'natural_person', name: '李记早餐店' },
      subject: '豆浆 变质',
    });
    const first = (await call('POST', '/api/submissions', 'intake1', base)).json();
    expect(first.repeatOf).toEqual([]);
    const second = await call('POST', '/api/submissions', 'intake1', {
      ...base,
      submitter: { name: ' 张小明 ', phone: '13500000001', realName: true },
      respondent: { kind: 'natural_person', name: '李记早餐店  ' },
      subject: '豆浆   变质',
    });
    expect(second.statusCode).toBe(201);
    expect(second.json().repeatOf).toEqual([first.submissionId]);
    const third = (await call('POST', '/api/submissions', 'intake1', base)).json();
    expect(third.repeatOf).toEqual([first.submissionId, second.json().submissionId]); // earliest first
    const view = await complaintPage(third.complaintNumber);
    expect(view.live.repeat).toMatchObject({
      count: 2,
      earlier: [
        { submissionId: first.submissionId, complaintNumber: first.complaintNumber },
        { submissionId: second.json().submissionId },
      ],
    });
    // Which earlier submissions (perhaps reports) the complainant made is for the intake role only: other staff
    // see how many, on the page, in the list and in the audit trail.
    const n = third.complaintNumber as string;
    const asOfficer = await eventually(async () => {
      const page = (await call('GET', `/api/complaints/${n}`, 'officer1')).json();
      expect(page.complaint.details).not.toBeNull(); // the first step projected
      return page;
    });
    expect(asOfficer.live.repeat).toEqual({ count: 2, earlier: [] });
    expect(asOfficer.complaint.details.repeat).toEqual({ count: 2, earlier: [] });
    const listed = (await call('GET', '/api/complaints?pageSize=200', 'supervisor1')).json();
    expect(listed.items.find((c: { number: string }) => c.number === n).details.repeat.earlier).toEqual([]);
    const received = async (user: string) =>
      (await call('GET', `/api/cases/${n}/audit`, user))
        .json()
        .items.find((a: { action: string }) => a.action === 'complaint.received').details.repeatOf;
    expect(await received('officer1')).toEqual([]);
    expect(await received('intake1')).toEqual([first.submissionId, second.json().submissionId]);
    const leaked = JSON.stringify([
      asOfficer,
      listed.items.find((c: { number: string }) => c.number === n),
      (await call('GET', `/api/cases/${n}/audit`, 'officer1')).json(),
    ]);
    expect(leaked).not.toContain(first.submissionId);
    expect(leaked).not.toContain(first.complaintNumber);
    // A different subject is not a repeat.
    const fresh = (
      await call('POST', '/api/submissions', 'intake1', { ...base, subject: '油条不新鲜' })
    ).json();
    expect(fresh.repeatOf).toEqual([]);
  });

  it('refuses other roles, missing tracks and a date in the future', async () => {
    for (const user of ['officer1', 'head1', 'supervisor1', 'reviewer1', 'admin'])
      expect((await call('POST', '/api/submissions', user, submission())).json()).toMatchObject({
        status: 403,
        code: 'FORBIDDEN_ROLE',
      });
    const noClaim = await call('POST', '/api/submissions', 'intake1', submission({ claim: undefined }));
    expect(noClaim.json()).toMatchObject({ status: 400, errors: [{ path: 'body.claim' }] });
    const noAllegation = await call(
      'POST',
      '/api/submissions',
      'intake1',
      submission({ kind: 'report', allegation: undefined }),
    );
    expect(noAllegation.json()).toMatchObject({ status: 400, errors: [{ path: 'body.allegation' }] });
    const future = await call(
      'POST',
      '/api/submissions',
      'intake1',
      submission({ receivedOn: '2999-01-01' }),
    );
    expect(future.json()).toMatchObject({ status: 400, code: 'DATE_IN_FUTURE' });
  });
});

describe('the submitter’s identity (CRM 33)', () => {
  let id = '';
  beforeAll(async () => {
    const r = await call(
      'POST',
      '/api/submissions',
      'intake1',
      submission({ kind: 'report', claim: undefined }),
    );
    id = r.json().submissionId;
  });
  const read = (user: string, sub = id, purpose = '核实举报内容') =>
    call('GET', `/api/submissions/${sub}/submitter?purpose=${encodeURIComponent(purpose)}`, user);
  const reads = () =>
    tdb.db.sensitiveRead.findMany({ where: { subject: `submission:${id}` }, orderBy: { id: 'asc' } });

  it.each(['intake1', 'admin'])('%s reads it, and the read is logged with its purpose', async (user) => {
    const before = (await reads()).length;
    const r = await read(user);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.json()).toMatchObject({
      submissionId: id,
      name: NAME,
      phone: PHONE,
      idNumber: ID_NUMBER,
      realName: true,
    });
    const after = await reads();
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({ userId: user, purpose: '核实举报内容' });
  });

  it.each(['officer1', 'head1', 'supervisor1', 'reviewer1'])(
    '%s is refused (403 FORBIDDEN_ROLE), nothing logged',
    async (user) => {
      const before = (await reads()).length;
      expect((await read(user)).json()).toMatchObject({ status: 403, code: 'FORBIDDEN_ROLE' });
      expect(await reads()).toHaveLength(before);
    },
  );

  it('the complaint handler of the office above does not read a district’s reporter (403, nothing logged)', async () => {
    const before = (await reads()).length;
    expect((await read('intake-city')).json()).toMatchObject({ status: 403, code: 'FORBIDDEN_UNIT' });
    expect(await reads()).toHaveLength(before);
  });

  it('a mixed submission whose complaint went to another office: both offices’ handlers read its submitter', async () => {
    const mixed = (
      await call(
        'POST',
        '/api/submissions',
        'intake1',
        submission({ subject: '缺斤短两' }),
        'mixed-moved-0001',
      )
    ).json();
    await complaintPage(mixed.complaintNumber);
    const moved = await call('POST', `/api/complaints/${mixed.complaintNumber}/transfer`, 'intake1', {
      toUnitId: 'city',
      reason: '属市局管辖',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    await eventually(async () =>
      expect((await tdb.db.submission.findUniqueOrThrow({ where: { id: mixed.submissionId } })).unitId).toBe(
        'city',
      ),
    );
    // The city's office holds the complaint now; the county keeps the report's case and tells its reporter.
    expect((await read('intake-city', mixed.submissionId)).statusCode).toBe(200);
    expect((await read('intake1', mixed.submissionId)).statusCode).toBe(200);
    expect((await read('intake-cg', mixed.submissionId)).json()).toMatchObject({ code: 'FORBIDDEN_UNIT' });
  });

  it('a complaint handler of another unit gets 403 FORBIDDEN_UNIT; an unknown id 404; a purpose is required', async () => {
    const before = (await reads()).length;
    expect((await read('intake-cg')).json()).toMatchObject({ status: 403, code: 'FORBIDDEN_UNIT' });
    expect((await read('intake1', 'SUB-unknown')).json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    const noPurpose = await call('GET', `/api/submissions/${id}/submitter`, 'intake1');
    expect(noPurpose.json()).toMatchObject({
      status: 400,
      errors: [{ path: expect.stringContaining('purpose') }],
    });
    expect(await reads()).toHaveLength(before);
  });
});

describe('complaint commands through the API', () => {
  it('the handler accepts, mediates, reports a violation and transfers; others are refused; the identity leaks nowhere', async () => {
    const { complaintNumber, caseNumber, submissionId } = (
      await call('POST', '/api/submissions', 'intake1', submission({ subject: '假冒奶粉' }), 'leak-key-0001')
    ).json();
    const cmd = (path: string, payload: object, user = 'intake1', number = complaintNumber) =>
      call('POST', `/api/complaints/${number}/${path}`, user, payload);
    await complaintPage(complaintNumber);

    expect((await cmd('acceptance-decision', { accept: true }, 'officer1')).json()).toMatchObject({
      status: 403,
      code: 'FORBIDDEN_ROLE',
    });
    expect((await cmd('acceptance-decision', { accept: false })).json()).toMatchObject({
      status: 400,
      errors: [{ path: 'body.ground' }, { path: 'body.explanation' }],
    });
    const accepted = await cmd('acceptance-decision', { accept: true });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ stage: 'accepted' });
    expect(
      (await cmd('mediation', { complainantConsents: true, respondentConsents: false })).json(),
    ).toMatchObject({
      status: 409,
      code: 'MEDIATION_CONSENT_REQUIRED',
    });
    expect(
      (await cmd('mediation', { complainantConsents: true, respondentConsents: true })).json(),
    ).toMatchObject({
      stage: 'mediation',
    });
    const violation = (await cmd('violations', { summary: '销售假冒奶粉，涉嫌违法' })).json();
    const violationCase = violation.violations[0].caseNumber;
    expect(violationCase).toMatch(/^DC-\d{4}-\d{5}$/);
    await eventually(async () =>
      expect(
        (await call('GET', `/api/cases/${violationCase}`, 'officer1')).json().live?.respondent,
      ).toMatchObject({
        name: '演示超市有限公司',
      }),
    );
    expect((await cmd('transfer', { toUnitId: 'dc-cg', reason: '受理后不得移送' })).json()).toMatchObject({
      status: 409,
      code: 'STAGE_NOT_ALLOWED',
    });

    // A second complaint, transferred before acceptance: the competent office's complaint starts.
    const second = (
      await call(
        'POST',
        '/api/submissions',
        'intake1',
        submission({ kind: 'complaint', subject: '洗衣机噪音' }),
      )
    ).json();
    await complaintPage(second.complaintNumber);
    expect(
      (
        await cmd(
          'transfer',
          { toUnitId: 'nowhere', reason: '属其他单位' },
          'intake1',
          second.complaintNumber,
        )
      ).json(),
    ).toMatchObject({
      status: 400,
      code: 'TRANSFER_TARGET_INVALID',
    });
    const moved = (
      await cmd('transfer', { toUnitId: 'dc-cg', reason: '属城关所辖区' }, 'intake1', second.complaintNumber)
    ).json();
    expect(moved).toMatchObject({ stage: 'closed', outcome: 'transferred' });
    const target = await complaintPage(moved.transfer.toNumber);
    expect(target.complaint).toMatchObject({ unitId: 'dc-cg', stage: 'acceptance' });
    const list = (await call('GET', '/api/complaints?status=open', 'intake1')).json();
    expect(list.items.map((c: { number: string }) => c.number)).toContain(moved.transfer.toNumber);
    expect(list.items.map((c: { number: string }) => c.number)).not.toContain(second.complaintNumber);

    // CRM 33: the name, phone and ID number are nowhere but in the Person row.
    await smtp.waitFor((m) => m.some((x) => x.subject?.includes(complaintNumber)));
    await smtp.waitFor((m) => m.some((x) => x.subject?.includes(caseNumber)));
    const texts: string[] = [
      (await call('GET', `/api/cases/${caseNumber}`, 'officer1')).body,
      (await call('GET', `/api/cases/${caseNumber}/audit`, 'officer1')).body,
      (await call('GET', `/api/complaints/${complaintNumber}`, 'intake1')).body,
      (await call('GET', '/api/complaints', 'intake1')).body,
      (await call('GET', '/api/cases', 'officer1')).body,
      JSON.stringify(await tdb.db.auditEntry.findMany()),
      JSON.stringify(await tdb.db.case.findMany()),
      JSON.stringify(await tdb.db.task.findMany()),
      JSON.stringify(await tdb.db.notification.findMany()),
      JSON.stringify((await smtp.inbox()).map((m) => [m.subject, m.text, m.to])),
    ];
    // Workflow inputs and every other payload in the histories, decoded to text (the history's JSON form
    // carries payload bytes as base64 in "data").
    const bytesAsText = (k: string, v: unknown) =>
      k === 'data' && typeof v === 'string' ? Buffer.from(v, 'base64').toString('utf8') : v;
    const histories = await Promise.all(
      [complaintNumber, caseNumber, violationCase].map(async (wf) =>
        JSON.stringify(await env.client.workflow.getHandle(wf).fetchHistory(), bytesAsText),
      ),
    );
    // The search covers the right material: the decoded inputs are there (claim, allegation, submission id).
    expect(histories[0]).toContain('退一赔十');
    expect(histories[1]).toContain('超市货架上销售过期牛奶');
    expect(histories[1]).toContain(submissionId);
    const all = [...texts, ...histories].join('\n');
    for (const secret of [NAME, PHONE, ID_NUMBER]) expect(all).not.toContain(secret);
  });

  it('lists and pages are in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const p of [
      '/api/submissions',
      '/api/submissions/{id}/submitter',
      '/api/complaints',
      '/api/complaints/{number}',
      '/api/complaints/{number}/acceptance-decision',
      '/api/complaints/{number}/mediation/pause',
      '/api/complaints/{number}/violations',
    ])
      expect(Object.keys(doc.paths)).toContain(p);
    expect(Object.keys(doc.paths['/api/complaints/{number}/mediation'].post.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '404', '409']),
    );
  });
});
