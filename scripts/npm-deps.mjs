// Plain Node with no dependencies, so it runs on a fresh clone: checks the Node.js version and installs the npm
// dependencies when they are missing or stale (package-lock.json changed since the last install), then
// registers tsx so that the TypeScript entry points can be imported. Used by scripts/launch.mjs (`npm start`,
// `npm test`, `npm run bootstrap`) and bin/tiean.mjs (the CLI).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The lowest Node.js every dependency runs on; package.json's `engines` says the same (a unit test checks
 * both against every package in package-lock.json). */
export const NODE_MIN = [20, 19];

/** Installs what is missing and registers tsx. Progress goes to stdout for the commands, and to stderr for the
 * CLI (`{ stderr: true }`), whose stdout is its answer. */
export async function prepare({ stderr = false } = {}) {
  const log = stderr ? (l) => console.error(l) : (l) => console.log(l);
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < NODE_MIN[0] || (major === NODE_MIN[0] && minor < NODE_MIN[1])) {
    console.error(`Node.js ≥ ${NODE_MIN.join('.')} is required (this is ${process.versions.node}).`);
    process.exit(1);
  }
  const lockHash = createHash('sha256')
    .update(readFileSync(path.join(root, 'package-lock.json')))
    .digest('hex');
  const stamp = path.join(root, 'node_modules', '.tiean-lock.sha256');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== lockHash) {
    log('[bootstrap] installing npm dependencies (npm ci)…');
    const t0 = Date.now();
    const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: root,
      stdio: ['ignore', stderr ? 2 : 'inherit', 'inherit'],
    });
    if (r.status !== 0) {
      console.error('[bootstrap] npm ci failed; see the output above.');
      process.exit(r.status ?? 1);
    }
    writeFileSync(stamp, lockHash);
    log(`[bootstrap] npm dependencies installed in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
  const { register } = await import(
    pathToFileURL(path.join(root, 'node_modules', 'tsx', 'dist', 'esm', 'api', 'index.mjs')).href
  );
  register();
}

/** Imports a TypeScript module of the project (after prepare()). */
export const importTs = (file) => import(pathToFileURL(path.join(root, file)).href);
