// Who may call what: every role against every endpoint (allowed = past authentication and authorisation,
// whatever the command then says), cross-unit access, and the administration of users and units.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../schema/roles.js';
import { DEMO_PASSWORD } from '../../scripts/seed.js';
import { projectCase, signIn, testApi } from '../helpers/api.js';
import { freshDb, type TestDb } from '../helpers/db.js';

let tdb: TestDb;
let app: FastifyInstance;
const tokens: Record<string, string> = {};
const CASE = 'DC-2026-00555';
const COMPLAINT = 'DC-TS-2026-00555';
const LISTING = 'DC-XY-2026-00555';

// One demo user per role, all in the county unit "dc" (the administrator sits at the province). The principal
// head is head1, who is also an agency head: every head's endpoint allows both.
const BY_ROLE: Record<Role, string> = {
  case_officer: 'officer1',
  complaint_handler: 'intake1',
  legal_reviewer: 'reviewer1',
  agency_head: 'head1',
  principal_head: 'head1',
  supervisor: 'supervisor1',
  administrator: 'admin',
};
const ROLES = Object.keys(BY_ROLE) as Role[];

beforeAll(async () => {
  tdb = await freshDb();
  // Temporal is not reachable: commands that pass authorisation then fail with 503 or 409, never 401/403.
  // Every route as every role within a minute: more writes by one user (the heads share one) than the default
  // limit allows (the limits have their own tests).
  app = await testApi(tdb.db, undefined, { TIEAN_RATE_WRITES: '10000' });
  Object.assign(tokens, await signIn(app, [...Object.values(BY_ROLE), 'officer-cg', 'cityhead'], '10.1.0'));
  await projectCase(tdb.db, CASE);
  await projectCase(tdb.db, COMPLAINT, 'complaint');
  await projectCase(tdb.db, LISTING, 'listing');
});
afterAll(async () => {
  await app?.close();
  await tdb?.drop();
});

const clue = {
  source: 'media',
  respondent: { kind: 'natural_person', name: '王五' },
  summary: '媒体曝光线索',
  discoveredOn: '2026-11-02',
};
const calendarYear = {
  year: 2031,
  source: '测试',
  holidays: [{ from: '2031-01-01', to: '2031-01-01', name: '元旦' }],
  workdays: [],
};

const O = { officers: ['officer1', 'officer2'] };
const officerCommands: [string, object][] = [
  [
    'evidence',
    {
      ...O,
      type: 'documentary',
      description: '购货凭证',
      collectedAt: '2026-11-02T10:00:00+08:00',
      place: '经营场所',
    },
  ],
  ['measures', { ...O, kind: 'seizure', items: ['过期食品'], reasons: '证据可能灭失' }],
  ['preservation-decision', { ...O, measureId: 'M1', disposal: 'returned', reasons: '无需保存' }],
  ['seizure-extension', { ...O, measureId: 'M1', days: 10, reasons: '情况复杂' }],
  ['seizure-release', { ...O, measureId: 'M1', outcome: 'released', reasons: '解除' }],
  ['testing', { ...O, kind: 'appraisal', description: '委托鉴定' }],
  ['testing-result', { ...O, testingId: 'T1', result: '合格' }],
  ['assistance', { ...O, office: '某市场监管局', matter: '协查主体信息' }],
  ['assistance-reply', { ...O, assistanceId: 'H1', summary: '已回复' }],
  ['suspension', { ...O, ground: 'party_missing', explanation: '下落不明' }],
  ['resumption', { ...O, explanation: '已到案' }],
  ['termination', { ...O, ground: 'entity_dissolved', explanation: '已注销' }],
  ['criminal-transfer', { ...O, suspectedOffence: '涉嫌犯罪', facts: '货值较大' }],
  ['criminal-transfer/steps', { ...O, step: 'handed_over', policeOffice: '公安分局', note: '移送' }],
  [
    'on-the-spot-decision',
    { ...O, formNumber: 'JY-0001', penalty: { kind: 'warning' }, facts: '事实清楚', legalBasis: '依据' },
  ],
  [
    'investigation-conclusion',
    {
      ...O,
      reviewerId: 'reviewer1',
      report: '调查终结报告',
      proposal: {
        facts: '事实',
        legalBasis: '依据',
        outcome: { kind: 'penalty', penalties: [{ kind: 'fine', amountFen: 100_000 }] },
      },
    },
  ],
  ['notice', { ...O, service: { method: 'in_person', on: '2026-11-02', receiver: '当事人' } }],
  [
    'defences',
    {
      ...O,
      receivedOn: '2026-11-02',
      form: 'oral',
      content: '申辩',
      answer: { verdict: 'rejected', reasons: '理由不成立' },
    },
  ],
  ['hearing-request', { ...O, requestedOn: '2026-11-02' }],
  ['defence-waiver', { ...O, on: '2026-11-02', note: '书面放弃' }],
  [
    'hearing',
    {
      ...O,
      chairId: 'reviewer1',
      hearingOn: '2026-11-20',
      place: '听证室',
      public: true,
      notice: { method: 'in_person', on: '2026-11-02', receiver: '当事人' },
    },
  ],
  [
    'hearing-postponement',
    {
      ...O,
      reason: '延期',
      requestedBy: 'party',
      hearingOn: '2026-11-30',
      notice: { method: 'post', on: '2026-11-03', receiver: '当事人' },
    },
  ],
  ['hearing-record', { outcome: 'no_show', ...O, on: '2026-11-20', note: '未到场' }],
  ['e-service-consent', { ...O, signedOn: '2026-11-02', address: 'a@example.com' }],
  ['service', { ...O, service: { method: 'in_person', on: '2026-11-02', receiver: '当事人' } }],
];
const reviewerCommands: [string, object][] = [
  ['case-review', { result: 'approve', opinion: '同意' }],
  ['legal-review', { result: 'return', opinion: '补充调查' }],
];
const headCommands: [string, object][] = [
  ['approvals', { approvalId: 'A1', approve: true, note: '同意' }],
  ['case-extension', { reason: '案情复杂' }],
  [
    'collective-extension',
    { participants: ['head1', 'cityhead'], heldOn: '2026-11-02', days: 30, minutes: '会议纪要' },
  ],
  ['case-review-extension', { reason: '需要延长' }],
  [
    'decision',
    {
      outcome: { kind: 'no_penalty', ground: 'no_fault' },
      facts: '事实',
      legalBasis: '依据',
    },
  ],
];

