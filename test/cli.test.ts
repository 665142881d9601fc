// The operators' CLI as a real process (docs/rules.md, "Counting days" through `tiean calendar`).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../platform/config.js';

// No database on this port: the CLI uses the built-in calendar and says so on stderr.
const env = { ...process.env, DATABASE_URL: 'postgresql://nobody:x@127.0.0.1:9/none' };
const tiean = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(projectRoot, 'bin', 'tiean.mjs'), ...args], {
    encoding: 'utf8',
    env,
    timeout: 60_000, // a command that hangs fails the test instead of holding it up
  });

describe('tiean calendar', () => {
  it('add prints the due date on the first line and the explanation after it', () => {
    const r = tiean('calendar', 'add', '2026-09-28', '5');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('2026-10-10');
    expect(lines).toContain('2026-10-01  节假日 holiday: 国庆节');
    expect(lines).toContain('2026-10-10  调休上班 make-up workday (counted): 国庆节');
  });
  it('add --unit cd counts calendar days and moves off a holiday', () => {
    const r = tiean('calendar', 'add', '2026-09-30', '3', '--unit', 'cd');
    expect(r.stdout.split('\n')[0]).toBe('2026-10-08');
  });
  it('is-workday prints true or false', () => {
    expect(tiean('calendar', 'is-workday', '2026-10-10').stdout.trim()).toBe('true');
    expect(tiean('calendar', 'is-workday', '2026-10-05').stdout.trim()).toBe('false');
    expect(tiean('calendar', 'is-workday', '2026-11-23').stdout.trim()).toBe('true');
  });
  it.each([
    [['calendar', 'add', '2026-02-30', '3'], /invalid date "2026-02-30"/],
    [['calendar', 'add', '2026/02/03', '3'], /invalid date/],
    [['calendar', 'add', '2026-02-03', '-1'], /invalid number of days "-1"/],
    [['calendar', 'add', '2026-02-03', '1.5'], /invalid number of days "1.5"/],
    [['calendar', 'add', '2026-02-03', '3', '--unit', 'weeks'], /unknown unit "weeks"/],
    [['calendar', 'is-workday', 'tomorrow'], /invalid date "tomorrow"/],
  ])('rejects %j with a clear message and a non-zero exit', (args, message) => {
    const r = tiean(...args);
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/错误/);
  });
});

describe('tiean rule-pack load', () => {
  it('refuses an invalid pack before touching the database, naming the fields', () => {
    const file = path.join(projectRoot, 'config', 'rule-packs', 'prv.example.json');
    const bad = path.join(os.tmpdir(), `bad-pack-${process.pid}.json`);
    const pack = JSON.parse(readFileSync(file, 'utf8'));
    pack.overrides.thresholds.hearingLargeAmount.naturalPerson = 'a lot';
    writeFileSync(bad, JSON.stringify(pack));
    const r = tiean('rule-pack', 'load', bad);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/规则包文件无效/);
    expect(r.stderr).toMatch(/overrides\.thresholds\.hearingLargeAmount\.naturalPerson/);
    expect(r.stderr).toMatch(/invalid rule pack/);
    const missing = tiean('rule-pack', 'load', '/nonexistent/pack.json');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read/);
  });
  it('never echoes what a file holds, and refuses a device or a huge file at once', () => {
    const secret = path.join(os.tmpdir(), `not-json-${process.pid}.txt`);
    writeFileSync(secret, 'root:x:0:0:SECRET-LINE\n');
    const r = tiean('rule-pack', 'load', secret);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not valid JSON/);
    expect(r.stderr).not.toContain('SECRET');
    // /dev/zero never ends: refused without reading it (before, the command hung).
    const zero = tiean('rule-pack', 'load', '/dev/zero');
    expect(zero.status).toBe(2);
    expect(zero.stderr).toMatch(/not a regular file/);
    const big = path.join(os.tmpdir(), `big-${process.pid}.json`);
    writeFileSync(big, ' '.repeat(2 * 1024 * 1024));
    expect(tiean('calendar', 'load', big).stderr).toMatch(/too large/);
  });
});

