// "A failed command leaves no trace but its audit entry": every refused write is recorded append-only, with
// who, what and why, never with its body; reads are not.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectCase, signIn, testApi } from '../helpers/api.js';
import { freshDb, type TestDb } from '../helpers/db.js';

let tdb: TestDb;
let app: FastifyInstance;
const tokens: Record<string, string> = {};
const CASE = 'DC-2026-00777';

beforeAll(async () => {
  tdb = await freshDb();
  app = await testApi(tdb.db);
  Object.assign(tokens, await signIn(app, ['officer1', 'admin'], '10.4.0'));
  await projectCase(tdb.db, CASE);
});
afterAll(async () => {
  await app?.close();
  await tdb?.drop();
});

const as = (user?: string) => (user ? { authorization: `Bearer ${tokens[user]}` } : {});

describe('refused commands', () => {
  it('records who, which operation, on what and why — not the body', async () => {
    const before = await tdb.db.commandRefusal.count();
    const secret = '举报人王秘密';
    const forbidden = await app.inject({
      method: 'POST',
      url: `/api/cases/${CASE}/filing-decision`,
      headers: as('officer1'),
      payload: { decision: 'file', reasons: `理由 ${secret}` },
    });
    expect(forbidden.statusCode).toBe(403);
    // The session is looked at before the input: an invalid command is on record with its user.
    const invalid = await app.inject({
      method: 'POST',
      url: `/api/cases/${CASE}/evidence`,
      headers: as('officer1'),
      payload: { officers: ['officer1'], type: 'nonsense' },
    });
    expect(invalid.statusCode).toBe(400);
    const anonymous = await app.inject({
      method: 'POST',
      url: '/api/clues',
      payload: {
        source: 'media',
        respondent: { kind: 'natural_person', name: '王五' },
        summary: `媒体曝光 ${secret}`,
        discoveredOn: '2026-11-02',
      },
    });
    expect(anonymous.statusCode).toBe(401);
    // Reads are not commands.
    expect(
      (await app.inject({ method: 'GET', url: '/api/cases/NOPE', headers: as('officer1') })).statusCode,
    ).toBe(404);

    const rows = await tdb.db.commandRefusal.findMany({
      where: { id: { gt: BigInt(0) } },
      orderBy: { id: 'asc' },
    });
    const mine = rows.slice(before);
    expect(
      mine.map(({ userId, method, route, target, status, code }) => ({
        userId,
        method,
        route,
        target,
        status,
        code,
      })),
    ).toEqual([
      {
        userId: 'officer1',
        method: 'POST',
        route: '/api/cases/:number/filing-decision',
        target: CASE,
        status: 403,
        code: 'FORBIDDEN_ROLE',
      },
      {
        userId: 'officer1',
        method: 'POST',
        route: '/api/cases/:number/evidence',
        target: CASE,
        status: 400,
        code: 'VALIDATION_FAILED',
      },
      // A call without a session is nobody's command: not on record (an unauthenticated flood writes nothing).
    ]);
    expect(JSON.stringify(mine, (_k, v) => (typeof v === 'bigint' ? String(v) : v))).not.toContain(secret);

    const listed = await app.inject({
      method: 'GET',
      url: `/api/admin/refused-commands?target=${CASE}`,
      headers: as('admin'),
    });
    expect(listed.json().items.map((i: { code: string }) => i.code)).toEqual([
      'VALIDATION_FAILED',
      'FORBIDDEN_ROLE',
    ]);
    const denied = await app.inject({
      method: 'GET',
      url: '/api/admin/refused-commands',
      headers: as('officer1'),
    });
    expect(denied.statusCode).toBe(403);
  });

  it('is append-only', async () => {
    await expect(tdb.db.commandRefusal.updateMany({ data: { code: 'X' } })).rejects.toThrow(/append-only/);
    await expect(tdb.db.commandRefusal.deleteMany({})).rejects.toThrow(/append-only/);
    // The same trigger keeps the reads of reporters' identities.
    await tdb.db.sensitiveRead.create({
      data: { userId: 'intake1', subject: 'submission:X', purpose: '核实' },
    });
    await expect(tdb.db.sensitiveRead.deleteMany({})).rejects.toThrow(/SensitiveRead is append-only/);
  });
});
