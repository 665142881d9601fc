// The start process as a supervisor, on the real stack (`npm start`'s entry): the worker and the API run as
// child processes that are started again when they die; a second start says "already running"; a start killed
// with SIGKILL takes everything with it (its watchdog stops the children), and a start that finds leftovers of
// an earlier one (the watchdog killed too) stops them and comes up.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../platform/config.js';
import { isAlive } from '../../scripts/leftovers.mjs';
import { chinaDateOf } from '../../schema/values/dates.js';
import { eventually } from '../helpers/eventually.js';
import { createSystem, processesUsing, type System } from '../helpers/system.js';

let sys: System;
const pidOf = (name: string) => Number(readFileSync(path.join(sys.dataDir, 'run', `${name}.pid`), 'utf8'));
const alive = isAlive;
const clue = (summary: string) => ({
  source: 'own_inspection',
  respondent: { kind: 'organisation', name: '演示商贸有限公司', uscc: '91350100M000100Y43' },
  summary,
  discoveredOn: chinaDateOf(Date.now()),
});
/** A clue registered and filed through the API: the worker (whichever process it is now) runs the case. */
async function fileACase(summary: string) {
  const key = summary.replace(/\W+/g, '-');
  const officer = await sys.login('officer1');
  const head = await sys.login('head1');
  const reg = await sys.call('POST', '/api/clues', { token: officer, body: clue(summary), key });
  expect(reg.status, JSON.stringify(reg.body)).toBe(201);
  const n = reg.body.caseNumber as string;
  return eventually(
    async () => {
      const r = await sys.call('POST', `/api/cases/${n}/filing-decision`, {
        token: head,
        body: { decision: 'file', reasons: '符合立案条件' },
        key: `file-${key}`,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body;
    },
    60_000,
    500,
  );
}

beforeAll(async () => {
  sys = await createSystem();
  await sys.start();
}, 240_000);
afterAll(async () => {
  await sys?.destroy();
});

describe('the start process supervises its children (dev server, real processes)', () => {
  it('a second start on the same data folder says it is already running, without a stack trace', async () => {
    const second = spawn(process.execPath, [path.join(projectRoot, 'scripts', 'launch.mjs'), 'start'], {
      env: sys.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    second.stdout!.on('data', (d: Buffer) => (out += d));
    second.stderr!.on('data', (d: Buffer) => (out += d));
    const code = await new Promise<number | null>((r) => second.once('exit', r));
    expect(code).toBe(1);
    expect(out).toMatch(/already running/);
    expect(out).not.toMatch(/\n\s+at /);
    // The running system is untouched.
    expect((await sys.call('GET', '/healthz')).status).toBe(200);
  });

  it('the worker killed with SIGKILL is started again, and cases go on', async () => {
    const before = pidOf('worker');
    process.kill(before, 'SIGKILL');
    await eventually(
      () => Promise.resolve(expect(sys.output()).toMatch(/worker is running again/)),
      90_000,
      250,
    );
    expect(pidOf('worker')).not.toBe(before);
    const filed = await fileACase('worker restarted');
    expect(filed).toMatchObject({ stage: 'investigation' });
  });

  it('the API killed with SIGKILL is started again', async () => {
    const before = pidOf('api');
    process.kill(before, 'SIGKILL');
    await eventually(
      () => Promise.resolve(expect(sys.output()).toMatch(/api is running again/)),
      90_000,
      250,
    );
    expect(pidOf('api')).not.toBe(before);
    expect((await sys.call('GET', '/healthz')).status).toBe(200);
  });

  it('the start process killed with SIGKILL takes its children with it; the next start comes up', async () => {
    const children = ['worker', 'api', 'temporal'].map(pidOf);
    sys.proc.kill('SIGKILL');
    await eventually(() => Promise.resolve(expect(processesUsing(sys.dataDir)).toEqual([])), 60_000, 250);
    expect(children.filter(alive)).toEqual([]);
    await sys.start();
    await fileACase('after a killed start');
  });

  it('leftovers of a start killed with its watchdog are stopped by the next start', async () => {
    const watchdog = processesUsing(sys.dataDir)
      .filter((l) => l.includes('watchdog.mjs'))
      .map((l) => Number(l.trim().split(/\s+/)[0]));
    expect(watchdog).toHaveLength(1);
    const children = ['worker', 'api', 'temporal'].map(pidOf);
    process.kill(watchdog[0]!, 'SIGKILL');
    sys.proc.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 1000));
    // Nothing stopped them: they are still running.
    expect(children.filter(alive)).toEqual(children);
    await sys.start();
    expect(sys.output()).toMatch(
      /stopped (worker|api|temporal|postgres) \(pid \d+\) left running by an earlier start/,
    );
    expect(children.filter(alive)).toEqual([]);
    await fileACase('after leftovers');
    expect(await sys.stop()).toBe(0);
    await eventually(() => Promise.resolve(expect(processesUsing(sys.dataDir)).toEqual([])), 30_000, 250);
  });

  it('Ctrl-C while the Temporal server does not answer: everything still stops, in order', async () => {
    if (sys.proc.exitCode !== null || sys.proc.signalCode !== null) await sys.start();
    const temporal = pidOf('temporal');
    process.kill(temporal, 'SIGSTOP'); // an outage: the server holds its connections and answers nothing
    try {
      await new Promise((r) => setTimeout(r, 1000));
      const exited = new Promise<number | null>((r) => sys.proc.once('exit', r));
      sys.proc.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(sys.output()).toMatch(
        /stopped api[\s\S]*stopped worker[\s\S]*stopped temporal[\s\S]*stopped postgres/,
      );
      expect(sys.output()).not.toMatch(/Channel has been shut down/);
      await eventually(() => Promise.resolve(expect(processesUsing(sys.dataDir)).toEqual([])), 30_000, 250);
    } finally {
      if (alive(temporal)) process.kill(temporal, 'SIGKILL');
    }
  });
});
