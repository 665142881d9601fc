// Identity on a real PostgreSQL: lockout with back-off, unlock, cookie and bearer sessions, expiry, tampered
// tokens, the password policy and the rate limits.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FIRST_LOCK_MINUTES,
  MAX_FAILED_LOGINS,
  MAX_FAILED_LOGINS_PER_SOURCE,
} from '../../domain/identity/login-policy.js';
import { loadConfig } from '../../platform/config.js';

const { logins: LOGINS_PER_MINUTE, writes: WRITES_PER_MINUTE } = loadConfig({}).api.rateLimits;
import { DEMO_PASSWORD } from '../../scripts/seed.js';
import { testApi } from '../helpers/api.js';
import { freshDb, type TestDb } from '../helpers/db.js';
import { SECURITY_HEADERS } from '../../api/server.js';

let tdb: TestDb;
let app: FastifyInstance;

beforeAll(async () => {
  tdb = await freshDb();
  app = await testApi(tdb.db);
});
afterAll(async () => {
  await app?.close();
  await tdb?.drop();
});

/** Each test uses its own client address, so the per-address rate limits do not mix between tests. */
let ipSeq = 0;
const client = () => {
  const remoteAddress = `10.0.0.${++ipSeq}`;
  const send = (
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    opts: { payload?: object | string; headers?: Record<string, string> } = {},
  ) => app.inject({ method, url, remoteAddress, payload: opts.payload, headers: opts.headers });
  const login = (username: string, password: string) =>
    send('POST', '/api/session', { payload: { username, password } });
  return { send, login };
};

