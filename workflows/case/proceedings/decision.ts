// 决定 and 送达 (docs/rules.md, decision and service). The head decides (or the heads, where collective discussion
// is required; its participants and minutes go with the decision): a penalty no heavier than the party was
// notified of, or no penalty with its ground. The decision gets its number, the case clock stops, and the officers
// serve it: on pronouncement, or within 7 WD when the party was absent (APL 61). Service is recorded as it
// happened; electronically only with the party's consent; by public notice it takes effect 30 CD after
// publication (CPL 95; a party's period, so it rolls over). A decision that will be published is served with the
// written notice of it (PUB 8). The served case then waits for what follows (payment, remedies, publicity).
import { NEW_DECISION_CLOCK } from '../execution/redecision.js';
import {
  checkDecide,
  checkEServiceConsent,
  checkServeDecision,
} from '../../../domain/case/proceedings-guards.js';
import { publishes } from '../../../domain/case/proceedings.js';
import { PUBLIC_NOTICE_SERVICE, SERVICE } from '../../../domain/rules/periods.js';
import { SYSTEM_ACTOR } from '../../../schema/roles.js';
import { yearOf, type IsoDate } from '../../../schema/values/dates.js';
import { acts } from '../../matter/matter-context.js';
import type { CaseContext } from '../context.js';
import { command, teamIds } from '../handler.js';
import { decideCaseUpdate, eServiceConsentUpdate, serveDecisionUpdate } from '../messages.js';
import type { Task } from './review.js';

/** The clock of a decision served by public notice, until it takes effect. */
const DECISION_PUBLIC = 'decision-public-notice';

export const decideTask = (c: CaseContext): Task => ({
  id: c.taskId('decide'),
  kind: 'decide',
  title: { zh: '作出行政处罚决定', en: 'decide the case' },
  role: 'agency_head',
  dueOn: c.caseClock()?.dueOn ?? null,
});

const serveTask = (c: CaseContext, dueOn: string | null): Task => ({
  id: c.taskId('serve-decision'),
  kind: 'serve-decision',
  title: { zh: '送达决定书', en: 'serve the decision' },
  role: 'case_officer',
  dueOn,
});

/** A decision served by public notice took effect: the case is served. */
export async function decisionEffective(c: CaseContext, on: IsoDate | undefined) {
  const s = c.proceedings?.service;
  if (!s || s.effectiveOn || !on) return;
  s.effectiveOn = on;
  c.stage = 'served';
  await c.record({
    actor: SYSTEM_ACTOR,
    action: 'decision.service_effective',
    details: { effectiveOn: on, rule: PUBLIC_NOTICE_SERVICE.rule },
  });
}

export function registerDecisionHandlers(c: CaseContext) {
  command(
    c,
    decideCaseUpdate,
    ({ actor, participants = [], command }) => checkDecide(c.facts(), actor, participants, command),
    async ({ actor, command }) => {
      const p = c.proceedings!;
      const on = c.today();
      const kind = command.outcome.kind === 'penalty' ? 'penalty_decision' : 'no_penalty_decision';
      // Claim the decision before the first await (a second one in the same activation is refused).
      c.stage = 'service';
      p.decision = {
        outcome: command.outcome,
        documentNumber: '',
        facts: command.facts,
        legalBasis: command.legalBasis,
        ...(command.correctiveOrder ? { correctiveOrder: command.correctiveOrder } : {}),
        decidedBy: command.collective ? command.collective.participants : [actor.id],
        on,
        collective: command.collective
          ? { heldOn: command.collective.heldOn, participants: command.collective.participants }
          : null,
        publish: publishes(command.outcome),
      };
      const decision = p.decision;
      decision.documentNumber = await acts.documentNumber({
        key: `${c.number}:${kind}:${p.round}`,
        unitId: c.input.unitId,
        kind,
        year: yearOf(on),
      });
      c.caseClock()?.stop(on, '已作出决定 decided');
      // A new decision ordered after an annulment: made.
      c.stopClock(NEW_DECISION_CLOCK, on, '已重新作出决定 decided');
      const service = c.spawnClock(SERVICE, on, 'case_officer');
      await c.record({
        actor,
        action: 'decision.made',
        details: {
          documentNumber: decision.documentNumber,
          outcome: command.outcome,
          legalBasis: command.legalBasis,
          facts: command.facts,
          ...(command.correctiveOrder ? { correctiveOrder: command.correctiveOrder } : {}),
          publish: decision.publish,
          collective: command.collective ?? null,
          serviceDueOn: service.dueOn,
        },
        closeTasks: [c.taskId('decide')],
        openTasks: [serveTask(c, service.dueOn ?? null)],
      });
    },
  );

  registerEServiceHandler(c);

  command(
    c,
    serveDecisionUpdate,
    ({ actor, team = [], command }) => checkServeDecision(c.facts(), actor, team, command),
    async (cmd) => {
      const p = c.proceedings!;
      const s = cmd.command.service;
      const byPublicNotice = s.method === 'public_notice';
      const together = {
        ...(cmd.command.creditRepairNotice ? { creditRepairNotice: true } : {}),
        ...(cmd.command.rightsExplained === false ? { rightsExplained: false } : {}),
      };
      p.service = {
        ...s,
        effectiveOn: byPublicNotice ? null : s.on,
        recordedBy: teamIds(c, cmd),
        ...together,
      };
      if (!byPublicNotice) c.stage = 'served';
      if (c.hasClock(SERVICE.name)) c.clock(SERVICE.name).stop(s.on, '已送达 served');
      const effect = byPublicNotice
        ? c.spawnClock({ ...PUBLIC_NOTICE_SERVICE, name: DECISION_PUBLIC }, s.on, 'case_officer', {
            kind: 'decision-effective',
          })
        : undefined;
      await c.record({
        actor: cmd.actor,
        action: 'decision.served',
        details: {
          method: s.method,
          on: s.on,
          receiver: s.receiver,
          effectiveOn: byPublicNotice ? null : s.on,
          ...(effect ? { publicNoticeEndsOn: effect.dueOn ?? null } : {}),
          publicityNotice: p.decision!.publish,
          ...together,
          officers: p.service.recordedBy,
        },
        closeTasks: [c.taskId('serve-decision')],
      });
    },
  );
}

/** The party's consent to electronic service, recorded in any phase from review to service. */
export function registerEServiceHandler(c: CaseContext) {
  command(
    c,
    eServiceConsentUpdate,
    ({ actor, team = [], command }) => checkEServiceConsent(c.facts(), actor, team, command.signedOn),
    async (cmd) => {
      c.proceedings!.eServiceConsent = { signedOn: cmd.command.signedOn, address: cmd.command.address };
      await c.record({
        actor: cmd.actor,
        action: 'service.consent_recorded',
        details: { signedOn: cmd.command.signedOn, officers: teamIds(c, cmd) },
      });
    },
  );
}
