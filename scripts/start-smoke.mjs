#!/usr/bin/env node
// The start smoke, first step of CI on a clean clone: `npm start` alone, on its own ports and data folder, must
// install what it needs, reach /readyz, let an officer sign in, register a clue and serve it back, and stop on
// SIGTERM leaving no process behind. Plain Node with no dependencies: it runs before anything is installed.
// Any failure prints the start command's output and exits 1.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const READY_WITHIN_MS = 20 * 60_000; // a cold bootstrap included
const t0 = Date.now();
const say = (l) => console.log(`[start smoke] ${l} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tiean-smoke-'));
chmodSync(dataDir, 0o755); // PostgreSQL runs as its own user when we are root
const [pg, temporal, ui, smtp, api, metrics] = [
  await freePort(),
  await freePort(),
  await freePort(),
  await freePort(),
  await freePort(),
  await freePort(),
];
const env = {
  ...process.env,
  TIEAN_DATA_DIR: dataDir,
  TIEAN_PG_PORT: String(pg),
  TIEAN_TEMPORAL_PORT: String(temporal),
  TIEAN_TEMPORAL_UI_PORT: String(ui),
  TIEAN_SMTP_PORT: String(smtp),
  TIEAN_API_PORT: String(api),
  TIEAN_WORKER_METRICS_PORT: String(metrics),
};
for (const k of ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'SMTP_URL']) delete env[k];
const base = `http://127.0.0.1:${api}`;

let output = '';
say(`npm start, data folder ${dataDir}, API port ${api}`);
const child = spawn('npm', ['start'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
const keep = (d) => {
  output += d;
  process.stdout.write(d);
};
child.stdout.on('data', keep);
child.stderr.on('data', keep);
const exited = new Promise((r) => child.once('exit', (code, signal) => r({ code, signal })));

function fail(message) {
  console.error(`[start smoke] FAILED: ${message}`);
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(1);
}

async function call(method, url, { token, body } = {}) {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

// 1. Ready.
for (;;) {
  if (child.exitCode !== null) fail(`npm start exited with ${child.exitCode} before it was ready`);
  if (Date.now() - t0 > READY_WITHIN_MS) fail(`not ready within ${READY_WITHIN_MS / 60_000} minutes`);
  const ok = await fetch(`${base}/readyz`).then(
    (r) => r.status === 200,
    () => false,
  );
  if (ok && output.includes('is running')) break;
  await new Promise((r) => setTimeout(r, 500));
}
say('ready');

// 2. Sign in with the demo password the start command printed, register a clue, read the case back.
const password = /password (\S+)/.exec(output)?.[1];
if (!password) fail('the start command printed no demo password');
const session = await call('POST', '/api/session', { body: { username: 'officer1', password } });
if (session.status !== 200 || !session.body?.token) fail(`sign-in answered ${session.status}`);
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const clue = {
  source: 'complaint_report',
  respondent: { kind: 'organisation', name: '冒烟测试商贸有限公司', uscc: '91350100M000100Y43' },
  summary: '启动冒烟测试：登记一条线索',
  discoveredOn: today,
};
const reg = await call('POST', '/api/clues', { token: session.body.token, body: clue });
if (reg.status !== 201 && reg.status !== 200)
  fail(`registering a clue answered ${reg.status}: ${JSON.stringify(reg.body)}`);
const caseNumber = reg.body.caseNumber;
const page = await call('GET', `/api/cases/${caseNumber}`, { token: session.body.token });
if (page.status !== 200) fail(`reading case ${caseNumber} answered ${page.status}`);
say(`clue registered and served as case ${caseNumber}`);

// 3. SIGTERM (to the whole process group, as a terminal's Ctrl-C or a service manager does) stops everything:
// the group empties within a minute, and no process that used the data folder is left.
process.kill(-child.pid, 'SIGTERM');
const groupAlive = () => {
  try {
    process.kill(-child.pid, 0);
    return true;
  } catch {
    return false;
  }
};
const stopDeadline = Date.now() + 60_000;
while (groupAlive()) {
  if (Date.now() > stopDeadline)
    fail(`processes of the start command's group are still running 60 s after SIGTERM`);
  await new Promise((r) => setTimeout(r, 250));
}
const { code, signal } = await exited;
const left = spawnSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' })
  .stdout.split('\n')
  .filter((l) => l.includes(dataDir) && !l.includes('ps -eo'));
if (left.length) fail(`processes left after stopping:\n${left.join('\n')}`);
if (!output.includes('stopped postgres')) fail('the start command did not report PostgreSQL stopped');
// npm itself ends on the signal (143 or SIGTERM); the start command under it exits 0 after its ordered stop.
if (!(code === 0 || code === 143 || signal === 'SIGTERM')) fail(`npm start ended with ${code ?? signal}`);
rmSync(dataDir, { recursive: true, force: true });
say('stopped cleanly, no process left');
