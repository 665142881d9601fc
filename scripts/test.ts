// `npm test`: bootstraps what is missing, runs every lane with vitest (unit; workflows on the time-skipping
// server; the API and CLI; end to end on the dev server; replay), prints vitest's summary and a plain
// "tests: N passed, N failed" line, and exits non-zero when anything failed (scripts/test-result.ts decides,
// from vitest's JSON report). Arguments go to vitest: `npm test -- --project unit`, `npm test -- <file>`.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../platform/config.js';
import { bootstrap } from './bootstrap.js';
import { verdict, type VitestJsonReport } from './test-result.js';

/** Only the unit lane runs: no servers, so no tools are needed beyond the generated Prisma client. */
const unitOnly = (args: string[]) => {
  const i = args.indexOf('--project');
  return i >= 0 && args[i + 1] === 'unit' && args.filter((a) => a === '--project').length === 1;
};

export async function main(args: string[]) {
  const t0 = Date.now();
  const need = unitOnly(args)
    ? { temporalCli: false, testServer: false, schemathesis: false, browser: false }
    : {};
  await bootstrap((l) => console.log(`[bootstrap] ${l}`), need);
  console.log(`[bootstrap] ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  // One report per run, so that two runs in one checkout do not read each other's.
  const out = path.join(projectRoot, '.cache', 'test', `results-${process.pid}.json`);
  mkdirSync(path.dirname(out), { recursive: true });
  rmSync(out, { force: true });
  const vitest = path.join(projectRoot, 'node_modules', 'vitest', 'vitest.mjs');
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(
      process.execPath,
      [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...args],
      { cwd: projectRoot, stdio: 'inherit' },
    );
    const forward = (sig: NodeJS.Signals) => child.kill(sig);
    process.on('SIGINT', forward).on('SIGTERM', forward);
    child.on('exit', (c) => resolve(c));
  });
  let report: VitestJsonReport | undefined;
  if (existsSync(out)) {
    report = JSON.parse(readFileSync(out, 'utf8')) as VitestJsonReport;
    rmSync(out, { force: true });
  }
  const v = verdict(code, report);
  console.log(`\n${v.summary}`);
  if (v.exitCode !== 0) console.log(`FAILED: ${v.reasons.join('; ')}`);
  console.log(`test command: ${((Date.now() - t0) / 1000).toFixed(0)} s, exit ${v.exitCode}`);
  process.exit(v.exitCode);
}
