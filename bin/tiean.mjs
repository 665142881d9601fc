#!/usr/bin/env node
// The operators' CLI: `tiean --help`. Installs the npm dependencies and generates the Prisma client when they
// are missing (progress on stderr; stdout is the command's answer), then runs scripts/cli.ts through tsx.
import { importTs, prepare } from '../scripts/npm-deps.mjs';

// `tiean period list | head`: a closed pipe ends the command quietly.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
await prepare({ stderr: true });
const { ensurePrismaClient } = await importTs('scripts/bootstrap.ts');
await ensurePrismaClient((l) => console.error(`[bootstrap] ${l}`), { quiet: true });
const { main } = await importTs('scripts/cli.ts');
await main(process.argv);
