// 听证 (docs/rules.md, hearing; APL 63–65). The party asked for a hearing in time; the officers serve the hearing
// notice at least 7 WD before the hearing (an earlier date is refused), with a chair who never investigated the
// case. The hearing may be postponed (a new notice, again 7 WD ahead). Held, its record and report go into the
// case; if the party does not come, it has waived the hearing. Either way the head decides next. From the request
// until then the case clock is paused (the hearing is not counted).
import {
  checkPostponeHearing,
  checkRecordHearing,
  checkScheduleHearing,
} from '../../../domain/case/proceedings-guards.js';
import { HEARING_NOTICE } from '../../../domain/rules/periods.js';
import type { CaseContext } from '../context.js';
import { command, teamIds } from '../handler.js';
import { postponeHearingUpdate, recordHearingUpdate, scheduleHearingUpdate } from '../messages.js';
import { decideTask } from './decision.js';
import { HEARING_PAUSE } from './notice.js';
import type { Task } from './review.js';

const holdHearingTask = (c: CaseContext, chairId: string, on: string): Task => ({
  id: c.taskId('hold-hearing'),
  kind: 'hold-hearing',
  title: { zh: '主持听证', en: 'chair the hearing' },
  role: 'legal_reviewer',
  assignees: [chairId],
  dueOn: on,
});

const hearing = (c: CaseContext) => c.proceedings!.hearing!;

export function registerHearingHandlers(c: CaseContext) {
  command(
    c,
    scheduleHearingUpdate,
    ({ actor, team = [], chair, command }) => checkScheduleHearing(c.facts(), actor, team, chair, command),
    async (cmd) => {
      const h = hearing(c);
      const d = cmd.command;
      const by = teamIds(c, cmd);
      h.chairId = d.chairId;
      h.hearingOn = d.hearingOn;
      h.place = d.place;
      h.public = d.public;
      h.notices.push({ ...d.notice, effectiveOn: d.notice.on, recordedBy: by });
      await c.record({
        actor: cmd.actor,
        action: 'hearing.scheduled',
        details: {
          chairId: d.chairId,
          hearingOn: d.hearingOn,
          place: d.place,
          public: d.public,
          noticeOn: d.notice.on,
          noticeMethod: d.notice.method,
          earliest: c.dueOf(HEARING_NOTICE, d.notice.on),
          rule: HEARING_NOTICE.rule,
          officers: by,
        },
        closeTasks: [c.taskId('schedule-hearing')],
        openTasks: [holdHearingTask(c, d.chairId, d.hearingOn)],
      });
    },
  );

  command(
    c,
    postponeHearingUpdate,
    ({ actor, team = [], command }) => checkPostponeHearing(c.facts(), actor, team, command),
    async (cmd) => {
      const h = hearing(c);
      const d = cmd.command;
      const by = teamIds(c, cmd);
      h.postponements.push({
        from: h.hearingOn!,
        to: d.hearingOn,
        reason: d.reason,
        requestedBy: d.requestedBy,
      });
      h.notices.push({ ...d.notice, effectiveOn: d.notice.on, recordedBy: by });
      h.hearingOn = d.hearingOn;
      await c.record({
        actor: cmd.actor,
        action: 'hearing.postponed',
        details: {
          hearingOn: d.hearingOn,
          reason: d.reason,
          requestedBy: d.requestedBy,
          noticeOn: d.notice.on,
          officers: by,
        },
        openTasks: [holdHearingTask(c, h.chairId!, d.hearingOn)],
      });
    },
  );

  command(
    c,
    recordHearingUpdate,
    ({ actor, team = [], command }) => checkRecordHearing(c.facts(), actor, team, command),
    async (cmd) => {
      const h = hearing(c);
      const d = cmd.command;
      const on = d.outcome === 'held' ? d.heldOn : d.on;
      h.outcome = d.outcome;
      h.heldOn = on;
      c.stage = 'decision';
      c.caseClock()?.release(HEARING_PAUSE, on);
      const by = teamIds(c, cmd);
      await c.record(
        d.outcome === 'held'
          ? {
              actor: cmd.actor,
              action: 'hearing.held',
              details: {
                heldOn: on,
                chairId: h.chairId!,
                partyAgents: d.partyAgents,
                record: d.record,
                report: d.report,
                officers: by,
              },
              closeTasks: [c.taskId('hold-hearing')],
              openTasks: [decideTask(c)],
            }
          : {
              actor: cmd.actor,
              action: 'hearing.no_show',
              details: { on, note: d.note, officers: by },
              closeTasks: [c.taskId('hold-hearing')],
              openTasks: [decideTask(c)],
            },
      );
    },
  );
}