describe('login abuse', () => {
  it(`locks a username for the address that failed ${MAX_FAILED_LOGINS} times, refuses even the right password there, never the owner elsewhere; an administrator lifts it`, async () => {
    const attacker = client();
    for (let i = 1; i < MAX_FAILED_LOGINS; i++)
      expect((await attacker.login('officer2', 'wrong-password')).statusCode).toBe(401);
    const locked = await attacker.login('officer2', 'wrong-password');
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ code: 'ACCOUNT_LOCKED' });
    const [row] = await tdb.db.loginThrottle.findMany({ where: { username: 'officer2' } });
    expect(row!.lockedUntil!.getTime() - Date.now()).toBeGreaterThan((FIRST_LOCK_MINUTES - 1) * 60_000);
    expect(JSON.stringify(row)).not.toContain('10.0.0.'); // the address is kept only as a hash
    expect((await attacker.login('officer2', DEMO_PASSWORD)).json()).toMatchObject({
      code: 'ACCOUNT_LOCKED',
    });
    // The owner, from their own address, signs in as usual (before, the whole account was locked).
    expect((await client().login('officer2', DEMO_PASSWORD)).statusCode).toBe(200);

    // An administrator lifts the lock for the failing address too.
    const admin = (await client().login('admin', DEMO_PASSWORD)).json().token;
    expect(
      (
        await attacker.send('POST', '/api/admin/users/officer2/unlock', {
          headers: { authorization: `Bearer ${admin}` },
        })
      ).statusCode,
    ).toBe(204);
    expect((await attacker.login('officer2', DEMO_PASSWORD)).statusCode).toBe(200);
    expect(await tdb.db.loginThrottle.count({ where: { username: 'officer2' } })).toBe(0);
  });

  it('an unknown username is answered exactly like a known one, failure after failure', async () => {
    const statuses = async (username: string) => {
      const c = client();
      const out: string[] = [];
      for (let i = 0; i <= MAX_FAILED_LOGINS; i++) {
        const r = await c.login(username, 'wrong-password');
        out.push(`${r.statusCode} ${r.json().code}`);
      }
      return out;
    };
    const known = await statuses('intake1');
    expect(known.at(-1)).toBe('429 ACCOUNT_LOCKED');
    expect(await statuses('no-such-user')).toEqual(known);
  });

  it(`locks a source that fails ${MAX_FAILED_LOGINS_PER_SOURCE} times over many usernames (password spraying)`, async () => {
    const c = client();
    for (let i = 0; i < MAX_FAILED_LOGINS_PER_SOURCE - 1; i++)
      expect((await c.login(`spray${i}`, 'Winter2026!')).statusCode).toBe(401);
    expect((await c.login('spray-last', 'Winter2026!')).json()).toMatchObject({ code: 'ACCOUNT_LOCKED' });
    expect((await c.login('head1', DEMO_PASSWORD)).json()).toMatchObject({ code: 'ACCOUNT_LOCKED' });
    expect((await client().login('head1', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('only administrators unlock accounts', async () => {
    const c = client();
    const head = (await c.login('head1', DEMO_PASSWORD)).json().token;
    const r = await c.send('POST', '/api/admin/users/officer2/unlock', {
      headers: { authorization: `Bearer ${head}` },
    });
    expect(r.json()).toMatchObject({ status: 403, code: 'FORBIDDEN_ROLE' });
  });

  it(`limits login attempts per address and username to ${LOGINS_PER_MINUTE} a minute`, async () => {
    const c = client();
    // The lockout answers first (429 ACCOUNT_LOCKED from the fifth failure); the rate limit still caps attempts.
    for (let i = 0; i < LOGINS_PER_MINUTE; i++)
      expect((await c.login('nobody', 'x')).statusCode).toBe(i < MAX_FAILED_LOGINS - 1 ? 401 : 429);
    const limited = await c.login('nobody', 'x');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another user from the same address is not affected.
    expect((await c.login('intake1', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it(`limits writes per user to ${WRITES_PER_MINUTE} a minute, however many sessions they open`, async () => {
    const c = client();
    const tokens = await Promise.all(
      [1, 2, 3].map(async () => (await c.login('officer3', DEMO_PASSWORD)).json().token),
    );
    let last = 0;
    for (let i = 0; i <= WRITES_PER_MINUTE; i++)
      last = (
        await c.send('POST', '/api/clues', {
          headers: { authorization: `Bearer ${tokens[i % 3]}` },
          payload: {},
        })
      ).statusCode;
    expect(last).toBe(429);
    expect(
      (await c.send('GET', '/api/me', { headers: { authorization: `Bearer ${tokens[0]}` } })).statusCode,
    ).toBe(200);
  });

  it('made-up tokens count against their address, are refused before their input is read, and write nothing', async () => {
    const c = client();
    const before = await tdb.db.commandRefusal.count();
    const statuses: number[] = [];
    for (let i = 0; i <= WRITES_PER_MINUTE; i++) {
      const r = await c.send('POST', '/api/clues', {
        headers: { authorization: `Bearer made-up-${i}-${Math.random()}` },
        payload: { not: 'a clue' },
      });
      statuses.push(r.statusCode);
    }
    // Authentication comes first: 401, never a 400 that would describe the input.
    expect(new Set(statuses.slice(0, WRITES_PER_MINUTE))).toEqual(new Set([401]));
    expect(statuses.at(-1)).toBe(429);
    expect(await tdb.db.commandRefusal.count()).toBe(before);
  });
});

describe('sessions', () => {
  it('sets an HttpOnly, SameSite=Strict cookie that authenticates the web, and logout ends it', async () => {
    const c = client();
    const res = await c.login('head1', DEMO_PASSWORD);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^tiean_session=[\w-]+;/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const cookie = setCookie.split(';')[0]!;
    expect((await c.send('GET', '/api/me', { headers: { cookie } })).json()).toMatchObject({
      id: 'head1',
      roles: ['agency_head', 'principal_head'],
    });
    const out = await c.send('DELETE', '/api/session', { headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/tiean_session=;/);
    expect((await c.send('GET', '/api/me', { headers: { cookie } })).statusCode).toBe(401);
  });

  it('rejects an expired session and a tampered token', async () => {
    const c = client();
    const token: string = (await c.login('reviewer1', DEMO_PASSWORD)).json().token;
    const auth = (t: string) => ({ headers: { authorization: `Bearer ${t}` } });
    expect((await c.send('GET', '/api/me', auth(token))).statusCode).toBe(200);
    const tampered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    expect((await c.send('GET', '/api/me', auth(tampered))).json()).toMatchObject({
      status: 401,
      code: 'UNAUTHENTICATED',
    });
    await tdb.db.session.updateMany({
      where: { userId: 'reviewer1' },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await c.send('GET', '/api/me', auth(token))).statusCode).toBe(401);
  });
});

describe('password change', () => {
  it('enforces the policy with per-field messages, then ends the other sessions', async () => {
    const c = client();
    const first: string = (await c.login('supervisor1', DEMO_PASSWORD)).json().token;
    const second: string = (await c.login('supervisor1', DEMO_PASSWORD)).json().token;
    const change = (body: object) =>
      c.send('POST', '/api/me/password', {
        headers: { authorization: `Bearer ${first}`, 'accept-language': 'en' },
        payload: body,
      });
    const weak = await change({ currentPassword: DEMO_PASSWORD, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({
      code: 'WEAK_PASSWORD',
      errors: [{ path: 'body.newPassword' }, { path: 'body.newPassword' }],
    });
    expect(
      (await change({ currentPassword: 'not-it', newPassword: 'Anew-passw0rd-2026' })).json(),
    ).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(
      (await change({ currentPassword: DEMO_PASSWORD, newPassword: 'Anew-passw0rd-2026' })).statusCode,
    ).toBe(204);
    expect(
      (await c.send('GET', '/api/me', { headers: { authorization: `Bearer ${first}` } })).statusCode,
    ).toBe(200);
    expect(
      (await c.send('GET', '/api/me', { headers: { authorization: `Bearer ${second}` } })).statusCode,
    ).toBe(401);
    expect((await c.login('supervisor1', DEMO_PASSWORD)).statusCode).toBe(401);
    expect((await c.login('supervisor1', 'Anew-passw0rd-2026')).statusCode).toBe(200);
  });
});

describe('input the database cannot store', () => {
  it('refuses a NUL character anywhere in the request with a 400 naming the field (found by Schemathesis)', async () => {
    const c = client();
    const login = await c.send('POST', '/api/session', { payload: { username: 'tn\u0000', password: 'x' } });
    expect(login.json()).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      errors: [{ path: 'body.username' }],
    });
    const token = (await c.login('admin', DEMO_PASSWORD)).json().token;
    const query = await c.send('GET', '/api/notifications?caseNumber=a%00b', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(query.json()).toMatchObject({ status: 400, errors: [{ path: 'querystring.caseNumber' }] });
  });

  it('refuses a lone surrogate with a 400 naming the field, and registers no clue', async () => {
    const c = client();
    const token = (await c.login('officer1', DEMO_PASSWORD)).json().token;
    const before = await tdb.db.case.count();
    const r = await c.send('POST', '/api/clues', {
      headers: { authorization: `Bearer ${token}`, 'idempotency-key': 'lone-surrogate-1' },
      payload: {
        source: 'own_inspection',
        respondent: { kind: 'organisation', name: '演示食品店' },
        summary: 'broken \ud800 text',
        discoveredOn: '2026-01-05',
      },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'body.summary' }] });
    expect(await tdb.db.case.count()).toBe(before);
    // A valid pair (an emoji) is text like any other.
    expect(
      (await c.send('POST', '/api/session', { payload: { username: 'officer1😀', password: 'x' } }))
        .statusCode,
    ).toBe(401);
  });

  it('refuses JSON nested 10,000 deep with a 400, and a body over 1 MiB with a 413 (also unauthenticated)', async () => {
    const c = client();
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    const nested = await c.send('POST', '/api/session', {
      payload: `{"username":${deep},"password":"x"}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(nested.statusCode).toBe(400);
    expect(nested.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    const big = await c.send('POST', '/api/session', {
      payload: JSON.stringify({ username: 'x'.repeat(1_100_000), password: 'x' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
  });
});

describe('response headers', () => {
  it('every response, an error too, forbids sniffing and framing and carries a content security policy', async () => {
    const c = client();
    for (const url of ['/api/healthz', '/api/openapi.json', '/api/me', '/api/nowhere']) {
      const r = await c.send('GET', url);
      expect(r.headers, url).toMatchObject(SECURITY_HEADERS);
    }
  });

  it('a path out of the documentation folder is refused, never served', async () => {
    const c = client();
    for (const p of [
      '/api/docs/static/..%2f..%2fpackage.json',
      '/api/docs/static/%2e%2e/%2e%2e/package.json',
    ]) {
      const r = await c.send('GET', p);
      expect(r.statusCode, p).toBeGreaterThanOrEqual(400);
      expect(r.statusCode, p).toBeLessThan(500);
      expect(r.body, p).not.toContain('"dependencies"');
    }
  });
});
