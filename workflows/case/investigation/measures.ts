// Coercive measures on evidence (docs/rules.md), each approved by the agency head:
// - 先行登记保存 (APL 56): decide on the preserved items within 7 WD, or the preservation lapses;
// - 查封扣押 (ACL 18–19, 25): 30 CD, one extension of at most 30 CD with written reasons; testing time not
//   counted (the testing step pauses the seizure's clock).
import {
  checkExtendSeizure,
  checkInvestigationStep,
  checkMeasure,
  checkRecordingStep,
} from '../../../domain/case/guards.js';
import { PRESERVATION_DECISION, SEIZURE_EXTENSION, SEIZURE_PERIOD } from '../../../domain/rules/periods.js';
import type { ApprovalView } from '../../../schema/investigation.js';
import { SYSTEM_ACTOR, type Actor } from '../../../schema/roles.js';
import type { CaseContext } from '../context.js';
import { command, teamIds } from '../handler.js';
import {
  decidePreservationUpdate,
  extendSeizureUpdate,
  releaseSeizureUpdate,
  requestMeasureUpdate,
} from '../messages.js';
import { fileApproval, recordApplication } from './applications.js';

const measureOf = (c: CaseContext, id: string) => c.investigation.measures.find((m) => m.id === id)!;

export function registerMeasureHandlers(c: CaseContext) {
  command(
    c,
    requestMeasureUpdate,
    ({ actor, team = [] }) => checkInvestigationStep(c.facts(), actor, team),
    async (cmd) => {
      const m = cmd.command;
      const id = `M${c.investigation.measures.length + 1}`;
      const a = fileApproval(c, cmd, { kind: m.kind, subject: id, reasons: m.reasons });
      c.investigation.measures.push({
        id,
        kind: m.kind,
        items: m.items,
        status: 'requested',
        approvalId: a.id,
        extended: false,
      });
      await recordApplication(c, cmd, a, `${m.kind}.requested`, {
        measureId: id,
        items: m.items.length,
        itemList: m.items,
        reasons: m.reasons,
      });
    },
  );

  command(
    c,
    decidePreservationUpdate,
    ({ actor, team = [], command }) =>
      checkRecordingStep(c.facts(), actor, team) ??
      checkMeasure(c.facts(), command.measureId, 'preservation'),
    async (cmd) => {
      const m = measureOf(c, cmd.command.measureId);
      m.status = 'decided';
      m.outcome = cmd.command.disposal;
      c.clock(m.clock!).stop(c.today(), `处理决定 decided: ${cmd.command.disposal}`);
      await c.record({
        actor: cmd.actor,
        action: 'preservation.decided',
        details: {
          measureId: m.id,
          disposal: cmd.command.disposal,
          reasons: cmd.command.reasons,
          officers: teamIds(c, cmd),
        },
      });
    },
  );

  command(
    c,
    extendSeizureUpdate,
    ({ actor, team = [], command }) =>
      checkRecordingStep(c.facts(), actor, team) ??
      checkExtendSeizure(c.facts(), command.measureId, command.days),
    async (cmd) => {
      const { measureId, days, reasons } = cmd.command;
      const a = fileApproval(c, cmd, {
        kind: 'seizure_extension',
        subject: measureId,
        reasons,
        payload: { days },
      });
      await recordApplication(c, cmd, a, 'seizure.extension_requested', {
        measureId,
        days,
        reasons: cmd.command.reasons,
      });
    },
  );

  command(
    c,
    releaseSeizureUpdate,
    ({ actor, team = [], command }) =>
      checkRecordingStep(c.facts(), actor, team) ?? checkMeasure(c.facts(), command.measureId, 'seizure'),
    async (cmd) => {
      const m = measureOf(c, cmd.command.measureId);
      m.status = 'released';
      m.outcome = cmd.command.outcome;
      // A pending extension request has nothing left to extend: it is withdrawn, and its task closes.
      const withdrawn = c.investigation.approvals.filter(
        (a) => a.kind === 'seizure_extension' && a.subject === m.id && a.status === 'pending',
      );
      for (const a of withdrawn) Object.assign(a, { status: 'rejected', note: '已解除，申请撤回 withdrawn' });
      c.clock(m.clock!).stop(c.today(), `解除 ended: ${cmd.command.outcome}`);
      await c.record({
        actor: cmd.actor,
        action: 'seizure.ended',
        details: {
          measureId: m.id,
          outcome: cmd.command.outcome,
          reasons: cmd.command.reasons,
          officers: teamIds(c, cmd),
        },
        closeTasks: withdrawn.map((a) => c.taskId(`approve-${a.id}`)),
      });
    },
  );
}

