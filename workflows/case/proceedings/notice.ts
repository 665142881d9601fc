// 行政处罚告知 and 陈述申辩 (docs/rules.md, notice and defence). The officers record when the pre-penalty notice
// reached the party (its facts, reasons, basis and proposed penalty are the reviewed proposal; its rights follow
// from it). From receipt the party has 5 WD (APL 64, 85) for statement and defence and, where the penalty gives
// the right, to ask for a hearing; a party's period, so a last day on a holiday moves on. Silence waives them. A
// notice served by public notice reaches the party 30 CD after publication (CPL 95), time the case clock does not
// count. Each defence is answered in the record.
import { checkDefenceStep, checkServeNotice } from '../../../domain/case/proceedings-guards.js';
import { hearingReasons } from '../../../domain/case/proceedings.js';
import { DEFENCE, PUBLIC_NOTICE_SERVICE } from '../../../domain/rules/periods.js';
import type { ProceedingsView } from '../../../schema/decision.js';
import { SYSTEM_ACTOR } from '../../../schema/roles.js';
import type { IsoDate } from '../../../schema/values/dates.js';
import type { CaseContext } from '../context.js';
import { command, teamIds } from '../handler.js';
import {
  recordDefenceUpdate,
  requestHearingUpdate,
  serveNoticeUpdate,
  waiveDefenceUpdate,
} from '../messages.js';
import { decideTask } from './decision.js';
import type { Task } from './review.js';

/** The clock of a notice served by public notice, until it takes effect. */
const NOTICE_PUBLIC = 'notice-public-notice';
/** The case clock's pause while a public notice runs, and while a hearing is requested and held. */
const PUBLIC_NOTICE_PAUSE = 'public-notice';
export const HEARING_PAUSE = 'hearing';

export const serveNoticeTask = (c: CaseContext): Task => ({
  id: c.taskId('serve-notice'),
  kind: 'serve-notice',
  title: { zh: '送达行政处罚告知书', en: 'serve the pre-penalty notice' },
  role: 'case_officer',
  dueOn: c.caseClock()?.dueOn ?? null,
});

const scheduleHearingTask = (c: CaseContext): Task => ({
  id: c.taskId('schedule-hearing'),
  kind: 'schedule-hearing',
  title: { zh: '组织听证（送达听证通知书）', en: 'schedule the hearing and serve its notice' },
  role: 'case_officer',
  dueOn: null,
});

const notice = (c: CaseContext) => c.proceedings!.notice!;

/** The party's 5 WD start on the day the notice reached it. */
function startDefence(c: CaseContext, receivedOn: IsoDate) {
  return c.spawnClock(DEFENCE, receivedOn, 'case_officer', { kind: 'defence-end' });
}

/** A notice published as a public notice took effect: the case clock counts again, and the 5 WD start. */
export async function noticeEffective(c: CaseContext, on: IsoDate | undefined) {
  const n = c.proceedings?.notice;
  if (!n || n.service.effectiveOn || !on) return;
  n.service.effectiveOn = on;
  c.caseClock()?.release(PUBLIC_NOTICE_PAUSE, on);
  const defence = startDefence(c, on);
  await c.record({
    actor: SYSTEM_ACTOR,
    action: 'notice.effective',
    details: { effectiveOn: on, defenceDueOn: defence.dueOn, rule: PUBLIC_NOTICE_SERVICE.rule },
  });
}

/** The 5 WD ran out without a hearing request or a waiver: silence waives what is left; the head decides. */
export async function defencePeriodEnded(c: CaseContext) {
  const n = c.proceedings?.notice;
  if (c.stage !== 'notice' || !n || n.ended) return;
  n.ended = 'period_ended';
  c.stage = 'decision';
  await c.record({
    actor: SYSTEM_ACTOR,
    action: 'notice.defence_period_ended',
    details: { defences: n.defences.length, rule: DEFENCE.rule },
    openTasks: [decideTask(c)],
  });
}

