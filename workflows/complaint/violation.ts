// 发现违法线索 — a suspected violation found while handling a complaint becomes a clue (docs/rules.md, CRM 23):
// a case starts for it (its own 15-WD verification and filing, docs/rules.md) with the complaint's respondent,
// discovered today. The complaint records the link and goes on.
import { unauthenticated } from '../matter/authenticated.js';
import { patched, setHandler } from '@temporalio/workflow';
import type { CaseInput, RegisterClue } from '../../schema/case.js';
import { CASE_WORKFLOW_TYPE } from '../case/messages.js';
import { acts } from '../matter/matter-context.js';
import { startMatter } from './children.js';
import type { ComplaintContext } from './context.js';
import { checkReportViolation } from '../../domain/complaint/guards.js';
import { reportViolationUpdate } from './messages.js';

export function registerViolationHandler(c: ComplaintContext) {
  setHandler(
    reportViolationUpdate,
    async ({ actor, command }) => {
      const on = c.today();
      const entry = {
        n: c.violations.length + 1,
        summary: command.summary,
        caseNumber: null as string | null,
        by: actor.id,
        on,
      };
      c.violations.push(entry); // before the first await: concurrent reports get distinct numbers
      const clue: RegisterClue = {
        source: 'complaint_report',
        respondent: c.input.respondent,
        summary: command.summary,
        discoveredOn: on,
      };
      const { caseNumber, rulePack } = await acts.allocateViolationCase({
        complaintNumber: c.number,
        n: entry.n,
        unitId: c.unitId,
        today: on,
        clue,
      });
      const input: CaseInput = {
        caseNumber,
        unitId: c.unitId,
        clue,
        registeredBy: actor,
        warnBefore: [...rulePack.content.reminders.warnBeforeWD],
        rulePack,
      };
      // Cases started before the case ran as phases were of the first case workflow type.
      const type = patched('enforcement-case') ? CASE_WORKFLOW_TYPE : 'caseWorkflow';
      await startMatter(type, caseNumber, input, 'filing', c.unitId);
      entry.caseNumber = caseNumber;
      await c.record({
        actor,
        action: 'violation.reported',
        details: { n: entry.n, caseNumber, summary: command.summary },
      });
      return c.result();
    },
    {
      validator: ({ actor, ...signed }) =>
        c.refuse(unauthenticated(signed) ?? checkReportViolation(c.facts(), actor)),
    },
  );
}
