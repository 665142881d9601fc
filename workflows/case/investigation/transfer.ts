// 行刑衔接 — transfer of a suspected crime (docs/rules.md, TR): a team of at least two officers reports; the
// principal head decides within 3 days; the file goes to the police within 24 h; the police decide within 3
// days; a refusal may be taken to reconsideration (3 days to ask, 3 days to answer), then to the procuratorate
// (3 days to ask). While a transfer stands, no administrative penalty may be decided for the same facts
// (APL 27, 82); if the police file the case, the administrative case closes as transferred.
import { condition, patched } from '@temporalio/workflow';
import type { ClockDefinition } from '../../../domain/clock/clock.js';
import { checkProposeTransfer, checkTransferStep } from '../../../domain/case/guards.js';
import {
  TRANSFER_HANDOVER,
  TRANSFER_HANDOVER_FIRST_VERSION,
  TRANSFER_ITEMS,
  TRANSFER_HEAD_DECISION,
  TRANSFER_POLICE_DECISION,
  TRANSFER_RECONSIDERATION_ANSWER,
  TRANSFER_RECONSIDERATION_REQUEST,
  TRANSFER_SUPERVISION_REQUEST,
} from '../../../domain/rules/periods.js';
import type { TransferStatus } from '../../../schema/investigation.js';
import type { IsoDate } from '../../../schema/values/dates.js';
import { SYSTEM_ACTOR, type Actor, type Role } from '../../../schema/roles.js';
import type { CaseContext } from '../context.js';
import { command, teamIds } from '../handler.js';
import { proposeTransferUpdate, recordTransferStepUpdate } from '../messages.js';
import { fileApproval, onApproval, recordApplication } from './approvals.js';

export function registerTransferHandlers(c: CaseContext) {
  const t = () => c.investigation.transfer;
  /** The clock of the current step (one at a time), named after the transfer's approval. */
  let current: string | undefined;
  /** The next step's clock, from the day its event happened (the police's notice received, say). */
  const next = (def: ClockDefinition, responsible: Role, lapses = false, on = c.today()) => {
    if (current) c.clock(current).stop(on, '下一步 next step');
    current = `${def.name}-${t()!.approvalId}`;
    c.spawnClock({ ...def, name: current }, on, responsible, lapses ? () => windowLapsed(c) : undefined);
  };
  const stopCurrent = (reason: string) => {
    if (current) c.clock(current).stop(c.today(), reason);
    current = undefined;
  };
  const move = (status: TransferStatus, step: string, by: string, note: string, on = c.today()) => {
    const tr = t()!;
    tr.status = status;
    tr.history.push({ step, on, by, note });
  };
  /** The police filed the case: it closes now (before any await, so no command slips in meanwhile). */
  const accepted = (actor: Actor) =>
    c.close(
      { kind: 'transferred_to_police', on: c.today() },
      { actor, action: 'case.transferred_to_police', details: {} },
      '已移送公安机关立案 transferred to the police',
    );

  command(
    c,
    proposeTransferUpdate,
    ({ actor, team = [] }) => checkProposeTransfer(c.facts(), actor, team),
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
      await recordApplication(c, cmd, a, 'transfer.proposed', { suspectedOffence, facts }, dueOn);
    },
  );

  onApproval(
    c,
    'criminal_transfer',
    async (a, actor) => {
      move('approved', 'approved', actor.id, a.note ?? '');
      // The 24 hours run hour by hour from the approval; cases approved before this version counted a day.
      next(
        patched('transfer-handover-hours') ? TRANSFER_HANDOVER : TRANSFER_HANDOVER_FIRST_VERSION,
        'case_officer',
      );
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
    ({ actor, team = [], command }) => checkTransferStep(c.facts(), actor, team, command),
    async (cmd) => {
      const s = cmd.command;
      const by = cmd.actor.id;
      const on = s.on ?? c.today();
      teamIds(c, cmd);
      switch (s.step) {
        case 'handed_over':
          move('handed_over', s.step, by, `${s.policeOffice}: ${s.note}`, on);
          next(TRANSFER_POLICE_DECISION, 'case_officer', false, on);
          break;
        case 'police_decision':
        case 'reconsideration_answer':
          if (s.accepted) {
            move('accepted', s.step, by, s.note, on);
            stopCurrent('公安机关立案 police filed');
          } else if (s.step === 'police_decision') {
            move('refused', s.step, by, s.note, on);
            next(TRANSFER_RECONSIDERATION_REQUEST, 'case_officer', true, on);
          } else {
            move('refused_again', s.step, by, s.note, on);
            next(TRANSFER_SUPERVISION_REQUEST, 'case_officer', true, on);
          }
          break;
        case 'reconsideration_requested':
          move('reconsideration', s.step, by, s.note, on);
          next(TRANSFER_RECONSIDERATION_ANSWER, 'case_officer', false, on);
          break;
        case 'supervision_requested':
          move('supervision', s.step, by, s.note, on);
          stopCurrent('已建议检察监督 supervision requested'); // the procuratorate's own time is not the office's
          break;
        case 'supervision_outcome':
          move(s.policeMustFile ? 'accepted' : 'returned', s.step, by, s.note, on);
          break;
        case 'refusal_accepted':
          move('returned', s.step, by, s.note, on);
          stopCurrent('接受不予立案 refusal accepted');
          break;
        case 'items_handed_over':
          t()!.items!.handedOverOn = on;
          t()!.history.push({ step: s.step, on, by, note: s.note });
          c.clock(itemsClock()).stop(on, '已移交 handed over');
          await c.record({
            actor: cmd.actor,
            action: 'transfer.items_handed_over',
            details: { on },
            closeTasks: [c.taskId('transfer-items')],
          });
          return;
      }
      const status = t()!.status;
      const step = c.record({
        actor: cmd.actor,
        action: `transfer.${s.step}`,
        details: { status, note: s.note, on },
      });
      if (status !== 'accepted') return step;
      // The case closes now (synchronously, so no command slips in), then the items' 3 days run from the
      // police's filing notice: the workflow stays until they are handed over (TR).
      const closed = accepted(cmd.actor);
      const items = patched('transfer-items') ? itemsDue(on) : undefined;
      await Promise.all([step, closed]);
      if (items) await items();
    },
  );

  const itemsClock = () => `${TRANSFER_ITEMS.name}-${t()!.approvalId}`;
  /** Starts the items' clock (it outlives the case's closing) and returns the step that opens the officers' task. */
  function itemsDue(on: IsoDate) {
    const clock = c.spawnClock({ ...TRANSFER_ITEMS, name: itemsClock() }, on, 'case_officer');
    t()!.items = { dueOn: clock.dueOn ?? null };
    return () =>
      c.record({
        actor: SYSTEM_ACTOR,
        action: 'transfer.items_due',
        details: { dueOn: clock.dueOn },
        openTasks: [
          {
            id: c.taskId('transfer-items'),
            kind: 'transfer-items',
            title: { zh: '向公安机关移交涉案物品和材料', en: 'hand the items and materials to the police' },
            role: 'case_officer',
            assignees: [...c.investigation.investigators],
            dueOn: clock.dueOn ?? null,
          },
        ],
      });
  }

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

/** Nothing left to hand to the police: no transfer accepted, or its items handed over. */
export function transferItemsSettled(c: CaseContext): boolean {
  const items = c.investigation.transfer?.items;
  return !items || items.handedOverOn !== undefined;
}
