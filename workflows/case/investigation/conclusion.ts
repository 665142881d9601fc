// How part 1 of a case ends besides termination and transfer:
// - 简易程序 (APL 51, docs/rules.md): facts conclusive, a warning or a fine within the rule pack's limit for the
//   respondent's kind, decided on the spot on a pre-numbered form; the case closes and is never published (PUB 2);
// - 调查终结 (docs/rules.md): the investigators hand the case to a legal reviewer who investigated nothing in it.
import { condition } from '@temporalio/workflow';
import { checkConclude, checkOnTheSpot } from '../../../domain/case/guards.js';
import { FILING_DECISION } from '../../../domain/rules/periods.js';
import type { CaseContext } from '../context.js';
import { command, teamIds } from '../handler.js';
import { concludeInvestigationUpdate, onTheSpotDecisionUpdate } from '../messages.js';

export function registerConclusionHandlers(c: CaseContext) {
  command(
    c,
    onTheSpotDecisionUpdate,
    ({ actor, team = [], command }) => checkOnTheSpot(c.facts(), actor, team, command),
    async (cmd) => {
      const d = cmd.command;
      const today = c.today();
      const by = teamIds(c, cmd);
      c.stage = 'closed';
      c.outcome = {
        kind: 'simplified_penalty',
        formNumber: d.formNumber,
        penalty: d.penalty.kind === 'fine' ? { kind: 'fine', amount: d.penalty.amount } : { kind: 'warning' },
        publish: false,
        on: today,
      };
      // A decision that arrives before the filing stage has started waits for its clock, then stops it.
      await condition(() => c.hasClock(FILING_DECISION.name));
      c.stopCaseClocks(today, '当场处罚 decided on the spot');
      await c.record({
        actor: cmd.actor,
        action: 'simplified.decided',
        details: { formNumber: d.formNumber, penalty: d.penalty, officers: by, publish: false },
        closeTasks: c.closingTasks(),
      });
    },
  );

  command(
    c,
    concludeInvestigationUpdate,
    ({ actor, team = [], reviewer }) =>
      reviewer ? checkConclude(c.facts(), actor, team, reviewer) : { code: 'NOT_FOUND', detail: 'reviewer' },
    async (cmd) => {
      const by = teamIds(c, cmd);
      const reviewerId = cmd.reviewer!.id;
      c.stage = 'review';
      c.investigation.reviewerId = reviewerId;
      await c.record({
        actor: cmd.actor,
        action: 'investigation.concluded',
        details: { officers: by, reviewerId },
        closeTasks: [c.taskId('investigate')],
        openTasks: [
          {
            id: c.taskId('case-review'),
            kind: 'case-review',
            title: { zh: '案件审核', en: 'review the case' },
            role: 'legal_reviewer',
            assignees: [reviewerId],
            dueOn: null,
          },
        ],
      });
    },
  );
}
