#!/usr/bin/env node
// The operators' CLI: `tiean --help`. TypeScript sources run through tsx.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { register } = await import(
  pathToFileURL(path.join(root, 'node_modules', 'tsx', 'dist', 'esm', 'api', 'index.mjs')).href
);
register();
const { main } = await import(pathToFileURL(path.join(root, 'scripts', 'cli.ts')).href);
await main(process.argv);
