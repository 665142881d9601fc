// The workbench's build (web/): built with Vite into web/dist when missing or when its sources changed since the
// last build (a hash of them is kept next to the output). The start command and the test command call it; the
// API serves web/dist at `/`.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const WEB_DIST = path.join(root, 'web', 'dist');
const STAMP = path.join(WEB_DIST, '.source-sha256');

function files(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = path.join(dir, f);
      if (statSync(p).isDirectory()) return f === 'dist' || f === 'generated' ? [] : files(p);
      return /\.(tsx?|html|css|json)$/.test(f) && !f.endsWith('.test.ts') ? [p] : [];
    });
}

/** What the bundle is made of: the web app, the schemas it validates with, the locked dependencies. */
function sourceHash(): string {
  const h = createHash('sha256');
  for (const f of [
    ...files(path.join(root, 'web')),
    ...files(path.join(root, 'schema')),
    path.join(root, 'package-lock.json'),
  ]) {
    h.update(path.relative(root, f)).update('\0').update(readFileSync(f)).update('\0');
  }
  return h.digest('hex');
}

export async function ensureWebApp(log: (l: string) => void): Promise<void> {
  const hash = sourceHash();
  if (
    existsSync(STAMP) &&
    readFileSync(STAMP, 'utf8') === hash &&
    existsSync(path.join(WEB_DIST, 'index.html'))
  ) {
    log('workbench: built');
    return;
  }
  log('workbench: building the web app (Vite)…');
  const t0 = Date.now();
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'web', 'vite.config.ts'), logLevel: 'warn' });
  writeFileSync(STAMP, hash);
  log(`workbench: built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
