// PostgreSQL through Prisma (driver adapter + WASM query compiler: no engine binaries), and migrations.
import { PrismaPg } from '@prisma/adapter-pg';
import { spawn } from 'node:child_process';
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