/** The defence period ends early (a hearing requested, a written waiver). */
function endDefence(
  c: CaseContext,
  ended: NonNullable<NonNullable<ProceedingsView['notice']>['ended']>,
  on: IsoDate,
) {
  notice(c).ended = ended;
  if (c.hasClock(DEFENCE.name)) c.clock(DEFENCE.name).stop(on, ended);
}

export function registerNoticeHandlers(c: CaseContext) {
  command(
    c,
    serveNoticeUpdate,
    ({ actor, team = [], command }) =>
      checkServeNotice(
        c.facts(),
        actor,
        team,
        command.service.on,
        command.service.method === 'public_notice',
      ),
    async (cmd) => {
      const p = c.proceedings!;
      const s = cmd.command.service;
      const reasons = hearingReasons(c.pack.content, c.input.clue.respondent.kind, p.proposal.outcome);
      const byPublicNotice = s.method === 'public_notice';
      p.notice = {
        service: { ...s, effectiveOn: byPublicNotice ? null : s.on, recordedBy: teamIds(c, cmd) },
        hearingRight: reasons.length > 0,
        hearingReasons: reasons,
        defences: [],
        ended: null,
      };
      let defenceDueOn: string | null | undefined = null;
      if (byPublicNotice) {
        c.caseClock()?.hold(PUBLIC_NOTICE_PAUSE, {
          from: s.on,
          reason: '公告 public notice',
          approvedBy: 'law',
        });
        c.spawnClock({ ...PUBLIC_NOTICE_SERVICE, name: NOTICE_PUBLIC }, s.on, 'case_officer', {
          kind: 'notice-effective',
        });
      } else defenceDueOn = startDefence(c, s.on).dueOn;
      await c.record({
        actor: cmd.actor,
        action: 'notice.served',
        details: {
          method: s.method,
          on: s.on,
          receiver: s.receiver,
          hearingRight: reasons.length > 0,
          hearingReasons: reasons,
          defenceDueOn,
          officers: p.notice.service.recordedBy,
        },
        closeTasks: [c.taskId('serve-notice')],
      });
    },
  );

  command(
    c,
    recordDefenceUpdate,
    ({ actor, team = [], command }) =>
      checkDefenceStep(c.facts(), actor, team, command.receivedOn, 'defence'),
    async (cmd) => {
      const d = cmd.command;
      notice(c).defences.push({
        receivedOn: d.receivedOn,
        form: d.form,
        content: d.content,
        answer: d.answer,
      });
      await c.record({
        actor: cmd.actor,
        action: 'notice.defence_recorded',
        details: {
          receivedOn: d.receivedOn,
          form: d.form,
          content: d.content,
          answer: d.answer,
          officers: teamIds(c, cmd),
        },
      });
    },
  );

  command(
    c,
    requestHearingUpdate,
    ({ actor, team = [], command }) =>
      checkDefenceStep(c.facts(), actor, team, command.requestedOn, 'hearing'),
    async (cmd) => {
      const on = cmd.command.requestedOn;
      endDefence(c, 'hearing_requested', on);
      c.stage = 'hearing';
      c.proceedings!.hearing = {
        requestedOn: on,
        chairId: null,
        hearingOn: null,
        place: null,
        public: null,
        notices: [],
        postponements: [],
        outcome: null,
        heldOn: null,
      };
      // The hearing is not counted on the case clock: from the request until it is held (docs/rules.md).
      c.caseClock()?.hold(HEARING_PAUSE, { from: on, reason: '听证 hearing', approvedBy: 'law' });
      await c.record({
        actor: cmd.actor,
        action: 'hearing.requested',
        details: { requestedOn: on, officers: teamIds(c, cmd) },
        openTasks: [scheduleHearingTask(c)],
      });
    },
  );

  command(
    c,
    waiveDefenceUpdate,
    ({ actor, team = [], command }) => checkDefenceStep(c.facts(), actor, team, command.on, 'waiver'),
    async (cmd) => {
      endDefence(c, 'waived', cmd.command.on);
      c.stage = 'decision';
      await c.record({
        actor: cmd.actor,
        action: 'notice.waived',
        details: { on: cmd.command.on, note: cmd.command.note, officers: teamIds(c, cmd) },
        openTasks: [decideTask(c)],
      });
    },
  );
}
