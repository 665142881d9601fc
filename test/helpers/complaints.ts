// A complaint as the intake endpoint leaves it, for workflow tests and recordings: the submission with its
// (confidential) complainant in PostgreSQL, and the complaint workflow's input, which names only the submission.
import { NATIONAL_DEFAULTS } from '../../domain/rules/packs/national.js';
import type { Db } from '../../platform/db.js';
import type { ComplaintInput } from '../../schema/complaint.js';
import type { Actor } from '../../schema/roles.js';

export const INTAKE: Actor = {
  id: 'intake1',
  displayName: '陈静',
  roles: ['complaint_handler'],
  unitId: 'dc',
};

export async function registerComplaint(
  db: Db,
  o: {
    number: string;
    submissionId: string;
    receivedOn: string;
    complainantEmail: string;
    respondent?: ComplaintInput['respondent'];
    registeredBy?: Actor;
  },
): Promise<ComplaintInput> {
  const by = o.registeredBy ?? INTAKE;
  await db.submission.create({
    data: {
      id: o.submissionId,
      unitId: 'dc',
      kind: 'complaint',
      channel: '12315',
      submitterKey: `s:${o.submissionId}`,
      respondentKey: `r:${o.submissionId}`,
      subjectKey: `k:${o.submissionId}`,
      complaintNumber: o.number,
      repeatOf: [],
      receivedOn: o.receivedOn,
      createdBy: by.id,
      person: { create: { name: '投诉人甲', email: o.complainantEmail, realName: true } },
    },
  });
  return {
    complaintNumber: o.number,
    unitId: 'dc',
    submissionId: o.submissionId,
    channel: '12315',
    respondent: o.respondent ?? { kind: 'organisation', name: '演示电器有限公司' },
    subject: '电热水器',
    claim: '退货并退款',
    receivedOn: o.receivedOn,
    registeredBy: by,
    warnBefore: [...NATIONAL_DEFAULTS.reminders.warnBeforeWD],
    repeat: { count: 0, earlier: [] },
  };
}
