// The whole system as a real process (`npm start`'s entry) on free ports in a temporary data folder.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, inject } from 'vitest';
import { projectRoot } from '../../platform/config.js';
import { DEMO_PASSWORD } from '../../scripts/seed.js';
import { eventually } from './eventually.js';
import { freePort } from './ports.js';

export interface System {
  api: string;
  /** The worker's Temporal SDK metrics (Prometheus). */
  workerMetrics: string;
  temporalAddress: string;
  dataDir: string;
  env: NodeJS.ProcessEnv;
  proc: ChildProcess;
  output(): string;
  start(): Promise<void>;
  /** SIGTERM; resolves with the exit code. */
  stop(): Promise<number | null>;
  destroy(): Promise<void>;
  call(method: string, url: string, opts?: CallOptions): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  login(username: string): Promise<string>;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  key?: string;
  lang?: string;
}

export async function createSystem(extraEnv: NodeJS.ProcessEnv = {}): Promise<System> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tiean-e2e-'));
  chmodSync(dataDir, 0o755); // PostgreSQL runs as its own user when we are root
  const [pg, temporal, ui, smtp, apiPort, metrics] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
    freePort(),
    freePort(),
    freePort(),
  ]);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TIEAN_DATA_DIR: dataDir,
    TIEAN_PG_PORT: String(pg),
    TIEAN_TEMPORAL_PORT: String(temporal),
    TIEAN_TEMPORAL_UI_PORT: String(ui),
    TIEAN_SMTP_PORT: String(smtp),
    TIEAN_API_PORT: String(apiPort),
    TIEAN_WORKER_METRICS_PORT: String(metrics),
    TIEAN_TEMPORAL_CLI: inject('temporalCli'),
    ...extraEnv,
  };
  for (const k of ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'SMTP_URL']) delete env[k];
  let out = '';
  const api = `http://127.0.0.1:${apiPort}`;
  const system: System = {
    api,
    temporalAddress: `127.0.0.1:${temporal}`,
    workerMetrics: `http://127.0.0.1:${metrics}/metrics`,
    dataDir,
    env,
    proc: undefined as unknown as ChildProcess,
    output: () => out,
    async start() {
      out = '';
      const child = spawn(process.execPath, [path.join(projectRoot, 'scripts', 'launch.mjs'), 'start'], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout!.on('data', (d: Buffer) => (out += d));
      child.stderr!.on('data', (d: Buffer) => (out += d));
      system.proc = child;
      await eventually(
        async () => {
          if (child.exitCode !== null) throw new Error(`start exited ${child.exitCode}:\n${out}`);
          expect(out).toContain('is running');
        },
        180_000,
        250,
      ).catch((err) => {
        child.kill('SIGKILL');
        throw new Error(`${String(err)}\n${out}`);
      });
    },
    async stop() {
      const child = system.proc;
      if (child.exitCode !== null) return child.exitCode;
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      child.kill('SIGTERM');
      return exited;
    },
    async destroy() {
      if (system.proc && system.proc.exitCode === null) await system.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
    async call(method, url, opts = {}) {
      const res = await fetch(`${api}${url}`, {
        method,
        headers: {
          ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
          ...(opts.key ? { 'idempotency-key': opts.key } : {}),
          ...(opts.lang ? { 'accept-language': opts.lang } : {}),
        },
        body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
    async login(username) {
      return (await system.call('POST', '/api/session', { body: { username, password: DEMO_PASSWORD } })).body
        .token;
    },
  };
  return system;
}

/** Processes whose command line mentions a folder (PostgreSQL, the Temporal dev server). */
export function processesUsing(dir: string): string[] {
  const ps = spawnSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' }).stdout;
  return ps.split('\n').filter((l) => l.includes(dir) && !l.includes('ps -eo'));
}
