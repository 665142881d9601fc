// 调查取证 — investigation (docs/rules.md). Filing starts the case clock: 90 CD from the filing decision
// (APL 60, docs/rules.md), extended and paused by the investigation's own steps. The stage ends when the case is
// handed to review, terminated, or transferred to the police; the case clock keeps running into review.
import { condition, patched } from '@temporalio/workflow';
import { CASE_DECISION } from '../../../domain/rules/periods.js';
import type { CaseStage } from '../../../schema/case.js';
import { SYSTEM_ACTOR } from '../../../schema/roles.js';
import type { CaseContext } from '../context.js';

export async function investigationStage(c: CaseContext): Promise<CaseStage> {
  // Cases filed before the case clock existed wait here as they did.
  if (patched('case-clock')) {
    const filedOn = c.filing.decision!.on;
    const clock = c.spawnClock(CASE_DECISION, filedOn, 'agency_head');
    // A test begun while the clue was verified keeps the case clock paused from the start (docs/rules.md).
    for (const t of c.investigation.testing.filter((x) => !x.finishedOn))
      clock.hold(`testing:${t.id}`, { from: filedOn, reason: `${t.kind} ${t.id}`, approvedBy: t.id });
    await c.record({
      actor: SYSTEM_ACTOR,
      action: 'case_clock.started',
      details: { filedOn, dueOn: clock.dueOn },
      openTasks: [
        {
          id: c.taskId('investigate'),
          kind: 'investigate',
          title: { zh: '调查取证', en: 'investigate' },
          role: 'case_officer',
          dueOn: clock.dueOn ?? null,
        },
      ],
    });
  }
  await condition(() => c.stage !== 'investigation');
  return c.stage;
}

/** 案件审核 and what follows (part 2 of the lifecycle): the case waits here, its clock running. */
export async function reviewStage(c: CaseContext): Promise<CaseStage> {
  await condition(() => c.stage !== 'review');
  return c.stage;
}
