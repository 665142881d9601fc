// The processes a start runs from its data folder, by pid file (run/<name>.pid; PostgreSQL's own
// postgres/postmaster.pid). A start killed without stopping them (kill -9, a crash) leaves them behind: the
// watchdog stops them when it sees the start process gone, and the next start stops any it still finds. A process
// counts as ours only while it is alive and its command line names the data folder (a reused pid is not ours).
// Plain JavaScript: the watchdog runs it without a TypeScript loader.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const runDir = (dataDir) => path.join(dataDir, 'run');

export function recordPid(dataDir, name, pid) {
  mkdirSync(runDir(dataDir), { recursive: true });
  writeFileSync(path.join(runDir(dataDir), `${name}.pid`), String(pid));
}

export function forgetPid(dataDir, name) {
  rmSync(path.join(runDir(dataDir), `${name}.pid`), { force: true });
}

export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

function commandLine(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

const readPid = (file) => {
  try {
    return Number(readFileSync(file, 'utf8').split('\n')[0]);
  } catch {
    return NaN;
  }
};

/** The processes of an earlier start still running from this data folder (never `except`). */
export function leftovers(dataDir, except = []) {
  const found = [];
  const dir = runDir(dataDir);
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.pid')) : [];
  for (const f of files) {
    const name = f.slice(0, -'.pid'.length);
    const pid = readPid(path.join(dir, f));
    if (!Number.isInteger(pid) || pid <= 0 || except.includes(pid)) continue;
    if (isAlive(pid) && commandLine(pid).includes(dataDir))
      found.push({ name, pid, file: path.join(dir, f) });
    else rmSync(path.join(dir, f), { force: true });
  }
  const postmaster = path.join(dataDir, 'postgres', 'postmaster.pid');
  const pg = readPid(postmaster);
  if (Number.isInteger(pg) && pg > 0 && isAlive(pg) && commandLine(pg).includes(dataDir))
    found.push({ name: 'postgres', pid: pg, postgres: true });
  return found;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Stops what an earlier start left running: each in its turn (the worker and the API before the servers they
 * use), gently (PostgreSQL's fast shutdown, SIGTERM to the others' process groups), then with SIGKILL after
 * `graceMs`. Resolves with what was stopped. */
export async function stopLeftovers(dataDir, say = () => {}, { except = [], graceMs = 10_000 } = {}) {
  const order = ['worker', 'api', 'temporal', 'postgres'];
  const found = leftovers(dataDir, except).sort(
    (a, b) => (order.indexOf(a.name) + 1 || 9) - (order.indexOf(b.name) + 1 || 9),
  );
  for (const p of found) {
    const signal = p.postgres ? 'SIGINT' : 'SIGTERM';
    // Our children lead their own process groups: the group takes the process's own children with it.
    const hit = (sig) => {
      try {
        process.kill(p.postgres ? p.pid : -p.pid, sig);
      } catch {
        try {
          process.kill(p.pid, sig);
        } catch {
          /* gone */
        }
      }
    };
    hit(signal);
    const until = Date.now() + graceMs;
    while (isAlive(p.pid) && Date.now() < until) await sleep(100);
    if (isAlive(p.pid)) hit('SIGKILL');
    while (isAlive(p.pid)) await sleep(50);
    if (p.file) rmSync(p.file, { force: true });
    say(`stopped ${p.name} (pid ${p.pid}) left running by an earlier start`);
  }
  return found;
}
