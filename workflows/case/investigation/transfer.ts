// 行刑衔接 — transfer of a suspected crime (RULES.md §14, TR): a team of at least two officers reports; the
// principal head decides within 3 days; the file goes to the police within 24 h; the police decide within 3
// days; a refusal may be taken to reconsideration (3 days to ask, 3 days to answer), then to the procuratorate
// (3 days to ask). While a transfer stands, no administrative penalty may be decided for the same facts
// (APL 27, 82); if the police file the case, the administrative case closes as transferred.
import { condition } from '@temporalio/workflow';
import type { ClockDefinition } from '../../../domain/clock/clock.js';
import { checkRecordingStep, checkTeam } from '../../../domain/case/guards.js';
import {
  TRANSFER_HANDOVER,
  TRANSFER_HEAD_DECISION,
  TRANSFER_POLICE_DECISION,
  TRANSFER_RECONSIDERATION_ANSWER,
  TRANSFER_RECONSIDERATION_REQUEST,
  TRANSFER_SUPERVISION_REQUEST,
} from '../../../domain/rules/periods.js';
import type { RecordTransferStep, TransferStatus } from '../../../schema/investigation.js';
import type { Refusal } from '../../../schema/errors.js';
import { SYSTEM_ACTOR, type Actor, type Role } from '../../../schema/roles.js';
import type { CaseContext } from '../context.js';
import { command, teamIds } from '../handler.js';
import { proposeTransferUpdate, recordTransferStepUpdate } from '../messages.js';
import { fileApproval, onApproval, recordApplication } from './approvals.js';

/** Where each recorded step may come from, and where it leads. */
const STEPS: Record<RecordTransferStep['step'], { from: TransferStatus[] }> = {
  handed_over: { from: ['approved'] },
  police_decision: { from: ['handed_over'] },
  reconsideration_requested: { from: ['refused'] },
  reconsideration_answer: { from: ['reconsideration'] },
  supervision_requested: { from: ['refused_again'] },
  supervision_outcome: { from: ['supervision'] },
  refusal_accepted: { from: ['refused', 'refused_again'] },
};

const ACTIVE: TransferStatus[] = [
  'accepted',
  'proposed',
  'approved',
  'handed_over',
  'refused',
  'reconsideration',
  'refused_again',
  'supervision',
];

