// Installs the tools the system runs on, from the registries this network reaches, into .cache/tools:
//  - the Temporal CLI (dev server), built with `go install` from the Go module proxy;
//  - the Temporal time-skipping test server (Java), fetched from Maven Central;
//  - the Prisma client, generated from schema/prisma/schema.prisma.
// Idempotent: a tool already there (or given by path) is used as it is. See shared/recipes/.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../platform/config.js';

export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal';
/** v1.5.x is the newest line that `go install` builds (v1.6+ carries a replace directive). */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';

const cacheDir = path.join(projectRoot, '.cache', 'tools');
type Log = (line: string) => void;

function which(cmd: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() || undefined : undefined;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, log: Log): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let lines = 0;
    const out = (b: Buffer) =>
      b
        .toString()
        // eslint-disable-next-line no-control-regex -- strips ANSI colour codes from tool output
        .replace(/\x1b\[[0-9;]*m/g, '')
        .split('\n')
        .filter((l) => l.trim())
        .forEach((l) => {
          lines++;
          log(`  ${l}`);
        });
    child.stdout.on('data', out);
    child.stderr.on('data', out);
    const tick = setInterval(() => log(`  … still working (${lines} lines of output so far)`), 30_000);
    child.on('error', (e) => {
      clearInterval(tick);
      reject(e);
    });
    child.on('close', (code) => {
      clearInterval(tick);
      if (code === 0) resolve();
      else reject(new Error(`${cmd} ${args.join(' ')} failed with exit code ${code}`));
    });
  });
}