/** The head approved a preservation or a seizure: it starts, with its clock (7 WD to decide on preserved items,
 * 30 CD of seizure). */
export async function activateMeasure(c: CaseContext, a: ApprovalView, actor: Actor) {
  const m = measureOf(c, a.subject!);
  const today = c.today();
  m.status = 'active';
  if (m.kind === 'preservation') {
    m.clock = `preservation-${m.id}`;
    const clock = c.spawnClock({ ...PRESERVATION_DECISION, name: m.clock }, today, 'case_officer', {
      kind: 'preservation-lapse',
      ref: m.id,
    });
    await c.record({
      actor,
      action: 'preservation.started',
      details: { measureId: m.id, decideBy: clock.dueOn },
    });
  } else {
    m.clock = `seizure-${m.id}`;
    const clock = c.spawnClock({ ...SEIZURE_PERIOD, name: m.clock }, today, 'case_officer');
    await c.record({ actor, action: 'seizure.started', details: { measureId: m.id, until: clock.dueOn } });
  }
}

/** The head refused the measure: it is never taken (the refusal's own step records it). */
export async function refuseMeasure(c: CaseContext, a: ApprovalView) {
  measureOf(c, a.subject!).status = 'rejected';
}

/** The head approved extending a seizure (unless it was released meanwhile: the release withdrew the request). */
export async function extendSeizure(c: CaseContext, a: ApprovalView, actor: Actor) {
  const m = measureOf(c, a.subject!);
  if (m.status !== 'active') return;
  m.extended = true;
  const clock = c.clock(m.clock!);
  const days = Number(a.payload.days);
  clock.extend({ days, on: c.today(), approvedBy: actor.id, basis: a.reasons });
  await c.record({
    actor,
    action: 'seizure.extended',
    details: { measureId: m.id, days, until: clock.dueOn, rule: SEIZURE_EXTENSION.rule },
  });
}

/** The 7 WD ran out without a decision on the preserved items: the preservation lapses (APL 56). */
export async function lapse(c: CaseContext, measureId: string, dueOn: string) {
  const m = measureOf(c, measureId);
  if (m.status !== 'active') return;
  m.status = 'lapsed';
  c.clock(m.clock!).stop(c.today(), '逾期未处理，保存措施失效 lapsed');
  await c.record({
    actor: SYSTEM_ACTOR,
    action: 'preservation.lapsed',
    details: { measureId, dueOn },
    mail: [
      {
        key: `${c.number}:preservation-lapsed:${measureId}`,
        caseNumber: c.number,
        kind: 'preservation.lapsed',
        audience: { unitId: c.unitId, role: 'supervisor' },
        subject: `【失效】案件 ${c.number} 先行登记保存 ${measureId} 已失效 / Preservation ${measureId} of case ${c.number} lapsed`,
        text: [
          `案件编号 Case: ${c.number}`,
          `先行登记保存 ${measureId} 未在 ${PRESERVATION_DECISION.length} 个工作日内作出处理决定（截至 ${dueOn}），依法失效（行政处罚法第五十六条）。`,
          `No decision on the preserved items within ${PRESERVATION_DECISION.length} WD (due ${dueOn}): the preservation has lapsed (APL art. 56).`,
        ].join('\n'),
      },
    ],
  });
}
