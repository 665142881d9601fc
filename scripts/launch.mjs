#!/usr/bin/env node
// Entry of the README's commands: `npm start`, `npm test`, `npm run bootstrap`. Plain Node with no
// dependencies, so it runs on a fresh clone: it installs the npm dependencies when they are missing or stale
// (package-lock.json changed), then runs the TypeScript entry point through tsx.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ENTRIES = { start: 'scripts/start.ts', test: 'scripts/test.ts', bootstrap: 'scripts/bootstrap-cli.ts' };

const [command, ...args] = process.argv.slice(2);
if (!(command in ENTRIES)) {
  console.error(`usage: launch.mjs ${Object.keys(ENTRIES).join('|')} [args]`);
  process.exit(2);
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Node.js ≥ 20.19 is required (this is ${process.versions.node}).`);
  process.exit(1);
}

const lockHash = createHash('sha256')
  .update(readFileSync(path.join(root, 'package-lock.json')))
  .digest('hex');
const stamp = path.join(root, 'node_modules', '.tiean-lock.sha256');
if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== lockHash) {
  console.log('[bootstrap] installing npm dependencies (npm ci)…');
  const t0 = Date.now();
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) {
    console.error('[bootstrap] npm ci failed; see the output above.');
    process.exit(r.status ?? 1);
  }
  writeFileSync(stamp, lockHash);
  console.log(`[bootstrap] npm dependencies installed in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

const { register } = await import(
  pathToFileURL(path.join(root, 'node_modules', 'tsx', 'dist', 'esm', 'api', 'index.mjs')).href
);
register();
const entry = await import(pathToFileURL(path.join(root, ENTRIES[command])).href);
await entry.main(args);