const complaintCommands: [string, object][] = [
  ['acceptance-decision', { accept: true }],
  ['transfer', { toUnitId: 'dc-cg', reason: '属于城关所辖区' }],
  ['mediation', { complainantConsents: true, respondentConsents: true }],
  ['mediation/pause', { reason: 'appraisal' }],
  ['mediation/resume', {}],
  ['mediation/end', { outcome: 'agreement' }],
  ['parties-notified', { method: 'phone' }],
  ['violations', { summary: '发现涉嫌违法行为线索' }],
];

/** Endpoint → the roles allowed to call it. */
const MATRIX: {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  body?: object;
  allowed: Role[] | 'all';
}[] = [
  { name: 'me', method: 'GET', url: '/api/me', allowed: 'all' },
  { name: 'units', method: 'GET', url: '/api/units', allowed: 'all' },
  { name: 'list cases', method: 'GET', url: '/api/cases', allowed: 'all' },
  { name: 'case detail', method: 'GET', url: `/api/cases/${CASE}`, allowed: 'all' },
  { name: 'audit', method: 'GET', url: `/api/cases/${CASE}/audit`, allowed: 'all' },
  { name: 'audit verify', method: 'GET', url: `/api/cases/${CASE}/audit/verify`, allowed: 'all' },
  {
    name: 'register clue',
    method: 'POST',
    url: '/api/clues',
    body: clue,
    allowed: ['case_officer', 'complaint_handler'],
  },
  {
    name: 'filing decision',
    method: 'POST',
    url: `/api/cases/${CASE}/filing-decision`,
    body: { decision: 'file', reasons: '符合条件' },
    allowed: ['agency_head', 'principal_head'],
  },
  {
    name: 'filing extension',
    method: 'POST',
    url: `/api/cases/${CASE}/filing-extension`,
    body: { reason: '需要延长' },
    allowed: ['agency_head', 'principal_head'],
  },
  {
    name: 'notifications',
    method: 'GET',
    url: '/api/notifications',
    allowed: ['supervisor', 'administrator'],
  },
  { name: 'list users', method: 'GET', url: '/api/admin/users', allowed: ['administrator'] },
  {
    name: 'update user',
    method: 'PATCH',
    url: '/api/admin/users/officer-cg',
    body: { displayName: '刘所长' },
    allowed: ['administrator'],
  },
  {
    name: 'unlock user',
    method: 'POST',
    url: '/api/admin/users/officer-cg/unlock',
    allowed: ['administrator'],
  },
  ...officerCommands.map(([path, body]) => ({
    name: path,
    method: 'POST' as const,
    url: `/api/cases/${CASE}/${path}`,
    body,
    allowed: ['case_officer'] as Role[],
  })),
  ...reviewerCommands.map(([path, body]) => ({
    name: path,
    method: 'POST' as const,
    url: `/api/cases/${CASE}/${path}`,
    body,
    allowed: ['legal_reviewer'] as Role[],
  })),
  ...headCommands.map(([path, body]) => ({
    name: path,
    method: 'POST' as const,
    url: `/api/cases/${CASE}/${path}`,
    body,
    allowed: ['agency_head', 'principal_head'] as Role[],
  })),
  {
    name: 'report feedback',
    method: 'POST',
    url: `/api/cases/${CASE}/report-feedback`,
    body: { channel: 'phone', note: '已电话告知' },
    allowed: ['complaint_handler'],
  },
  ...complaintCommands.map(([path, body]) => ({
    name: `complaint ${path}`,
    method: 'POST' as const,
    url: `/api/complaints/${COMPLAINT}/${path}`,
    body,
    allowed: ['complaint_handler'] as Role[],
  })),
  { name: 'list complaints', method: 'GET', url: '/api/complaints', allowed: 'all' },
  // Documents: anyone who sees the case reads them; its unit's officers, reviewers and heads issue them (the
  // projected case has no steps: an issue that passes authorisation is refused as not due, 409).
  { name: 'list documents', method: 'GET', url: `/api/cases/${CASE}/documents`, allowed: 'all' },
  { name: 'case file', method: 'GET', url: `/api/cases/${CASE}/case-file`, allowed: 'all' },
  {
    name: 'issue a document',
    method: 'POST',
    url: `/api/cases/${CASE}/documents`,
    body: { kind: 'filing_approval' },
    allowed: ['case_officer', 'legal_reviewer', 'agency_head', 'principal_head'],
  },
  {
    name: 'correct a document',
    method: 'POST',
    url: `/api/cases/${CASE}/documents/filing_approval/2/versions`,
    body: { reason: '当事人名称笔误' },
    allowed: ['case_officer', 'legal_reviewer', 'agency_head', 'principal_head'],
  },
  {
    name: 'serve a document',
    method: 'POST',
    url: `/api/cases/${CASE}/documents/seizure_decision/5/services`,
    body: { method: 'in_person', servedAt: '2026-11-03T10:00:00+08:00', receiver: '王五' },
    allowed: ['case_officer', 'legal_reviewer', 'agency_head', 'principal_head'],
  },
  // The workbench's reads: my tasks for everyone; the deadline board and the figures for those who oversee.
  { name: 'my tasks', method: 'GET', url: '/api/tasks/mine', allowed: 'all' },
  {
    name: 'deadline board',
    method: 'GET',
    url: '/api/deadlines/board',
    allowed: ['supervisor', 'agency_head', 'principal_head', 'administrator'],
  },
  {
    name: 'figures',
    method: 'GET',
    url: '/api/figures?from=2026-01-01&to=2026-12-31',
    allowed: ['supervisor', 'agency_head', 'principal_head', 'administrator'],
  },
  {
    name: 'figures as CSV',
    method: 'GET',
    url: '/api/figures.csv?from=2026-01-01&to=2026-12-31',
    allowed: ['supervisor', 'agency_head', 'principal_head', 'administrator'],
  },
  { name: 'list listings', method: 'GET', url: '/api/listings', allowed: 'all' },
  { name: 'listing detail', method: 'GET', url: `/api/listings/${LISTING}`, allowed: 'all' },
  {
    name: 'propose a listing',
    method: 'POST',
    url: '/api/listings',
    body: {
      list: 'abnormal',
      reason: 'no_annual_report',
      entity: { kind: 'organisation', name: '演示贸易有限公司', uscc: '91350100M000100Y43' },
      facts: '未报送年度报告',
      foundOn: '2026-11-02',
    },
    allowed: ['case_officer'],
  },
  {
    name: 'listing decision',
    method: 'POST',
    url: `/api/listings/${LISTING}/decision`,
    body: { decision: 'list', on: '2026-11-02', reasons: '逾期未报' },
    allowed: ['agency_head', 'principal_head'],
  },
  {
    name: 'listing removal application',
    method: 'POST',
    url: `/api/listings/${LISTING}/removal-application`,
    body: { appliedOn: '2026-11-03', grounds: '已补报' },
    allowed: ['case_officer'],
  },
  {
    name: 'listing removal decision',
    method: 'POST',
    url: `/api/listings/${LISTING}/removal-decision`,
    body: { decision: 'remove', on: '2026-11-03', reasons: '已补报' },
    allowed: ['agency_head', 'principal_head'],
  },
  { name: 'complaint detail', method: 'GET', url: `/api/complaints/${COMPLAINT}`, allowed: 'all' },
  {
    name: 'intake a submission',
    method: 'POST',
    url: '/api/submissions',
    body: {
      kind: 'report',
      channel: 'phone',
      submitter: { name: '匿名', realName: false },
      respondent: { kind: 'natural_person', name: '王五' },
      subject: '无照经营',
      allegation: '无营业执照从事经营活动',
      receivedOn: '2026-11-02',
    },
    allowed: ['complaint_handler'],
  },
  {
    name: 'read a submitter',
    method: 'GET',
    url: `/api/submissions/DC-SUB-2026-00001/submitter?purpose=${encodeURIComponent('回访核实')}`,
    allowed: ['complaint_handler', 'administrator'],
  },
  { name: 'refused commands', method: 'GET', url: '/api/admin/refused-commands', allowed: ['administrator'] },
  { name: 'effective rule pack', method: 'GET', url: '/api/rule-packs/effective', allowed: 'all' },
  { name: 'rule-pack versions', method: 'GET', url: '/api/admin/rule-packs', allowed: ['administrator'] },
  {
    name: 'load rule pack',
    method: 'POST',
    url: '/api/admin/rule-packs',
    body: {
      scope: 'province',
      unitId: 'prv',
      title: { zh: '测试', en: 'test' },
      source: '测试文件',
      overrides: { reminders: { warnBeforeWD: [2] } },
    },
    allowed: ['administrator'],
  },
  {
    name: 'load calendar year',
    method: 'POST',
    url: '/api/admin/calendar/years',
    body: calendarYear,
    allowed: ['administrator'],
  },
  {
    name: 'the calendar recomputation',
    method: 'GET',
    url: '/api/admin/calendar/recompute',
    allowed: ['administrator'],
  },
];

