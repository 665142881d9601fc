// 行刑衔接 — transfer of a suspected crime (docs/rules.md, TR): a team of at least two officers reports; the
// principal head decides within 3 days; the file goes to the police within 24 h; the police decide within 3
// days; a refusal may be taken to reconsideration (3 days to ask, 3 days to answer), then to the procuratorate
// (3 days to ask). While a transfer stands, no administrative penalty may be decided for the same facts
// (APL 27, 82); if the police file the case, the administrative case closes as transferred.
//
// The transfer is data (CaseState.investigation.transfer): its status, its history, and the name of the clock
// of the step now awaited, so it carries on in the next phase or run.
import type { ClockDefinition } from '../../../domain/clock/clock.js';
import { checkProposeTransfer, checkTransferStep } from '../../../domain/case/guards.js';
import {
  TRANSFER_HANDOVER,
  TRANSFER_ITEMS,
  TRANSFER_HEAD_DECISION,
  TRANSFER_POLICE_DECISION,
  TRANSFER_RECONSIDERATION_ANSWER,
  TRANSFER_RECONSIDERATION_REQUEST,
  TRANSFER_SUPERVISION_REQUEST,
} from '../../../domain/rules/periods.js';
import type { ApprovalView, TransferStatus, TransferView } from '../../../schema/investigation.js';
import type { IsoDate } from '../../../schema/values/dates.js';
import { SYSTEM_ACTOR, type Actor, type Role } from '../../../schema/roles.js';
import type { CaseContext } from '../context.js';
import { command, teamIds } from '../handler.js';
import { proposeTransferUpdate, recordTransferStepUpdate } from '../messages.js';
import { fileApproval, recordApplication } from './applications.js';

const transferOf = (c: CaseContext): TransferView => c.investigation.transfer!;

/** The next step's clock, from the day its event happened (the police's notice received, say); the clock of
 * the step before it stops. A window to contest a refusal lapses on its own when it runs out. */
function awaitStep(c: CaseContext, def: ClockDefinition, responsible: Role, lapses = false, on = c.today()) {
  const t = transferOf(c);
  if (t.clock) c.clock(t.clock).stop(on, '下一步 next step');
  t.clock = `${def.name}-${t.approvalId}`;
  return c.spawnClock(
    { ...def, name: t.clock },
    on,
    responsible,
    lapses ? { kind: 'transfer-window' } : undefined,
  );
}

/** No step is awaited any more: the current clock stops. */
function stopAwaiting(c: CaseContext, reason: string) {
  const t = transferOf(c);
  if (t.clock) c.clock(t.clock).stop(c.today(), reason);
  delete t.clock;
}

function move(
  c: CaseContext,
  status: TransferStatus,
  step: string,
  by: string,
  note: string,
  on = c.today(),
) {
  const t = transferOf(c);
  t.status = status;
  t.history.push({ step, on, by, note });
}

/** The principal head approved: the file goes to the police within 24 hours, counted hour by hour. */
export async function transferApproved(c: CaseContext, a: ApprovalView, actor: Actor) {
  move(c, 'approved', 'approved', actor.id, a.note ?? '');
  const clock = awaitStep(c, TRANSFER_HANDOVER, 'case_officer');
  await c.record({ actor, action: 'transfer.approved', details: { handOverBy: clock.dueOn } });
}

/** The principal head did not approve: the transfer ends, administrative handling goes on. */
export async function transferRejected(c: CaseContext, a: ApprovalView, actor: Actor) {
  move(c, 'rejected', 'rejected', actor.id, a.note ?? '');
  stopAwaiting(c, '不批准移送 not approved');
  await c.record({ actor, action: 'transfer.rejected', details: {} });
}