describe('tiean period', () => {
  it('list prints every period with its id, unit, length, roll-over rule and source', () => {
    const r = tiean('period', 'list');
    expect(r.status).toBe(0);
    const rows = r.stdout
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));
    const byId = new Map(rows.map((row) => [row[0], row]));
    expect(byId.get('seizure')?.slice(1, 5)).toEqual(['CD', '30', 'no-roll-over', 'agency']);
    expect(byId.get('payment')?.slice(1, 5)).toEqual(['CD', '15', 'rolls-over', 'party']);
    expect(byId.get('transfer-handover')?.slice(1, 4)).toEqual(['H', '24', 'hours']);
    expect(byId.get('case')?.[7]).toMatch(/行政处罚法第六十条/);
    // The periods from review to service.
    expect(byId.get('case-review')?.slice(1, 5)).toEqual(['WD', '10', 'no-roll-over', 'agency']);
    expect(byId.get('defence')?.slice(1, 5)).toEqual(['WD', '5', 'rolls-over', 'party']);
    expect(byId.get('hearing-notice')?.slice(1, 5)).toEqual(['WD', '7', 'no-roll-over', 'agency']);
    expect(byId.get('service')?.slice(1, 5)).toEqual(['WD', '7', 'no-roll-over', 'agency']);
    expect(byId.get('public-notice-service')?.slice(1, 5)).toEqual(['CD', '30', 'rolls-over', 'party']);
    // The periods after the served decision.
    expect(byId.get('reconsideration')?.slice(1, 5)).toEqual(['CD', '60', 'rolls-over', 'party']);
    expect(byId.get('lawsuit')?.slice(1, 5)).toEqual(['M', '6', 'rolls-over', 'party']);
    expect(byId.get('payment-demand')?.slice(1, 5)).toEqual(['WD', '10', 'no-roll-over', 'agency']);
    expect(byId.get('publicity')?.slice(1, 5)).toEqual(['WD', '20', 'no-roll-over', 'agency']);
    expect(byId.get('publicity-withdrawal')?.slice(1, 5)).toEqual(['WD', '3', 'no-roll-over', 'agency']);
    expect(byId.get('credit-repair-decision')?.slice(1, 5)).toEqual(['WD', '7', 'no-roll-over', 'agency']);
    expect(r.stdout).not.toMatch(/RULES\.md/);
  });
  it('due: a seizure from 2026-09-03 ends 2026-10-03, inside the holiday (an agency maximum)', () => {
    const r = tiean('period', 'due', 'seizure', '2026-09-03');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('2026-10-03');
    expect(lines).toContain('期满日遇节假日不顺延 a last day on a holiday stays (an agency’s maximum)');
  });
  it('due: the 24-hour hand-over approved 2026-09-30 15:00 is due 2026-10-01 15:00', () => {
    const r = tiean('period', 'due', 'transfer-handover', '2026-09-30T15:00');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('2026-10-01T15:00');
  });
  it('due: the 5 WD for defence from 2026-09-28 skip the National Day holiday and end on the make-up workday', () => {
    const lines = tiean('period', 'due', 'defence', '2026-09-28').stdout.trim().split('\n');
    expect(lines[0]).toBe('2026-10-10');
    expect(lines).toContain('2026-10-01  节假日 holiday: 国庆节');
  });
  it('due: a party’s payment period ending in the holiday moves to the next working day', () => {
    expect(tiean('period', 'due', 'payment', '2026-09-18').stdout.split('\n')[0]).toBe('2026-10-08');
  });
  it.each([
    [['period', 'due', 'nope', '2026-09-03'], /unknown period "nope"/],
    [['period', 'due', 'seizure', '2026-09-31'], /counted in days: start as YYYY-MM-DD/],
    [['period', 'due', 'seizure', '2026-09-03T10:00'], /counted in days/],
    [['period', 'due', 'transfer-handover', '2026-09-30'], /counted in hours: start as YYYY-MM-DDTHH:MM/],
    [['period', 'due', 'transfer-handover', '2026-09-30T24:00'], /counted in hours/],
    [['period', 'due', 'seizure'], /missing required argument/],
  ])('due refuses %j with a clear message and a non-zero exit', (args, message) => {
    const r = tiean(...args);
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });
});