describe('authorisation matrix', () => {
  const cases = MATRIX.flatMap((e) =>
    ROLES.map((role) => ({ ...e, role, ok: e.allowed === 'all' || e.allowed.includes(role) })),
  );
  it.each(cases)('$name as $role → $ok', async ({ method, url, body, role, ok }) => {
    const r = await app.inject({
      method,
      url,
      payload: body,
      headers: { authorization: `Bearer ${tokens[BY_ROLE[role]]}` },
    });
    if (ok) expect([401, 403], `${r.statusCode} ${r.body}`).not.toContain(r.statusCode);
    else expect(r.json(), r.body).toMatchObject({ status: 403, code: 'FORBIDDEN_ROLE' });
  });

  it.each(MATRIX)('$name without a session → 401', async ({ method, url, body }) => {
    const r = await app.inject({ method, url, payload: body });
    expect(r.json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });
});

describe('units', () => {
  it('a unit below sees none of its parent’s cases (not even that they exist); the unit above sees them but does not decide', async () => {
    const station = { authorization: `Bearer ${tokens['officer-cg']}` };
    // Answered like a number that does not exist: a 403 would tell that it does.
    const hidden = await app.inject({ method: 'GET', url: `/api/cases/${CASE}`, headers: station });
    const unknown = await app.inject({ method: 'GET', url: '/api/cases/DC-2026-99999', headers: station });
    expect(hidden.json()).toMatchObject({ status: 404, code: 'CASE_NOT_FOUND' });
    expect({ ...hidden.json(), instance: null }).toEqual({ ...unknown.json(), instance: null });
    // A command gets the same answer as one to an unknown number.
    const extend = (n: string) =>
      app.inject({
        method: 'POST',
        url: `/api/cases/${n}/filing-extension`,
        headers: station,
        payload: { reason: '需要延长' },
      });
    const [toHidden, toUnknown] = await Promise.all([extend(CASE), extend('DC-2026-99999')]);
    expect(toHidden.statusCode).toBe(toUnknown.statusCode);
    expect(toHidden.json().code).toBe(toUnknown.json().code);
    expect((await app.inject({ method: 'GET', url: '/api/cases', headers: station })).json().total).toBe(0);
    expect(
      (await app.inject({ method: 'GET', url: '/api/cases?unitId=dc', headers: station })).json(),
    ).toMatchObject({ code: 'FORBIDDEN_UNIT' });
    const city = { authorization: `Bearer ${tokens.cityhead}` };
    expect((await app.inject({ method: 'GET', url: '/api/cases', headers: city })).json().total).toBe(1);
    const decide = await app.inject({
      method: 'POST',
      url: `/api/cases/${CASE}/filing-decision`,
      headers: city,
      payload: { decision: 'file', reasons: '符合条件' },
    });
    expect(decide.json()).toMatchObject({ status: 403, code: 'FORBIDDEN_UNIT' });
  });
});

describe('administration', () => {
  const admin = () => ({ authorization: `Bearer ${tokens.admin}` });

  it('creates a user under the password policy, refuses duplicates, and the user can sign in', async () => {
    const user = {
      username: 'officer9',
      displayName: '赵新',
      email: 'officer9@demo.tiean.local',
      roles: ['case_officer'],
      unitId: 'dc-cg',
    };
    const weak = await app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: admin(),
      payload: { ...user, password: 'weak' },
    });
    expect(weak.json()).toMatchObject({
      status: 400,
      code: 'WEAK_PASSWORD',
      errors: [{ path: 'body.password' }, { path: 'body.password' }],
    });
    const created = await app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: admin(),
      payload: { ...user, password: 'Strong-pass-2026' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ id: 'officer9', roles: ['case_officer'], active: true });
    expect(created.body).not.toContain('passwordHash');
    const again = await app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: admin(),
      payload: { ...user, password: 'Strong-pass-2026' },
    });
    expect(again.json()).toMatchObject({ status: 409, code: 'ALREADY_EXISTS' });
    const login = await app.inject({
      method: 'POST',
      url: '/api/session',
      remoteAddress: '10.1.1.1',
      payload: { username: 'officer9', password: 'Strong-pass-2026' },
    });
    expect(login.statusCode).toBe(200);
  });

  it('changing roles ends the user’s sessions; a deactivated user cannot sign in', async () => {
    const login = () =>
      app.inject({
        method: 'POST',
        url: '/api/session',
        remoteAddress: '10.1.1.2',
        payload: { username: 'officer2', password: DEMO_PASSWORD },
      });
    const token = (await login()).json().token;
    const patched = await app.inject({
      method: 'PATCH',
      url: '/api/admin/users/officer2',
      headers: admin(),
      payload: { roles: ['case_officer', 'legal_reviewer'] },
    });
    expect(patched.json()).toMatchObject({ roles: ['case_officer', 'legal_reviewer'] });
    expect(
      (await app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } }))
        .statusCode,
    ).toBe(401);
    await app.inject({
      method: 'PATCH',
      url: '/api/admin/users/officer2',
      headers: admin(),
      payload: { active: false },
    });
    expect((await login()).json()).toMatchObject({ code: 'INVALID_CREDENTIALS' });
  });

  it('an administrator of a county manages only that county', async () => {
    await app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: admin(),
      payload: {
        username: 'dcadmin',
        displayName: '区管理员',
        email: 'dcadmin@demo.tiean.local',
        roles: ['administrator'],
        unitId: 'dc',
        password: 'County-admin-2026',
      },
    });
    const t = (
      await app.inject({
        method: 'POST',
        url: '/api/session',
        remoteAddress: '10.1.1.3',
        payload: { username: 'dcadmin', password: 'County-admin-2026' },
      })
    ).json().token;
    const county = { authorization: `Bearer ${t}` };
    const outside = await app.inject({
      method: 'PATCH',
      url: '/api/admin/users/cityhead',
      headers: county,
      payload: { displayName: 'x' },
    });
    expect(outside.json()).toMatchObject({ status: 403, code: 'FORBIDDEN_UNIT' });
    const users = (await app.inject({ method: 'GET', url: '/api/admin/users', headers: county }))
      .json()
      .items.map((u: { unitId: string }) => u.unitId);
    expect(new Set(users)).toEqual(new Set(['dc', 'dc-cg']));
    const unit = await app.inject({
      method: 'POST',
      url: '/api/admin/units',
      headers: county,
      payload: { id: 'dc-xj', code: 'DC-XJ', name: '东城区市场监督管理局新街市场监管所', parentId: 'dc' },
    });
    expect(unit.statusCode).toBe(201);
    const above = await app.inject({
      method: 'POST',
      url: '/api/admin/units',
      headers: county,
      payload: { id: 'city-2', code: 'CITY-2', name: '另一个区局', parentId: 'city' },
    });
    expect(above.json()).toMatchObject({ status: 403, code: 'FORBIDDEN_UNIT' });
    // A code ending in the complaint series would give numbers that another unit's complaints already use.
    const clash = await app.inject({
      method: 'POST',
      url: '/api/admin/units',
      headers: county,
      payload: { id: 'dc-ts', code: 'DC-TS', name: '东城区某所', parentId: 'dc' },
    });
    expect(clash.json()).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      errors: [{ path: 'body.code' }],
    });
    const self = await app.inject({
      method: 'PATCH',
      url: '/api/admin/users/dcadmin',
      headers: county,
      payload: { active: false },
    });
    expect(self.json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
  });
});