/** The office let a window to contest a refusal pass: the refusal stands; administrative handling resumes. */
export async function windowLapsed(c: CaseContext) {
  const t = c.investigation.transfer;
  if (!t || (t.status !== 'refused' && t.status !== 'refused_again')) return;
  const status = t.status;
  move(c, 'returned', 'window_lapsed', SYSTEM_ACTOR.id, '期限内未提出 no request within the period');
  stopAwaiting(c, '期限届满 window lapsed');
  await c.record({ actor: SYSTEM_ACTOR, action: 'transfer.window_lapsed', details: { status } });
}

const itemsClock = (c: CaseContext) => `${TRANSFER_ITEMS.name}-${transferOf(c).approvalId}`;

/** The police filed the case: the items' 3 days run from their notice (the clock outlives the case's closing);
 * returns the step that opens the officers' task. */
function itemsDue(c: CaseContext, on: IsoDate) {
  const clock = c.spawnClock({ ...TRANSFER_ITEMS, name: itemsClock(c) }, on, 'case_officer');
  transferOf(c).items = { dueOn: clock.dueOn ?? null };
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

export function registerTransferHandlers(c: CaseContext) {
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
      move(c, 'proposed', 'proposed', cmd.actor.id, suspectedOffence);
      const clock = awaitStep(c, TRANSFER_HEAD_DECISION, 'agency_head');
      await recordApplication(
        c,
        cmd,
        a,
        'transfer.proposed',
        { suspectedOffence, facts },
        clock.dueOn ?? null,
      );
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
          move(c, 'handed_over', s.step, by, `${s.policeOffice}: ${s.note}`, on);
          awaitStep(c, TRANSFER_POLICE_DECISION, 'case_officer', false, on);
          break;
        case 'police_decision':
        case 'reconsideration_answer':
          if (s.accepted) {
            move(c, 'accepted', s.step, by, s.note, on);
            stopAwaiting(c, '公安机关立案 police filed');
          } else if (s.step === 'police_decision') {
            move(c, 'refused', s.step, by, s.note, on);
            awaitStep(c, TRANSFER_RECONSIDERATION_REQUEST, 'case_officer', true, on);
          } else {
            move(c, 'refused_again', s.step, by, s.note, on);
            awaitStep(c, TRANSFER_SUPERVISION_REQUEST, 'case_officer', true, on);
          }
          break;
        case 'reconsideration_requested':
          move(c, 'reconsideration', s.step, by, s.note, on);
          awaitStep(c, TRANSFER_RECONSIDERATION_ANSWER, 'case_officer', false, on);
          break;
        case 'supervision_requested':
          move(c, 'supervision', s.step, by, s.note, on);
          stopAwaiting(c, '已建议检察监督 supervision requested'); // the procuratorate's own time is not the office's
          break;
        case 'supervision_outcome':
          move(c, s.policeMustFile ? 'accepted' : 'returned', s.step, by, s.note, on);
          break;
        case 'refusal_accepted':
          move(c, 'returned', s.step, by, s.note, on);
          stopAwaiting(c, '接受不予立案 refusal accepted');
          break;
        case 'items_handed_over':
          transferOf(c).items!.handedOverOn = on;
          transferOf(c).history.push({ step: s.step, on, by, note: s.note });
          c.clock(itemsClock(c)).stop(on, '已移交 handed over');
          await c.record({
            actor: cmd.actor,
            action: 'transfer.items_handed_over',
            details: { on },
            closeTasks: [c.taskId('transfer-items')],
          });
          return;
      }
      const status = transferOf(c).status;
      const step = c.record({
        actor: cmd.actor,
        action: `transfer.${s.step}`,
        details: { status, note: s.note, on },
      });
      if (status !== 'accepted') return step;
      // The police filed the case: it closes now (synchronously, so no command slips in), then the items' 3 days
      // run from the police's filing notice, and the case stays open for them (TR).
      const closed = c.close(
        { kind: 'transferred_to_police', on: c.today() },
        { actor: cmd.actor, action: 'case.transferred_to_police', details: {} },
        '已移送公安机关立案 transferred to the police',
      );
      const items = itemsDue(c, on);
      await Promise.all([step, closed]);
      await items();
    },
  );
}
