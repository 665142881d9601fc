// 行政处罚信息公示 and 信用修复 (docs/rules.md, publicity and credit repair). Whoever handles the case enters its
// publicity record (PUB 16) within 20 WD of the decision (PUB 9); the public text comes from the decision with
// personal data and the reporter redacted. How long it is shown follows the tier of the 2025 credit-repair order
// (or PUB 13, as the rule pack says); it then ends by itself. The party may apply for credit repair once its tier
// allows (never for the penalties PUB 14 excludes); the head decides within 7 WD, and a granted repair takes the
// record down. A changed or annulled decision is withdrawn or updated within 3 WD (PUB 11).
import {
  checkApplyCreditRepair,
  checkDecideCreditRepair,
  checkPublish,
  checkWithdrawPublicity,
  outcomeInForce,
} from '../../../domain/case/execution.js';
import { publicityEndsOn } from '../../../domain/case/publicity.js';
import { publicitySettings } from '../../../domain/rules/packs/merge.js';
import {
  CREDIT_REPAIR_DECISION,
  PUBLICITY_WITHDRAWAL,
  publicityShown,
} from '../../../domain/rules/periods.js';
import type { PublicityView } from '../../../schema/execution.js';
import { SYSTEM_ACTOR } from '../../../schema/roles.js';
import type { IsoDate } from '../../../schema/values/dates.js';
import { acts } from '../../matter/matter-context.js';
import type { CaseContext } from '../context.js';
import { reopenForNewDecision } from './redecision.js';
import { command, teamIds } from '../handler.js';
import {
  applyCreditRepairUpdate,
  decideCreditRepairUpdate,
  publishDecisionUpdate,
  withdrawPublicityUpdate,
} from '../messages.js';
import type { Task } from '../proceedings/review.js';

/** The clock of a published record: it ends by itself on its last day. */
const SHOWN = publicityShown(0, '').name;
const repairClock = (id: string) => `credit-repair-${id}`;

const publicity = (c: CaseContext) => c.execution!.publicity;

/** Each write to the public list carries a version: a later state is never overwritten by an earlier one. */
const nextVersion = (c: CaseContext) => ++publicity(c).version;

/** Generates the public text and puts it on the public list (the text itself stays out of the case). */
async function writeRecord(c: CaseContext, publishedOn: IsoDate, endsOn: IsoDate) {
  const p = c.proceedings!;
  const d = p.decision!;
  const e = c.execution!;
  return (await acts.publication({
    caseNumber: c.number,
    unitId: c.input.unitId,
    version: nextVersion(c),
    status: 'published',
    content: {
      documentNumber: d.documentNumber,
      decidedOn: d.on,
      publishedOn,
      endsOn,
      respondent: c.input.clue.respondent,
      outcome: outcomeInForce(e, d.outcome),
      facts: d.facts,
      legalBasis: d.legalBasis,
      ...(d.correctiveOrder ? { correctiveOrder: d.correctiveOrder } : {}),
      ...(c.input.report ? { submissionId: c.input.report.submissionId } : {}),
    },
  }))!;
}

/** Takes the record off the public list. */
async function takeDown(
  c: CaseContext,
  status: Exclude<PublicityView['status'], 'published' | 'due' | 'not_required'>,
  on: IsoDate,
) {
  publicity(c).status = status;
  c.stopClock(SHOWN, on, status);
  await acts.publication({ caseNumber: c.number, unitId: c.input.unitId, version: nextVersion(c), status });
}

/** The record's time is over: it stops being shown. */
export async function publicityEnded(c: CaseContext, on: IsoDate) {
  const p = c.execution?.publicity;
  if (!p || p.status !== 'published') return;
  await takeDown(c, 'ended', on);
  await c.record({ actor: SYSTEM_ACTOR, action: 'publicity.ended', details: { on, rule: p.record!.basis } });
}

