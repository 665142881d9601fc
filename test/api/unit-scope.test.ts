// Operations data is scoped like cases: a supervisor or administrator sees the e-mail outbox of the matters of
// their unit and the units below it, never of a unit beside or above; e-mails about no matter only at the root.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../helpers/db.js';
import { signIn, testApi } from '../helpers/api.js';

let tdb: TestDb;
let app: FastifyInstance;
const tokens: Record<string, string> = {};

/** A matter of `unitId` with one e-mail in the outbox. */
async function matterWithMail(number: string, unitId: string) {
  const now = new Date();
  await tdb.db.case.create({
    data: {
      number,
      unitId,
      stage: 'filing',
      status: 'open',
      source: 'media',
      respondent: { kind: 'natural_person', name: '王五' },
      summary: '线索',
      discoveredOn: '2026-11-02',
      createdBy: 'officer1',
      createdAt: now,
      updatedAt: now,
    },
  });
  await mail(`${number}:mail`, number);
}

const mail = (key: string, caseNumber: string | null) =>
  tdb.db.notification.create({
    data: {
      key,
      caseNumber,
      kind: 'task.assigned',
      recipients: ['x@example.test'],
      subject: key,
      body: '',
      status: 'sent',
    },
  });

beforeAll(async () => {
  tdb = await freshDb();
  app = await testApi(tdb.db);
  // A district administrator besides the seeded province one (same demo password).
  const admin = await tdb.db.user.findUniqueOrThrow({ where: { username: 'admin' } });
  await tdb.db.user.create({
    data: {
      ...admin,
      id: 'admin-dc',
      username: 'admin-dc',
      unitId: 'dc',
      createdAt: undefined,
      updatedAt: undefined,
    } as never,
  });
  Object.assign(tokens, await signIn(app, ['supervisor1', 'citysup', 'admin', 'admin-dc'], '10.9.0'));
  for (const userId of ['officer1', 'citysup', null])
    await tdb.db.commandRefusal.create({
      data: {
        userId,
        method: 'POST',
        route: '/api/clues',
        target: null,
        status: 403,
        code: `by-${userId ?? 'nobody'}`,
      },
    });
  await matterWithMail('CITY-1', 'city');
  await matterWithMail('DC-1', 'dc');
  await matterWithMail('CG-1', 'dc-cg');
  await mail('no-matter', null);
});
afterAll(async () => {
  await app?.close();
  await tdb?.drop();
});

const visible = async (user: string, query = '') => {
  const r = await app.inject({
    method: 'GET',
    url: `/api/notifications${query}`,
    headers: { authorization: `Bearer ${tokens[user]}` },
  });
  expect(r.statusCode).toBe(200);
  return (r.json().items as { key: string }[]).map((n) => n.key).sort();
};

describe('the e-mail outbox is scoped to the unit subtree', () => {
  it('a district supervisor sees their district and the station below it, not the city', async () => {
    expect(await visible('supervisor1')).toEqual(['CG-1:mail', 'DC-1:mail']);
    expect(await visible('supervisor1', '?caseNumber=CITY-1')).toEqual([]);
  });
  it('a city supervisor sees the city and everything below it', async () => {
    expect(await visible('citysup')).toEqual(['CG-1:mail', 'CITY-1:mail', 'DC-1:mail']);
  });
  it('the root unit sees e-mails about no matter too', async () => {
    expect(await visible('admin')).toEqual(['CG-1:mail', 'CITY-1:mail', 'DC-1:mail', 'no-matter']);
  });
});

describe('refused commands are scoped to the administrator’s subtree', () => {
  const refusals = async (user: string) => {
    const r = await app.inject({
      method: 'GET',
      url: '/api/admin/refused-commands',
      headers: { authorization: `Bearer ${tokens[user]}` },
    });
    expect(r.statusCode).toBe(200);
    return (r.json().items as { code: string }[])
      .map((x) => x.code)
      .filter((c) => c.startsWith('by-'))
      .sort();
  };
  it('a district administrator sees its own users’ refusals only; the root sees all', async () => {
    expect(await refusals('admin-dc')).toEqual(['by-officer1']);
    expect(await refusals('admin')).toEqual(['by-citysup', 'by-nobody', 'by-officer1']);
  });
});

describe('installation-wide and cross-unit administration needs the unit above', () => {
  const as = (user: string) => ({ authorization: `Bearer ${tokens[user]}` });
  it('a district administrator may not load a holiday year (every unit’s deadlines would move)', async () => {
    const year = {
      year: 2033,
      source: '测试',
      holidays: [{ from: '2033-01-01', to: '2033-01-01', name: '元旦' }],
      workdays: [],
    };
    const r = await app.inject({
      method: 'POST',
      url: '/api/admin/calendar/years',
      headers: as('admin-dc'),
      payload: year,
    });
    expect([r.statusCode, r.json().code]).toEqual([403, 'FORBIDDEN_UNIT']);
    expect(await tdb.db.calendarYear.count({ where: { year: 2033 } })).toBe(0);
  });
  it('a district administrator unlocks users of the district, never the province administrator', async () => {
    const up = await app.inject({
      method: 'POST',
      url: '/api/admin/users/admin/unlock',
      headers: as('admin-dc'),
    });
    expect([up.statusCode, up.json().code]).toEqual([403, 'FORBIDDEN_UNIT']);
    const own = await app.inject({
      method: 'POST',
      url: '/api/admin/users/officer1/unlock',
      headers: as('admin-dc'),
    });
    expect(own.statusCode).toBe(204);
  });
});
