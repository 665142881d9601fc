// How part 1 of a case ends besides termination and transfer:
// - 简易程序 (APL 51, docs/rules.md): facts conclusive, a warning or a fine within the rule pack's limit for the
//   respondent's kind, decided on the spot on a pre-numbered form; the case closes and is never published (PUB 2);
// - 调查终结 (docs/rules.md): the investigators hand the case, with their report and proposal, to a legal reviewer
//   who investigated nothing in it; a case returned from review comes back here for another round.
import { checkConclude, checkOnTheSpot } from '../../../domain/case/guards.js';
import { FILING_DECISION } from '../../../domain/rules/periods.js';
import type { CaseContext } from '../context.js';
import { command, teamIds } from '../handler.js';
import { concludeInvestigationUpdate, onTheSpotDecisionUpdate } from '../messages.js';
import { beginReview } from '../proceedings/review.js';
import type { ConcludeInvestigation } from '../../../schema/investigation.js';

export function registerConclusionHandlers(c: CaseContext) {
  command(
    c,
    onTheSpotDecisionUpdate,
    ({ actor, team = [], command }) => checkOnTheSpot(c.facts(), actor, team, command),
    async (cmd) => {
      const d = cmd.command;
      const by = teamIds(c, cmd);
      // A decision that arrives before the filing stage has started waits for its clock, then stops it.
      await c.close(
        {
          kind: 'simplified_penalty',
          formNumber: d.formNumber,
          penalty:
            d.penalty.kind === 'fine' ? { kind: 'fine', amount: d.penalty.amount } : { kind: 'warning' },
          publish: false,
          on: c.today(),
        },
        {
          actor: cmd.actor,
          action: 'simplified.decided',
          details: {
            formNumber: d.formNumber,
            penalty: d.penalty,
            facts: d.facts,
            legalBasis: d.legalBasis,
            officers: by,
            publish: false,
          },
        },
        '当场处罚 decided on the spot',
        () => c.hasClock(FILING_DECISION.name),
      );
    },
  );

  command(
    c,
    concludeInvestigationUpdate,
    ({ actor, team = [], reviewer, command }) =>
      !reviewer
        ? { code: 'NOT_FOUND', detail: 'reviewer' }
        : !command.proposal
          ? { code: 'VALIDATION_FAILED', detail: 'proposal' }
          : checkConclude(c.facts(), actor, team, reviewer),
    async (cmd) => {
      const by = teamIds(c, cmd);
      const reviewerId = cmd.reviewer!.id;
      c.stage = 'review';
      c.investigation.reviewerId = reviewerId;
      // The proposal opens a review round (commands recorded before proposals existed carry none).
      const proposal = cmd.command.proposal as ConcludeInvestigation['proposal'] | undefined;
      if (proposal) beginReview(c, proposal, reviewerId);
      await c.record({
        actor: cmd.actor,
        action: 'investigation.concluded',
        // The investigation report is stored with the step, where users read it (not only in history).
        details: {
          officers: by,
          reviewerId,
          report: cmd.command.report,
          ...(proposal ? { proposal, round: c.proceedings!.round } : {}),
        },
        closeTasks: [c.taskId('investigate')],
        // With a proposal, the review phase opens the reviewer's task with its due date (one e-mail, not two).
        openTasks: proposal
          ? []
          : [
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
