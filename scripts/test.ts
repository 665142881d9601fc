// `npm test`: bootstraps what is missing, runs every suite with vitest (unit, workflow tests on the
// time-skipping server, end-to-end on the dev server, replay), then prints vitest's summary and a plain
// "tests: N passed, N failed" line.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../platform/config.js';
import { bootstrap } from './bootstrap.js';

export async function main(args: string[]) {
  const t0 = Date.now();
  await bootstrap((l) => console.log(`[bootstrap] ${l}`));
  console.log(`[bootstrap] ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const out = path.join(projectRoot, '.cache', 'test', 'results.json');
  mkdirSync(path.dirname(out), { recursive: true });
  rmSync(out, { force: true });
  const vitest = path.join(projectRoot, 'node_modules', 'vitest', 'vitest.mjs');
  const code = await new Promise<number>((resolve) => {
    const child = spawn(
      process.execPath,
      [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...args],
      { cwd: projectRoot, stdio: 'inherit' },
    );
    const forward = (sig: NodeJS.Signals) => child.kill(sig);
    process.on('SIGINT', forward).on('SIGTERM', forward);
    child.on('exit', (c) => resolve(c ?? 1));
  });
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
    };
    console.log(
      `\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`,
    );
  }
  console.log(`full suite: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  process.exit(code);
}
