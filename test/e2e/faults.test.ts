// The standing fault suite, on the real stack (`npm start`'s entry, the dev server, embedded PostgreSQL): commands
// in flight while the worker, the Temporal server or PostgreSQL is killed with SIGKILL. Clients retry every
// request that got no answer or a 5xx with the same Idempotency-Key, as the README tells them to. After each
// fault: every command applied exactly once (one case per registration, one filing decision per case, each case
// clock started once), nothing lost, the audit chains verify, and the system back by itself (the worker) or
// after one plain start (Temporal, PostgreSQL). The figures are printed for the README ("Measured").
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { chinaDateOf } from '../../schema/values/dates.js';
import { projectRoot } from '../../platform/config.js';
import { DEMO_PASSWORD } from '../../scripts/seed.js';
import { freePort } from '../helpers/ports.js';
import { eventually } from '../helpers/eventually.js';
import { createSystem, type System } from '../helpers/system.js';

let sys: System;
const stats = { faults: 0, requests: 0, fiveXX: 0, noAnswer: 0 };
const tokens: Record<string, string> = {};
const BATCH = 8;

beforeAll(async () => {
  sys = await createSystem();
  await sys.start();
}, 240_000);
afterAll(async () => {
  console.log(
    `[faults] ${stats.faults} faults survived; ${stats.requests} requests tried, ${stats.fiveXX} answered 5xx, ${stats.noAnswer} unanswered (all retried with their key)`,
  );
  await sys?.destroy();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pid = (file: string) => Number(readFileSync(file, 'utf8').split('\n')[0]);

/** The API instances the clients use, in turn (one, or several behind a load balancer). */
let apis: string[] = [];

async function callAt(
  base: string,
  method: string,
  url: string,
  token: string | undefined,
  body: unknown,
  key?: string,
) {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
    // A client gives up on a request that hangs (its connection to an instance that was killed) and retries.
    signal: AbortSignal.timeout(45_000),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** A request retried with its key until it gets an answer that is not a 5xx (at most ~3 minutes); each attempt
 * goes to the next API instance, as a load balancer would send it. */
async function reliably(user: string, method: string, url: string, body: unknown, key: string) {
  for (let attempt = 0; attempt < 360; attempt++) {
    stats.requests++;
    const base = apis.length ? apis[attempt % apis.length]! : sys.api;
    try {
      if (!tokens[user])
        tokens[user] = (
          await callAt(base, 'POST', '/api/session', undefined, { username: user, password: DEMO_PASSWORD })
        ).body.token;
      const r = await callAt(base, method, url, tokens[user], body, key);
      if (r.status === 401)
        delete tokens[user]; // a new API process after a restart: sign in again
      else if (r.status === 429) {
        // Retried too often while the system restarted: wait as the API says, as a well-behaved client does.
        const seconds = Number(/retry in (\d+) seconds/.exec(String(r.body?.detail))?.[1] ?? 5);
        await sleep(Math.min(seconds, 60) * 1000);
        continue;
      } else if (r.status < 500) return r;
      else stats.fiveXX++;
    } catch {
      stats.noAnswer++; // the API is restarting, or the whole system is
      delete tokens[user];
    }
    await sleep(500);
  }
  throw new Error(`${method} ${url} never answered`);
}

/** Registers and files `BATCH` cases at once, each with its own keys; resolves with their numbers. */
function batch(tag: string): Promise<string[]> {
  return Promise.all(
    Array.from({ length: BATCH }, async (_, i) => {
      const reg = await reliably(
        'officer1',
        'POST',
        '/api/clues',
        {
          source: 'own_inspection',
          respondent: { kind: 'organisation', name: '演示商贸有限公司', uscc: '91350100M000100Y43' },
          summary: `故障演练 ${tag}-${i}`,
          discoveredOn: chinaDateOf(Date.now()),
        },
        `fault-${tag}-${i}`,
      );
      expect(reg.status, JSON.stringify(reg.body)).toBe(201);
      const n = reg.body.caseNumber as string;
      // The first step may not be projected yet: a 404 is retried too.
      for (;;) {
        const filed = await reliably(
          'head1',
          'POST',
          `/api/cases/${n}/filing-decision`,
          { decision: 'file', reasons: '符合立案条件' },
          `fault-${tag}-file-${i}`,
        );
        if (filed.status === 200) return n;
        expect([404, 409], JSON.stringify(filed.body)).toContain(filed.status);
        // Not faster: eight of these at once stay under the per-user write limit (120 a minute) however long the
        // projection takes to catch up after a restart.
        await sleep(5000);
      }
    }),
  );
}

/** Every case once, filed once, its case clock started once, its audit chain whole. */
async function expectExactlyOnce(tags: string[], numbers: string[]) {
  const list = (await reliably('supervisor1', 'GET', '/api/cases?pageSize=200', undefined, 'x')).body;
  for (const tag of tags)
    for (let i = 0; i < BATCH; i++) {
      const rows = list.items.filter((c: { summary: string }) => c.summary === `故障演练 ${tag}-${i}`);
      expect(rows, `${tag}-${i}`).toHaveLength(1);
    }
  for (const n of numbers) {
    // The investigation phase opens a moment after the filing (its case clock): wait for it, then count.
    const actions = await eventually(
      async () => {
        const audit = (await reliably('supervisor1', 'GET', `/api/cases/${n}/audit`, undefined, 'x')).body;
        const all = audit.items.map((a: { action: string }) => a.action) as string[];
        expect(all, n).toContain('case_clock.started');
        return all;
      },
      60_000,
      500,
    );
    const count = (action: string) => actions.filter((a) => a === action).length;
    expect([count('clue.registered'), count('filing.approved'), count('case_clock.started')], n).toEqual([
      1, 1, 1,
    ]);
    expect(
      (await reliably('supervisor1', 'GET', `/api/cases/${n}/audit/verify`, undefined, 'x')).body.ok,
    ).toBe(true);
    const detail = (await reliably('supervisor1', 'GET', `/api/cases/${n}`, undefined, 'x')).body;
    expect(
      detail.deadlines.filter((d: { name: string }) => d.name === 'case'),
      n,
    ).toHaveLength(1);
  }
}

// Each scenario restarts processes (and the scale-out one starts a second worker, which bundles the workflows):
// minutes on a loaded 2-core machine.
describe('faults on the real stack, commands in flight (dev server)', { timeout: 360_000 }, () => {
  const done: { tags: string[]; numbers: string[] } = { tags: [], numbers: [] };

  it('the worker killed with SIGKILL: it comes back by itself; every command applied once', async () => {
    const running = batch('worker');
    await sleep(300);
    process.kill(pid(path.join(sys.dataDir, 'run', 'worker.pid')), 'SIGKILL');
    stats.faults++;
    const numbers = await running;
    done.tags.push('worker');
    done.numbers.push(...numbers);
    await expectExactlyOnce(done.tags, done.numbers);
  });

  it('the Temporal server killed with SIGKILL: after one plain start every command applied once, the deadlines kept', async () => {
    const running = batch('temporal');
    await sleep(300);
    process.kill(pid(path.join(sys.dataDir, 'run', 'temporal.pid')), 'SIGKILL');
    stats.faults++;
    await sleep(2000);
    expect(await sys.stop()).toBe(0);
    await sys.start();
    const numbers = await running;
    done.tags.push('temporal');
    done.numbers.push(...numbers);
    await expectExactlyOnce(done.tags, done.numbers);
  });

  it('PostgreSQL killed with SIGKILL: after one plain start every command applied once', async () => {
    const running = batch('postgres');
    await sleep(300);
    process.kill(pid(path.join(sys.dataDir, 'postgres', 'postmaster.pid')), 'SIGKILL');
    stats.faults++;
    await sleep(2000);
    expect(await sys.stop()).toBe(0);
    await sys.start();
    const numbers = await running;
    done.tags.push('postgres');
    done.numbers.push(...numbers);
    await expectExactlyOnce(done.tags, done.numbers);
  });

  it('scale-out: two workers and two API instances on one task queue and database; one of each killed mid-load, nothing lost', async () => {
    // A second worker and a second API, as `tiean worker` and `tiean api` run on other machines.
    const port = await freePort();
    const extra: ChildProcess[] = [];
    const run = (args: string[], env: NodeJS.ProcessEnv) => {
      const child = spawn(process.execPath, [path.join(projectRoot, 'bin', 'tiean.mjs'), ...args], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout!.on('data', (d: Buffer) => (out += d));
      child.stderr!.on('data', (d: Buffer) => (out += d));
      extra.push(child);
      return { child, out: () => out };
    };
    try {
      const worker2 = run(['worker'], sys.env);
      const api2 = run(['api'], { ...sys.env, TIEAN_API_PORT: String(port) });
      await eventually(() => Promise.resolve(expect(worker2.out()).toMatch(/worker running/)), 120_000, 250);
      await eventually(() => Promise.resolve(expect(api2.out()).toMatch(/API on/)), 120_000, 250);
      apis = [sys.api, `http://127.0.0.1:${port}`];
      const running = batch('scale');
      await sleep(300);
      // One worker (the start's own: its supervisor starts it again) and one API (the second: not restarted, the
      // clients go on with the other).
      process.kill(pid(path.join(sys.dataDir, 'run', 'worker.pid')), 'SIGKILL');
      api2.child.kill('SIGKILL');
      stats.faults += 2;
      const numbers = await running;
      done.tags.push('scale');
      done.numbers.push(...numbers);
      await expectExactlyOnce(done.tags, done.numbers);
    } finally {
      apis = [];
      for (const c of extra) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
      await Promise.all(
        extra.map((c) =>
          c.exitCode !== null || c.signalCode !== null ? undefined : new Promise((r) => c.once('exit', r)),
        ),
      );
    }
  });
});
