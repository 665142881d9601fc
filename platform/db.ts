// PostgreSQL through Prisma (driver adapter + WASM query compiler: no engine binaries), and migrations.
import { PrismaPg } from '@prisma/adapter-pg';
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { PrismaClient } from '../schema/generated/prisma/client.js';
import { projectRoot } from './config.js';

export type Db = PrismaClient;

export function createDb(url: string, max = 10): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max }) });
}

/** `prisma migrate deploy` against `url`: applies pending migrations (idempotent). */
export async function migrateDeploy(url: string, log: (line: string) => void = () => {}): Promise<void> {
  const cli = path.join(projectRoot, 'node_modules', 'prisma', 'build', 'index.js');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'migrate', 'deploy'], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => {
      out
        .split('\n')
        .filter((l) => /migration|applied|Applying/i.test(l))
        .forEach((l) => log(l.trim()));
      if (code === 0) resolve();
      else reject(new Error(`prisma migrate deploy failed (exit ${code}):\n${out}`));
    });
  });
}

/** Whether the database server accepts TCP connections within `timeoutMs` (a quick probe before using it). */
export function reachable(url: string, timeoutMs = 1000): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: u.hostname, port: Number(u.port || 5432), timeout: timeoutMs });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
}
