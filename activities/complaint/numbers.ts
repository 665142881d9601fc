// Numbers for what a complaint starts: the case a violation found in it becomes (CRM 23), and the complaint
// that continues at the competent office after a transfer (CRM 36–37). Each is allocated with an idempotency key
// derived from the complaint, so a retried activity returns the same number; the workflow then starts the child.
import { ApplicationFailure } from '@temporalio/activity';
import { allocateCaseNumber, requestHash } from '../../services/case-numbers.js';
import { resolveRulePack } from '../../services/rule-packs.js';
import { yearOf } from '../../schema/values/dates.js';
import type { Db } from '../../platform/db.js';
import type { RegisterClue } from '../../schema/case.js';
import { COMPLAINT_SERIES } from '../../schema/complaint.js';
import { AppError } from '../../schema/errors.js';
import type { ResolvedRulePack } from '../../schema/rule-pack.js';

/** A service's refusal (a reused key, an invalid pack) will not change on a retry: fail without retrying. */
async function refusalsFinal<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof AppError) throw ApplicationFailure.nonRetryable(err.message, err.code);
    throw err;
  }
}

export interface ViolationCaseRequest {
  complaintNumber: string;
  /** The complaint's n-th violation report. */
  n: number;
  unitId: string;
  today: string;
  clue: RegisterClue;
}

export function allocateViolationCaseActivity(db: Db) {
  return async function allocateViolationCase(
    req: ViolationCaseRequest,
  ): Promise<{ caseNumber: string; rulePack: ResolvedRulePack }> {
    return refusalsFinal(async () => {
      const { caseNumber } = await allocateCaseNumber(db, {
        idempotencyKey: `${req.complaintNumber}:violation:${req.n}`,
        unitId: req.unitId,
        year: yearOf(req.today),
        requestHash: requestHash(req.clue),
      });
      return { caseNumber, rulePack: await resolveRulePack(db, req.unitId) };
    });
  };
}

export interface TransferRequest {
  fromNumber: string;
  submissionId: string;
  toUnitId: string;
  today: string;
}

export function transferComplaintActivity(db: Db) {
  return async function transferComplaint(
    req: TransferRequest,
  ): Promise<{ complaintNumber: string; warnBefore: number[]; rulePack: string }> {
    if (!(await db.unit.findUnique({ where: { id: req.toUnitId } })))
      throw ApplicationFailure.nonRetryable(`no unit ${req.toUnitId}`, 'TRANSFER_TARGET_INVALID');
    const { caseNumber: complaintNumber } = await refusalsFinal(() =>
      allocateCaseNumber(db, {
        idempotencyKey: `${req.fromNumber}:transfer`,
        unitId: req.toUnitId,
        year: yearOf(req.today),
        requestHash: requestHash({ toUnitId: req.toUnitId, submissionId: req.submissionId }),
        series: COMPLAINT_SERIES,
      }),
    );
    // The submission now belongs to the competent office: its handlers, not ours, may read the identity.
    await db.submission.updateMany({
      where: { id: req.submissionId },
      data: { unitId: req.toUnitId, complaintNumber },
    });
    const pack = await refusalsFinal(() => resolveRulePack(db, req.toUnitId));
    return { complaintNumber, warnBefore: [...pack.content.reminders.warnBeforeWD], rulePack: pack.ref };
  };
}
