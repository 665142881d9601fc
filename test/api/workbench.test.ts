// The workbench's reads from the projection: my tasks across cases, the deadline board of a unit and the units
// below it, and the figures for a period (API, real PostgreSQL; the rows written by the projection activity).
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities/index.js';
import { createMailer } from '../../platform/mailer.js';
import type { ClockView } from '../../schema/case.js';
import { chinaDateOf } from '../../schema/values/dates.js';
import { signIn, testApi } from '../helpers/api.js';
import { freshDb, type TestDb } from '../helpers/db.js';

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
    const head = (await get('head1', '/api/tasks/mine')).json();
    expect(head.items).toEqual([
      expect.objectContaining({ caseNumber: 'DC-2026-00701', kind: 'decide-filing', overdue: true }),
    ]);
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
    expect(board.byUnit).toEqual([
      { unitId: 'dc', overdue: 1, atRisk: 0 },
      { unitId: 'dc-cg', overdue: 0, atRisk: 1 },
    ]);
    const soon = (await get('supervisor1', '/api/deadlines/board?horizonDays=1')).json();
    expect(soon.items.map((d: { caseNumber: string }) => d.caseNumber)).toEqual(['DC-2026-00701']);
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
    expect(figures.byUnit).toEqual([
      { unitId: 'dc', filed: 2, closed: 1 },
      { unitId: 'dc-cg', filed: 1, closed: 0 },
    ]);
    expect(figures.onTime).toEqual([{ clock: 'filing', ended: 1, onTime: 1 }]);
    const before = (await get('supervisor1', '/api/figures?from=2020-01-01&to=2020-12-31')).json();
    expect(before.byUnit).toEqual([]);
    const reversed = await get('supervisor1', `/api/figures?from=${today}&to=2020-01-01`);
    expect([reversed.statusCode, reversed.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await get('officer1', `/api/figures?from=${today}&to=${today}`)).statusCode).toBe(403);
  });
});
