// The lint rule that keeps imports flowing one way fails on a layer-crossing import, per folder.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../platform/config.js';

const eslint = new ESLint({ cwd: projectRoot });
async function restricted(file: string, spec: string): Promise<boolean> {
  const [result] = await eslint.lintText(`import { x } from '${spec}';\nexport const y = x;\n`, {
    filePath: `${projectRoot}/${file}`,
  });
  return result!.messages.some((m) => m.ruleId === '@typescript-eslint/no-restricted-imports');
}

describe('layers', () => {
  it.each([
    ['schema/x.ts', '../domain/rules/periods.js'],
    ['domain/x/y.ts', '../../activities/index.js'],
    ['domain/x/y.ts', '../../platform/db.js'],
    ['platform/x.ts', '../workflows/case/messages.js'],
    ['activities/x/y.ts', '../../api/errors.js'],
    ['services/x.ts', '../api/errors.js'],
    ['services/x.ts', '../workflows/case/case-workflow.js'],
    ['api/x.ts', '../activities/index.js'],
    ['api/x/y.ts', '../../workflows/complaint/stages/mediation.js'],
    ['workflows/x/y.ts', '../../services/case-numbers.js'],
    ['workflows/x/y.ts', '../../platform/db.js'],
    ['web/src/x.tsx', '../../domain/rules/periods.js'],
    ['web/src/pages/x.tsx', '../../../api/errors.js'],
    ['web/src/x.ts', '@prisma/client'],
  ])('%s may not import %s', async (file, spec) => {
    expect(await restricted(file, spec)).toBe(true);
  });
  it.each([
    ['domain/x/y.ts', '../../schema/case.js'],
    ['services/x.ts', '../domain/rules/periods.js'],
    ['api/x/y.ts', '../../workflows/case/messages.js'],
    ['api/x/y.ts', '../../services/case-numbers.js'],
    ['activities/x/y.ts', '../../services/audit-hash.js'],
    ['web/src/pages/x.tsx', '../../../schema/case.js'],
  ])('%s may import %s', async (file, spec) => {
    expect(await restricted(file, spec)).toBe(false);
  });
});
