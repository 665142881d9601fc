// What a fresh clone needs before anything is installed or generated: the start command's static imports need
// nothing generated, and the Node.js named in package.json runs every locked dependency.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../platform/config.js';
import { NODE_MIN } from '../../scripts/npm-deps.mjs';

/** Relative modules reachable from `file` through static imports (not `await import()`), and bare packages. */
function staticClosure(file: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (f: string) => {
    if (files.has(f)) return;
    files.add(f);
    const src = readFileSync(f, 'utf8');
    for (const m of src.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) {
        const resolved = path.resolve(path.dirname(f), spec);
        const ts = resolved.replace(/\.js$/, '.ts');
        visit(ts.endsWith('.ts') || ts.endsWith('.mjs') ? ts : resolved);
      } else packages.add(spec);
    }
  };
  visit(path.join(projectRoot, file));
  return { files, packages };
}

describe('a fresh clone', () => {
  it('the start command imports nothing generated before its bootstrap has run', () => {
    const { files, packages } = staticClosure('scripts/start.ts');
    const rel = [...files].map((f) => path.relative(projectRoot, f));
    expect(rel).toContain('scripts/bootstrap.ts');
    expect(rel.filter((f) => f.includes('generated') || f === 'platform/db.ts')).toEqual([]);
    expect([...packages].filter((p) => p.startsWith('@prisma') || p.includes('generated'))).toEqual([]);
  });
  it('the walker sees the generated client behind the system module (so the check above can fail)', () => {
    const rel = [...staticClosure('scripts/system.ts').files].map((f) => path.relative(projectRoot, f));
    expect(rel).toContain('platform/db.ts');
  });
  it('package.json engines and the launcher name the same lowest Node.js, and every locked package runs on it', () => {
    const pkg = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
      engines: { node: string };
    };
    const min = `${NODE_MIN[0]}.${NODE_MIN[1]}.0`;
    expect(semver.minVersion(pkg.engines.node)?.version).toBe(min);
    const lock = JSON.parse(readFileSync(path.join(projectRoot, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { engines?: { node?: string } | string[]; optional?: boolean; os?: string[] }>;
    };
    const refused = Object.entries(lock.packages)
      .filter(([name, p]) => name && !p.optional && p.engines && !Array.isArray(p.engines) && p.engines.node)
      .filter(([, p]) => !semver.satisfies(min, (p.engines as { node: string }).node))
      .map(([name, p]) => `${name} needs node ${(p.engines as { node: string }).node}`);
    expect(refused).toEqual([]);
  });
});