/** The Temporal CLI: TIEAN_TEMPORAL_CLI, else `temporal` on PATH, else built into .cache/tools/bin. */
export async function ensureTemporalCli(
  log: Log,
  explicit = process.env.TIEAN_TEMPORAL_CLI,
): Promise<string> {
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`TIEAN_TEMPORAL_CLI=${explicit} does not exist`);
    log(`temporal CLI: ${explicit} (TIEAN_TEMPORAL_CLI)`);
    return explicit;
  }
  const onPath = which('temporal');
  if (onPath) {
    log(`temporal CLI: ${onPath} (PATH)`);
    return onPath;
  }
  const cached = path.join(cacheDir, 'bin', 'temporal');
  if (existsSync(cached)) {
    log(`temporal CLI: cached (${path.relative(projectRoot, cached)})`);
    return cached;
  }
  const go = which('go') ?? (existsSync('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : undefined);
  if (!go)
    throw new Error(
      'The Temporal CLI is needed and Go is not installed to build it. Install Go (apt-get install golang), ' +
        'put `temporal` on PATH, or set TIEAN_TEMPORAL_CLI.',
    );
  log(
    `temporal CLI: building ${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION} with go install (several minutes, once)…`,
  );
  const t0 = Date.now();
  const staging = path.join(cacheDir, 'bin.staging');
  mkdirSync(staging, { recursive: true });
  await run(
    go,
    ['install', `${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION}`],
    { ...process.env, GOBIN: staging, GOFLAGS: '-mod=mod' },
    log,
  );
  mkdirSync(path.dirname(cached), { recursive: true });
  renameSync(path.join(staging, 'temporal'), cached);
  log(`temporal CLI: built in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return cached;
}

const TEST_SERVER_POM = path.join(projectRoot, 'scripts', 'tools', 'temporal-test-server.pom.xml');

/** The time-skipping test server: TIEAN_TEST_SERVER, else the Java server from Maven Central with a wrapper. */
export async function ensureTestServer(log: Log, explicit = process.env.TIEAN_TEST_SERVER): Promise<string> {
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`TIEAN_TEST_SERVER=${explicit} does not exist`);
    log(`time-skipping test server: ${explicit} (TIEAN_TEST_SERVER)`);
    return explicit;
  }
  const dir = path.join(cacheDir, 'temporal-test-server');
  const wrapper = path.join(dir, 'run.sh');
  const stamp = path.join(dir, 'pom.sha256');
  const pomHash = createHash('sha256').update(readFileSync(TEST_SERVER_POM)).digest('hex');
  if (existsSync(wrapper) && existsSync(stamp) && readFileSync(stamp, 'utf8') === pomHash) {
    log(`time-skipping test server: cached (${path.relative(projectRoot, wrapper)})`);
    return wrapper;
  }
  for (const tool of ['java', 'mvn'])
    if (!which(tool))
      throw new Error(
        `The time-skipping test server needs ${tool}: apt-get install default-jdk-headless maven`,
      );
  log('time-skipping test server: fetching io.temporal:temporal-test-server from Maven Central…');
  const lib = path.join(dir, 'lib');
  await run(
    'mvn',
    [
      '-q',
      '-B',
      '-f',
      TEST_SERVER_POM,
      'dependency:copy-dependencies',
      `-DoutputDirectory=${lib}`,
      '-DincludeScope=runtime',
    ],
    process.env,
    log,
  );
  log(`  ${readdirSync(lib).length} jars`);
  writeFileSync(
    wrapper,
    '#!/bin/sh\nexec java -cp "$(dirname "$0")/lib/*" io.temporal.testserver.TestServer "$@"\n',
  );
  chmodSync(wrapper, 0o755);
  writeFileSync(stamp, pomHash);
  return wrapper;
}

/** The Prisma client, regenerated when the schema changed. */
export async function ensurePrismaClient(log: Log): Promise<void> {
  const schema = path.join(projectRoot, 'schema', 'prisma', 'schema.prisma');
  const out = path.join(projectRoot, 'schema', 'generated', 'prisma');
  const stamp = path.join(out, '.schema.sha256');
  const hash = createHash('sha256').update(readFileSync(schema)).digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) {
    log('prisma client: up to date');
    return;
  }
  log('prisma client: generating…');
  const cli = path.join(projectRoot, 'node_modules', 'prisma', 'build', 'index.js');
  await run(process.execPath, [cli, 'generate'], { ...process.env, CHECKPOINT_DISABLE: '1' }, log);
  writeFileSync(stamp, hash);
}

export const SCHEMATHESIS_VERSION = '4.32.5';

/** Schemathesis (API fuzzing against the OpenAPI document), from PyPI into a virtualenv in .cache/tools. */
export async function ensureSchemathesis(log: Log): Promise<string> {
  const venv = path.join(cacheDir, `schemathesis-${SCHEMATHESIS_VERSION}`);
  const st = path.join(venv, 'bin', 'st');
  // A virtualenv cannot be moved (its scripts name their interpreter by path): build it in place and mark it
  // complete only once pip has finished.
  const complete = path.join(venv, '.complete');
  if (existsSync(complete)) {
    log(`schemathesis: cached (${path.relative(projectRoot, st)})`);
    return st;
  }
  const python = which('python3');
  if (!python) throw new Error('Schemathesis needs Python 3 with venv: apt-get install python3-venv');
  log(`schemathesis: installing ${SCHEMATHESIS_VERSION} from PyPI into a virtualenv…`);
  rmSync(venv, { recursive: true, force: true });
  await run(python, ['-m', 'venv', venv], process.env, log);
  await run(
    path.join(venv, 'bin', 'pip'),
    ['install', '-q', `schemathesis==${SCHEMATHESIS_VERSION}`],
    process.env,
    log,
  );
  writeFileSync(complete, SCHEMATHESIS_VERSION);
  return st;
}

export interface Tools {
  temporalCli: string;
  testServer: string;
  schemathesis: string;
}

/** Everything, in order. `need` limits it to what a command uses. */
export async function bootstrap(
  log: Log,
  need: { temporalCli?: boolean; testServer?: boolean; schemathesis?: boolean } = {},
): Promise<Partial<Tools>> {
  await ensurePrismaClient(log);
  const tools: Partial<Tools> = {};
  if (need.temporalCli ?? true) tools.temporalCli = await ensureTemporalCli(log);
  if (need.testServer ?? true) tools.testServer = await ensureTestServer(log);
  if (need.schemathesis ?? true) tools.schemathesis = await ensureSchemathesis(log);
  return tools;
}