export function registerTransferHandlers(c: CaseContext) {
  const t = () => c.investigation.transfer;
  /** The clock of the current step (one at a time), named after the transfer's approval. */
  let current: string | undefined;
  const next = (def: ClockDefinition, responsible: Role, lapses = false) => {
    if (current) c.clock(current).stop(c.today(), '下一步 next step');
    current = `${def.name}-${t()!.approvalId}`;
    c.spawnClock(
      { ...def, name: current },
      c.today(),
      responsible,
      lapses ? () => windowLapsed(c) : undefined,
    );
  };
  const stopCurrent = (reason: string) => {
    if (current) c.clock(current).stop(c.today(), reason);
    current = undefined;
  };
  const move = (status: TransferStatus, step: string, by: string, note: string) => {
    const tr = t()!;
    tr.status = status;
    tr.history.push({ step, on: c.today(), by, note });
  };
  /** The police filed the case: it closes now (before any await, so no command slips in meanwhile). */
  const accepted = (actor: Actor) => {
    const today = c.today();
    c.stage = 'closed';
    c.outcome = { kind: 'transferred_to_police', on: today };
    c.stopCaseClocks(today, '已移送公安机关立案 transferred to the police');
    return c.record({
      actor,
      action: 'case.transferred_to_police',
      details: {},
      closeTasks: c.closingTasks(),
    });
  };

  command(
    c,
    proposeTransferUpdate,
    ({ actor, team = [] }): Refusal | undefined =>
      checkTeam(c.facts(), actor, team) ??
      (c.stage === 'filing' || c.stage === 'investigation' ? undefined : { code: 'STAGE_NOT_ALLOWED' }) ??
      (t() && ACTIVE.includes(t()!.status)
        ? { code: 'TRANSFER_STEP_NOT_ALLOWED', detail: t()!.status }
        : undefined),
    async (cmd) => {
      const { suspectedOffence, facts } = cmd.command;
      const a = fileApproval(c, cmd, {
        kind: 'criminal_transfer',
        reasons: facts,
        payload: { suspectedOffence },
      });
      c.investigation.transfer = { status: 'proposed', suspectedOffence, approvalId: a.id, history: [] };
      move('proposed', 'proposed', cmd.actor.id, suspectedOffence);
      current = undefined;
      await condition(() => c.ready); // the head's 3 days count with the loaded calendar
      next(TRANSFER_HEAD_DECISION, 'agency_head');
      const dueOn = c.clock(current!).dueOn ?? null;
      await recordApplication(c, cmd, a, 'transfer.proposed', { suspectedOffence }, dueOn);
    },
  );

  onApproval(
    c,
    'criminal_transfer',
    async (a, actor) => {
      move('approved', 'approved', actor.id, a.note ?? '');
      next(TRANSFER_HANDOVER, 'case_officer');
      await c.record({
        actor,
        action: 'transfer.approved',
        details: { handOverBy: c.clock(current!).dueOn },
      });
    },
    async (a, actor) => {
      move('rejected', 'rejected', actor.id, a.note ?? '');
      stopCurrent('不批准移送 not approved');
      await c.record({ actor, action: 'transfer.rejected', details: {} });
    },
  );

  command(
    c,
    recordTransferStepUpdate,
    ({ actor, team = [], command }) => {
      const refused = checkRecordingStep(c.facts(), actor, team);
      if (refused) return refused;
      const status = t()?.status;
      return status && STEPS[command.step].from.includes(status)
        ? undefined
        : { code: 'TRANSFER_STEP_NOT_ALLOWED', detail: `${status ?? 'none'} → ${command.step}` };
    },
    async (cmd) => {
      const s = cmd.command;
      const by = cmd.actor.id;
      teamIds(c, cmd);
      switch (s.step) {
        case 'handed_over':
          move('handed_over', s.step, by, `${s.policeOffice}: ${s.note}`);
          next(TRANSFER_POLICE_DECISION, 'case_officer');
          break;
        case 'police_decision':
        case 'reconsideration_answer':
          if (s.accepted) {
            move('accepted', s.step, by, s.note);
            stopCurrent('公安机关立案 police filed');
          } else if (s.step === 'police_decision') {
            move('refused', s.step, by, s.note);
            next(TRANSFER_RECONSIDERATION_REQUEST, 'case_officer', true);
          } else {
            move('refused_again', s.step, by, s.note);
            next(TRANSFER_SUPERVISION_REQUEST, 'case_officer', true);
          }
          break;
        case 'reconsideration_requested':
          move('reconsideration', s.step, by, s.note);
          next(TRANSFER_RECONSIDERATION_ANSWER, 'case_officer');
          break;
        case 'supervision_requested':
          move('supervision', s.step, by, s.note);
          stopCurrent('已建议检察监督 supervision requested'); // the procuratorate's own time is not the office's
          break;
        case 'supervision_outcome':
          move(s.policeMustFile ? 'accepted' : 'returned', s.step, by, s.note);
          break;
        case 'refusal_accepted':
          move('returned', s.step, by, s.note);
          stopCurrent('接受不予立案 refusal accepted');
          break;
      }
      const status = t()!.status;
      const step = c.record({ actor: cmd.actor, action: `transfer.${s.step}`, details: { status } });
      await Promise.all([step, status === 'accepted' ? accepted(cmd.actor) : undefined]);
    },
  );

  /** The office let a window to contest a refusal pass: the refusal stands; administrative handling resumes. */
  async function windowLapsed(ctx: CaseContext) {
    const tr = t();
    if (!tr || (tr.status !== 'refused' && tr.status !== 'refused_again')) return;
    move('returned', 'window_lapsed', SYSTEM_ACTOR.id, '期限内未提出 no request within the period');
    stopCurrent('期限届满 window lapsed');
    await ctx.record({
      actor: SYSTEM_ACTOR,
      action: 'transfer.window_lapsed',
      details: { status: tr.status },
    });
  }
}
