// 调查取证 — investigation (RULES.md §3). The case is filed; the investigation steps and the case clock
// (RULES.md §5) extend this stage. Until then a filed case waits here, open.
import { condition } from '@temporalio/workflow';
import type { CaseStage } from '../../../schema/case.js';
import type { CaseContext } from '../context.js';

export async function investigationStage(c: CaseContext): Promise<CaseStage> {
  await condition(() => c.stage !== 'investigation');
  return c.stage;
}
