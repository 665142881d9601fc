#!/usr/bin/env node
// Entry of the README's commands: `npm start`, `npm test`, `npm run bootstrap`. Installs the npm dependencies
// when needed (scripts/npm-deps.mjs), then runs the TypeScript entry point. Whatever fails, the exit code is
// not 0.
import { importTs, prepare } from './npm-deps.mjs';

const ENTRIES = { start: 'scripts/start.ts', test: 'scripts/test.ts', bootstrap: 'scripts/bootstrap-cli.ts' };

const [command, ...args] = process.argv.slice(2);
if (!(command in ENTRIES)) {
  console.error(`usage: launch.mjs ${Object.keys(ENTRIES).join('|')} [args]`);
  process.exit(2);
}
await prepare();
const entry = await importTs(ENTRIES[command]);
await entry.main(args);