export function registerPublicityHandlers(c: CaseContext) {
  command(
    c,
    publishDecisionUpdate,
    ({ actor, team = [], command }) =>
      checkPublish(c.facts(), c.executionFacts(), actor, team, command.publishedOn),
    async (cmd) => {
      const p = publicity(c);
      const on = cmd.command.publishedOn;
      const e = c.execution!;
      const decision = c.proceedings!.decision!;
      // Claimed before the first await: a second entry in the same activation is refused.
      p.status = 'published';
      const officers = teamIds(c, cmd);
      const length = publicityEndsOn(
        publicitySettings(c.pack.content),
        p.tier!,
        outcomeInForce(e, decision.outcome),
        on,
      );
      const shown = c.spawnClock(publicityShown(length.months, length.basis), on, 'case_officer', {
        kind: 'publicity-end',
      });
      const endsOn = shown.dueOn!;
      const dueOn = c.hasClock('publicity') ? c.clock('publicity').dueOn : undefined;
      c.stopClock('publicity', on, '已公示 published');
      const made = await writeRecord(c, on, endsOn);
      p.record = {
        publishedOn: on,
        endsOn,
        months: length.months,
        basis: length.basis,
        enteredBy: officers,
        respondentShown: made.respondentShown,
        penaltySummary: made.penaltySummary,
        textSha256: made.textSha256,
      };
      await c.record({
        actor: cmd.actor,
        action: 'publicity.published',
        details: {
          publishedOn: on,
          endsOn,
          tier: p.tier!,
          months: length.months,
          textSha256: made.textSha256,
          late: dueOn !== undefined && on > dueOn,
          officers,
        },
        closeTasks: [c.taskId('publish')],
      });
    },
  );

  command(
    c,
    withdrawPublicityUpdate,
    ({ actor, team = [], command }) =>
      checkWithdrawPublicity(c.facts(), c.executionFacts(), actor, team, command),
    async (cmd) => {
      const { on, action, note } = cmd.command;
      const p = publicity(c);
      p.withdrawal!.done = action;
      c.stopClock(PUBLICITY_WITHDRAWAL.name, on, action);
      if (action === 'withdraw') await takeDown(c, 'withdrawn', on);
      else {
        const made = await writeRecord(c, p.record!.publishedOn, p.record!.endsOn);
        Object.assign(p.record!, { penaltySummary: made.penaltySummary, textSha256: made.textSha256 });
      }
      await c.record({
        actor: cmd.actor,
        action: 'publicity.withdrawn',
        details: { on, action, note, officers: teamIds(c, cmd) },
        closeTasks: [c.taskId('withdraw-publicity')],
      });
      // An annulment that ordered a new decision waited for this: the new round begins.
      await reopenForNewDecision(c);
    },
  );

  command(
    c,
    applyCreditRepairUpdate,
    ({ actor, command }) => checkApplyCreditRepair(c.facts(), c.executionFacts(), actor, command),
    async ({ actor, command }) => {
      const p = publicity(c);
      const id = `CR${p.repairs.length + 1}`;
      p.repairs.push({ id, appliedOn: command.appliedOn, status: 'pending', decidedOn: null, reasons: null });
      const clock = c.spawnClock(
        { ...CREDIT_REPAIR_DECISION, name: repairClock(id) },
        command.appliedOn,
        'agency_head',
      );
      const task: Task = {
        id: c.taskId(`credit-repair-${id}`),
        kind: 'decide-credit-repair',
        title: { zh: '作出信用修复决定', en: 'decide the credit repair' },
        role: 'agency_head',
        dueOn: clock.dueOn ?? null,
      };
      await c.record({
        actor,
        action: 'credit_repair.applied',
        details: { repairId: id, appliedOn: command.appliedOn, decideBy: clock.dueOn ?? null },
        openTasks: [task],
      });
    },
  );

  command(
    c,
    decideCreditRepairUpdate,
    ({ actor, command }) => checkDecideCreditRepair(c.facts(), c.executionFacts(), actor, command.repairId),
    async ({ actor, command }) => {
      const on = c.today();
      const repair = publicity(c).repairs.find((r) => r.id === command.repairId)!;
      Object.assign(repair, {
        status: command.decision === 'grant' ? 'granted' : 'refused',
        decidedOn: on,
        reasons: command.reasons,
      });
      c.stopClock(repairClock(repair.id), on, command.decision);
      if (command.decision === 'grant') await takeDown(c, 'repaired', on);
      await c.record({
        actor,
        action: 'credit_repair.decided',
        details: { repairId: repair.id, decision: command.decision, reasons: command.reasons },
        closeTasks: [c.taskId(`credit-repair-${repair.id}`)],
      });
    },
  );
}
