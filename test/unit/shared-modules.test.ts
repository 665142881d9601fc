// The modules shared by every workflow of a worker (workers/shared-modules.ts): every domain or schema module a
// workflow imports at run time is shared (else each cached workflow loads its own copy), and nothing shared
// reaches workflow code or the Temporal SDK (whose module state is per workflow).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../platform/config.js';
import { SHARED_WORKFLOW_MODULES } from '../../workers/shared-modules.js';

const files = (dir: string): string[] =>
  readdirSync(path.join(projectRoot, dir), { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? files(path.join(dir, d.name))
      : d.name.endsWith('.ts') && !d.name.endsWith('.test.ts')
        ? [path.join(dir, d.name)]
        : [],
  );

/** The specifiers a file imports at run time (type-only imports are erased and do not count). */
function runtimeImports(file: string): string[] {
  const src = ts.createSourceFile(
    file,
    readFileSync(path.join(projectRoot, file), 'utf8'),
    ts.ScriptTarget.Latest,
  );
  return src.statements.flatMap((s) => {
    if (!ts.isImportDeclaration(s) && !ts.isExportDeclaration(s)) return [];
    if (!s.moduleSpecifier || !ts.isStringLiteral(s.moduleSpecifier)) return [];
    if (ts.isImportDeclaration(s)) {
      const c = s.importClause;
      if (c?.isTypeOnly) return [];
      const named = c?.namedBindings;
      if (c && !c.name && named && ts.isNamedImports(named) && named.elements.every((e) => e.isTypeOnly))
        return [];
    } else if (s.isTypeOnly) return [];
    return [s.moduleSpecifier.text];
  });
}
const resolve = (from: string, spec: string) =>
  spec.startsWith('.') ? path.normalize(path.join(path.dirname(from), spec)).replace(/\.js$/, '.ts') : spec;

describe('modules shared by the workflows', () => {
  it('holds every domain or schema module a workflow imports', () => {
    const imported = new Set(
      files('workflows').flatMap((f) =>
        runtimeImports(f)
          .map((s) => resolve(f, s))
          .filter((m) => /^(domain|schema)\//.test(m)),
      ),
    );
    expect(imported.size).toBeGreaterThan(10);
    // The search attributes' keys are made with the SDK's own helper: per workflow, as the SDK is.
    const perWorkflow = ['schema/search-attributes.ts'];
    expect(
      [...imported].filter(
        (m) => !(SHARED_WORKFLOW_MODULES as readonly string[]).includes(m) && !perWorkflow.includes(m),
      ),
    ).toEqual([]);
  });

  it('reaches neither workflow code nor the Temporal SDK', () => {
    const seen = new Set<string>();
    const visit = (m: string) => {
      if (seen.has(m)) return;
      seen.add(m);
      if (m.endsWith('.ts')) for (const s of runtimeImports(m)) visit(resolve(m, s));
    };
    SHARED_WORKFLOW_MODULES.forEach(visit);
    expect(seen.size).toBeGreaterThan(SHARED_WORKFLOW_MODULES.length);
    expect([...seen].filter((m) => /^workflows\/|^@temporalio\/|^activities\/|^platform\//.test(m))).toEqual(
      [],
    );
    // Only pure packages: zod (schemas) and nothing with I/O.
    expect([...seen].filter((m) => !m.endsWith('.ts')).sort()).toEqual(['zod']);
  });
});
