// Embedded PostgreSQL in a temporary folder, migrated: for the test run's template database and for the scripts
// that drive a standalone engine. stop() stops it and removes the folder.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateDeploy } from '../../platform/db.js';
import { startEmbeddedPostgres, type RunningPostgres } from '../../platform/postgres.js';
import { freePort } from './ports.js';

export async function startMigratedPostgres(
  prefix: string,
  database: string,
): Promise<{ pg: RunningPostgres; tmp: string; stop(): Promise<void> }> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  chmodSync(tmp, 0o755); // PostgreSQL runs as its own user when we are root
  const pg = await startEmbeddedPostgres({ dataDir: path.join(tmp, 'pg'), port: await freePort(), database });
  await migrateDeploy(pg.url);
  return {
    pg,
    tmp,
    async stop() {
      await pg.stop();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}
