// 调查取证 (docs/rules.md): evidence records, testing/appraisal that pauses the case clock, and assistance
// requests to other offices (15 WD). Every step is taken by at least two certified officers (APL 42).
import {
  checkAssistanceReply,
  checkFinishTesting,
  checkInvestigationStep,
  checkStartTesting,
} from '../../../domain/case/guards.js';
import { ASSISTANCE_REPLY } from '../../../domain/rules/periods.js';
import type { CaseContext } from '../context.js';
import { command, teamIds } from '../handler.js';
import {
  finishTestingUpdate,
  recordAssistanceReplyUpdate,
  recordEvidenceUpdate,
  requestAssistanceUpdate,
  startTestingUpdate,
} from '../messages.js';

export function registerEvidenceHandlers(c: CaseContext) {
  command(
    c,
    recordEvidenceUpdate,
    ({ actor, team = [] }) => checkInvestigationStep(c.facts(), actor, team),
    async (cmd) => {
      const e = cmd.command;
      const id = `${c.number}:E${c.investigation.evidence.length + 1}`;
      const by = teamIds(c, cmd);
      c.investigation.evidence.push({
        id,
        type: e.type,
        description: e.description,
        collectedAt: e.collectedAt,
      });
      await c.record({
        actor: cmd.actor,
        action: 'evidence.recorded',
        details: {
          evidenceId: id,
          type: e.type,
          officers: by,
          attachments: e.attachments.map((a) => a.sha256),
        },
        evidence: [
          {
            id,
            type: e.type,
            description: e.description,
            collectedAt: e.collectedAt,
            place: e.place,
            collectedBy: by,
            attachments: e.attachments,
          },
        ],
      });
    },
  );

  command(
    c,
    startTestingUpdate,
    ({ actor, team = [], command }) => checkStartTesting(c.facts(), actor, team, command),
    async (cmd) => {
      const t = cmd.command;
      const id = `T${c.investigation.testing.length + 1}`;
      const from = t.on ?? c.today();
      const by = teamIds(c, cmd);
      c.investigation.testing.push({
        id,
        kind: t.kind,
        description: t.description,
        startedOn: from,
        seizureIds: t.seizureIds,
      });
      const pause = { from, reason: `${t.kind} ${id}`, approvedBy: by.join('+') };
      for (const clock of c.pausableClocks()) clock.hold(`testing:${id}`, pause);
      for (const s of t.seizureIds) c.clock(`seizure-${s}`).hold(`testing:${id}`, pause);
      await c.record({
        actor: cmd.actor,
        action: 'testing.started',
        details: {
          testingId: id,
          kind: t.kind,
          description: t.description,
          on: from,
          seizureIds: t.seizureIds,
          officers: by,
        },
      });
    },
  );

  command(
    c,
    finishTestingUpdate,
    ({ actor, team = [], command }) => checkFinishTesting(c.facts(), actor, team, command),
    async (cmd) => {
      const t = c.investigation.testing.find((x) => x.id === cmd.command.testingId)!;
      const today = cmd.command.on ?? c.today();
      t.finishedOn = today;
      t.result = cmd.command.result;
      for (const clock of c.runningClocks()) clock.release(`testing:${t.id}`, today);
      await c.record({
        actor: cmd.actor,
        action: 'testing.finished',
        details: { testingId: t.id, result: cmd.command.result, on: today, officers: teamIds(c, cmd) },
      });
    },
  );

  command(
    c,
    requestAssistanceUpdate,
    ({ actor, team = [] }) => checkInvestigationStep(c.facts(), actor, team),
    async (cmd) => {
      const id = `H${c.investigation.assistance.length + 1}`;
      const name = `assistance-${id}`;
      const today = c.today();
      c.investigation.assistance.push({
        id,
        office: cmd.command.office,
        matter: cmd.command.matter,
        requestedOn: today,
        clock: name,
      });
      const clock = c.spawnClock({ ...ASSISTANCE_REPLY, name }, today, 'case_officer');
      await c.record({
        actor: cmd.actor,
        action: 'assistance.requested',
        details: {
          assistanceId: id,
          office: cmd.command.office,
          matter: cmd.command.matter,
          dueOn: clock.dueOn,
          officers: teamIds(c, cmd),
        },
      });
    },
  );

  command(
    c,
    recordAssistanceReplyUpdate,
    ({ actor, team = [], command }) => checkAssistanceReply(c.facts(), actor, team, command),
    async (cmd) => {
      const a = c.investigation.assistance.find((x) => x.id === cmd.command.assistanceId)!;
      a.reply = cmd.command.summary;
      c.clock(a.clock).stop(c.today(), '已回复 replied');
      await c.record({
        actor: cmd.actor,
        action: 'assistance.replied',
        details: { assistanceId: a.id, summary: cmd.command.summary, officers: teamIds(c, cmd) },
      });
    },
  );
}
