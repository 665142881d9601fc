// 调解 — mediation of an accepted complaint (docs/rules.md, CRM 16–21). It needs both parties' consent; it ends
// with an agreement, a withdrawal, a refusal, a no-show or no agreement, and without agreement by itself 45 WD
// after acceptance. Testing, inspection and appraisal time is not counted (the period pauses). However it
// ends, both parties must be told within 7 WD.
import { unauthenticated } from '../../matter/authenticated.js';
import { condition, setHandler } from '@temporalio/workflow';
import { MEDIATION, PARTIES_NOTICE } from '../../../domain/rules/complaint-periods.js';
import type { TaskOpen } from '../../../activities/index.js';
import type { IsoDate } from '../../../schema/values/dates.js';
import type { ComplaintStage, MediationOutcome } from '../../../schema/complaint.js';
import { SYSTEM_ACTOR, type Actor } from '../../../schema/roles.js';
import type { ClockEvent } from '../../../domain/clock/clock.js';
import type { StatutoryClock } from '../../clock/statutory-clock.js';
import type { ComplaintContext } from '../context.js';
import {
  checkEndMediation,
  checkPauseMediation,
  checkResumeMediation,
  checkStartMediation,
} from '../../../domain/complaint/guards.js';
import {
  endMediationUpdate,
  pauseMediationUpdate,
  resumeMediationUpdate,
  startMediationUpdate,
} from '../messages.js';

export const MEDIATE = 'mediate';
export const NOTIFY_PARTIES = 'notify-parties';

const PAUSE_REASONS = {
  verification: '检定 verification',
  inspection: '检验 inspection',
  testing: '检测 testing',
  appraisal: '鉴定 appraisal',
} as const;

export const mediateTask = (c: ComplaintContext, dueOn: IsoDate | undefined): Omit<TaskOpen, 'unitId'> => ({
  id: c.taskId(MEDIATE),
  kind: MEDIATE,
  title: { zh: '组织调解（须双方同意）', en: 'Mediate (with both parties’ consent)' },
  role: 'complaint_handler',
  dueOn: dueOn ?? null,
});

/** Updates may be validated before the acceptance decision has started the period: they wait for it. */
const mediationClock = async (c: ComplaintContext) => {
  await condition(() => c.hasClock(MEDIATION.name));
  return c.clock(MEDIATION.name);
};

/** The 45 WD run from acceptance; when they run out, mediation ends without agreement (no overdue alarm). */
export function startMediationPeriod(c: ComplaintContext, acceptedOn: IsoDate): StatutoryClock {
  return c.startClock(MEDIATION, acceptedOn, 'complaint_handler', { kind: 'mediation-end' });
}

/** The 45 WD ran out: mediation ends without agreement. */
export async function endMediationOnDue(c: ComplaintContext, e: ClockEvent) {
  if (c.mediation.status === 'ended') return; // ended by a command in the same activation
  await endMediation(
    c,
    SYSTEM_ACTOR,
    'no_agreement',
    e.dueOn,
    `调解期限届满 the ${MEDIATION.length} WD ran out`,
  );
}

/** Mediation ends: its period stops and the 7 WD to tell both parties begin. */
async function endMediation(
  c: ComplaintContext,
  actor: Actor,
  outcome: MediationOutcome,
  on: IsoDate,
  note?: string,
) {
  c.mediation = { ...c.mediation, status: 'ended', endedOn: on, outcome, endedBy: actor.id, note };
  c.outcome = outcome;
  c.stage = 'notification';
  (await mediationClock(c)).stop(on, `终止调解 mediation ended: ${outcome}`);
  const notice = c.startClock(PARTIES_NOTICE, on, 'complaint_handler');
  await c.record({
    actor,
    action: 'mediation.ended',
    details: { outcome, note, endedOn: on, noticeDueOn: notice.dueOn },
    closeTasks: [c.taskId(MEDIATE)],
    openTasks: [
      {
        id: c.taskId(NOTIFY_PARTIES),
        kind: NOTIFY_PARTIES,
        title: { zh: '告知双方终止调解', en: 'Tell both parties that mediation ended' },
        role: 'complaint_handler',
        dueOn: notice.dueOn ?? null,
      },
    ],
  });
}

export function registerMediationHandlers(c: ComplaintContext) {
  setHandler(
    startMediationUpdate,
    async ({ actor, command }) => {
      c.stage = 'mediation';
      c.mediation = { ...c.mediation, status: 'in_progress', startedOn: c.today() };
      await c.record({
        actor,
        action: 'mediation.started',
        details: { complainantConsents: true, respondentConsents: true, note: command.note },
      });
      return c.result();
    },
    {
      validator: ({ actor, command, ...signed }) =>
        c.refuse(unauthenticated(signed) ?? checkStartMediation(c.facts(), actor, command)),
    },
  );

  setHandler(
    pauseMediationUpdate,
    async ({ actor, command }) => {
      const from = c.today();
      c.mediation = { ...c.mediation, status: 'paused' };
      (await mediationClock(c)).pause({ from, reason: PAUSE_REASONS[command.reason], approvedBy: actor.id });
      await c.record({
        actor,
        action: 'mediation.paused',
        details: { reason: command.reason, note: command.note },
      });
      return c.result();
    },
    {
      validator: ({ actor, ...signed }) =>
        c.refuse(unauthenticated(signed) ?? checkPauseMediation(c.facts(), actor)),
    },
  );

  setHandler(
    resumeMediationUpdate,
    async ({ actor, command }) => {
      const on = c.today();
      c.mediation = { ...c.mediation, status: 'in_progress' };
      const clock = await mediationClock(c);
      clock.resume(on);
      await c.record({
        actor,
        action: 'mediation.resumed',
        details: { note: command.note, dueOn: clock.dueOn },
        // The task is due again, on the moved date.
        openTasks: [mediateTask(c, clock.dueOn)],
      });
      return c.result();
    },
    {
      validator: ({ actor, ...signed }) =>
        c.refuse(unauthenticated(signed) ?? checkResumeMediation(c.facts(), actor)),
    },
  );

  setHandler(
    endMediationUpdate,
    async ({ actor, command }) => {
      await endMediation(c, actor, command.outcome, c.today(), command.note);
      return c.result();
    },
    {
      validator: ({ actor, command, ...signed }) =>
        c.refuse(unauthenticated(signed) ?? checkEndMediation(c.facts(), actor, command)),
    },
  );
}

/** Accepted and mediating: until mediation ends, by a handler's update or by its period running out. */
export async function mediationStage(c: ComplaintContext): Promise<ComplaintStage> {
  await (await mediationClock(c)).run();
  return c.stage;
}
