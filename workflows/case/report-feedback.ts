// 举报处理结果告知 (CRM 31–32, docs/rules.md): a real-name reporter is told within 5 WD of the filing or
// not-filing decision. With an e-mail address the system tells them itself; otherwise the intake office does
// (by phone, letter or in person) and records it. The reporter is named only by the submission's reference:
// the address is looked up when the e-mail is sent and never enters this workflow (CRM 33).
import { REPORT_FEEDBACK } from '../../domain/rules/periods.js';
import { SYSTEM_ACTOR } from '../../schema/roles.js';
import type { CaseContext } from './context.js';
import { command } from './handler.js';
import { recordReportFeedbackUpdate } from './messages.js';

const TASK = 'report-feedback';
const TITLE = { zh: '告知实名举报人处理结果', en: 'tell the reporter the filing decision' };

const manualTask = (c: CaseContext, dueOn: string | undefined) => ({
  id: c.taskId(TASK),
  kind: TASK,
  title: TITLE,
  role: 'complaint_handler',
  dueOn: dueOn ?? null,
});

export async function startReportFeedback(c: CaseContext, filed: boolean): Promise<void> {
  const report = c.report!;
  const today = c.today();
  const clock = c.spawnClock(REPORT_FEEDBACK, today, 'complaint_handler');
  if (!c.input.report?.hasEmail) {
    await c.record({
      actor: SYSTEM_ACTOR,
      action: 'report.feedback_due',
      details: { dueOn: clock.dueOn },
      openTasks: [manualTask(c, clock.dueOn)],
    });
    return;
  }
  // Claimed at once, so a manual record is refused meanwhile. The e-mail goes out without holding up the
  // decision (it retries until sent, across runs and phases); once it is sent, feedbackSent records it.
  report.feedback = { on: today, by: SYSTEM_ACTOR.id, channel: 'email' };
  c.send({
    key: `${c.number}:report-feedback`,
    caseNumber: c.number,
    kind: REPORT_MAIL,
    audience: { submitterOf: report.submissionId },
    subject: `您的举报已处理 / Your report has been handled (${c.number})`,
    text: [
      `您举报的线索已于 ${today} ${filed ? '立案调查' : '决定不予立案'}。`,
      `The matter you reported was ${filed ? 'filed for investigation' : 'not filed'} on ${today}.`,
      `编号 Reference: ${c.number}`,
    ].join('\n'),
  });
}

/** The e-mail kind that tells a reporter. */
export const REPORT_MAIL = 'report.feedback';

/** The reporter's e-mail was sent: the period stops and the step is recorded. */
export async function feedbackSent(c: CaseContext): Promise<void> {
  if (c.hasClock(REPORT_FEEDBACK.name)) {
    const clock = c.clock(REPORT_FEEDBACK.name);
    if (!clock.stopped) clock.stop(c.today(), '已告知 reporter told');
  }
  await c.record({ actor: SYSTEM_ACTOR, action: 'report.feedback_sent', details: { channel: 'email' } });
}

/** The mail server refused the reporter's address for good: the claim on the feedback is released, and the
 * intake office gets the task of telling the reporter another way, within the same 5 WD. */
export async function feedbackRejected(c: CaseContext): Promise<void> {
  if (c.report?.feedback?.channel !== 'email') return;
  c.report.feedback = null;
  const clock = c.hasClock(REPORT_FEEDBACK.name) ? c.clock(REPORT_FEEDBACK.name) : undefined;
  await c.record({
    actor: SYSTEM_ACTOR,
    action: 'report.feedback_email_rejected',
    details: { dueOn: clock?.dueOn ?? null },
    openTasks: [manualTask(c, clock?.dueOn)],
  });
}

export function registerReportFeedbackHandler(c: CaseContext) {
  command(
    c,
    recordReportFeedbackUpdate,
    ({ actor }) => {
      if (!actor.roles.includes('complaint_handler'))
        return { code: 'FORBIDDEN_ROLE', detail: 'complaint_handler' };
      if (actor.unitId !== c.unitId) return { code: 'FORBIDDEN_UNIT' };
      return c.report && !c.report.feedback && c.hasClock(REPORT_FEEDBACK.name)
        ? undefined
        : { code: 'STAGE_NOT_ALLOWED', detail: 'no feedback due' };
    },
    async ({ actor, command }) => {
      c.report!.feedback = { on: c.today(), by: actor.id, channel: command.channel };
      c.clock(REPORT_FEEDBACK.name).stop(c.today(), '已告知 reporter told');
      await c.record({
        actor,
        action: 'report.feedback_recorded',
        details: { channel: command.channel },
        closeTasks: [c.taskId(TASK)],
      });
    },
  );
}
