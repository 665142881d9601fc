// The case as phases (time-skipping server, PostgreSQL, SMTP): each phase is a child workflow of the case's
// workflow with a deterministic ID, handed the case as data; a phase that continues as new in its middle keeps
// the case whole (its clocks, their pauses and fired warnings, its tasks).
import { describe, expect, it } from 'vitest';
import { builtinCalendar } from '../../services/calendar/builtin.js';
import { computeClock, pauseClock, resumeClock, startClock } from '../../domain/clock/clock.js';
import { CASE_DECISION } from '../../domain/rules/periods.js';
import * as M from '../../workflows/case/messages.js';
import { eventually } from '../helpers/eventually.js';
import { clockOf, DAY, head, officer1, team, TEAM_IDS, useCaseHarness } from '../helpers/case-harness.js';

const { h, startCase, actions } = useCaseHarness('phases');
const cal = builtinCalendar();
/** 1 if the investigation phase's latest run continues an earlier one. */
async function continuedRuns(caseNumber: string) {
  const history = await h.env.client.workflow.getHandle(`${caseNumber}:investigation`).fetchHistory();
  return history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId ? 1 : 0;
}
const cmd = <T>(command: T) => ({ actor: officer1, team, command });

describe('a case as phases', () => {
  it('runs each phase as a child workflow named after the case; the case workflow ends with the last', async () => {
    const { worker, caseNumber, file, send, handle } = await startCase();
    await worker.runUntil(async () => {
      await file();
      await send(
        M.requestTerminationUpdate,
        cmd({ officers: TEAM_IDS, ground: 'entity_dissolved', explanation: '违法事实不能成立' }),
      );
      await send(M.decideApprovalUpdate, {
        actor: head,
        command: { approvalId: 'A1', approve: true, note: '同意' },
      });
      expect(await handle.result()).toMatchObject({ stage: 'closed', outcome: { kind: 'terminated' } });
    });
    const c = h.env.client.workflow;
    const described = await Promise.all(
      ['filing', 'investigation'].map((p) => c.getHandle(`${caseNumber}:${p}`).describe()),
    );
    expect(described.map((d) => [d.type, d.status.name])).toEqual([
      ['caseFiling', 'COMPLETED'],
      ['caseInvestigation', 'COMPLETED'],
    ]);
    // Phases the case never reached were never started.
    await expect(c.getHandle(`${caseNumber}:review`).describe()).rejects.toThrow();
    // Termination closed every task the case had open.
    expect(await h.tdb.db.task.findMany({ where: { caseNumber, status: 'open' } })).toEqual([]);
  });

  it('a phase continuing as new in its middle keeps its clocks, pauses, warnings and tasks', async () => {
    // A budget of 3 steps per run: the investigation continues as new several times below.
    const { worker, caseNumber, file, send, view, handle } = await startCase({ input: { stepsPerRun: 3 } });
    await worker.runUntil(async () => {
      const filedOn = (await file()).filing.decision!.on;
      await send(
        M.startTestingUpdate,
        cmd({ officers: TEAM_IDS, kind: 'testing', description: '送检', seizureIds: [] }),
      );
      const request = {
        args: [cmd({ officers: TEAM_IDS, office: '某区市场监督管理局', matter: '协查' })] as const,
        updateId: `${caseNumber}:assistance-request`,
      };
      const asked = await handle.executeUpdate(M.requestAssistanceUpdate, {
        ...request,
        args: [...request.args],
      });
      // The third step spent the run's budget: the phase continues as new (waited for here, so the next command
      // does not race the hand-over on the time-skipping server, which then stops skipping time).
      await eventually(async () => expect(await continuedRuns(caseNumber)).toBe(1));
      // The same request retried (same Update ID) reaches the new run: the same answer, applied once.
      expect(
        await handle.executeUpdate(M.requestAssistanceUpdate, { ...request, args: [...request.args] }),
      ).toEqual(asked);
      expect((await view()).investigation.assistance).toHaveLength(1);
      await send(
        M.recordEvidenceUpdate,
        cmd({
          officers: TEAM_IDS,
          type: 'documentary',
          description: '进货单据',
          collectedAt: new Date(await h.env.currentTimeMs()).toISOString(),
          place: '经营场所',
          attachments: [],
        }),
      );
      const paused = await view();
      expect(clockOf(paused, 'case').status).toBe('paused');
      await h.env.sleep(10 * DAY);
      const finished = await send(
        M.finishTestingUpdate,
        cmd({ officers: TEAM_IDS, testingId: 'T1', result: '不合格' }),
      );
      const testing = finished.investigation.testing[0]!;
      // The due date moved by the days the test took, across the runs in between.
      const expected = computeClock(
        cal,
        resumeClock(
          pauseClock(startClock(CASE_DECISION, filedOn, [3, 1]), {
            from: testing.startedOn,
            reason: 'x',
            approvedBy: 'x',
          }),
          testing.finishedOn!,
        ),
      ).dueOn;
      expect(clockOf(finished, 'case')).toMatchObject({ status: 'running', dueOn: expected });
      expect(clockOf(finished, 'case').pauses).toHaveLength(1);
      // The assistance request's 15 WD ran out in an earlier run: one overdue notice, never repeated.
      await h.env.sleep(30 * DAY);
      await send(
        M.recordEvidenceUpdate,
        cmd({
          officers: TEAM_IDS,
          type: 'physical',
          description: '样品',
          collectedAt: new Date(await h.env.currentTimeMs()).toISOString(),
          place: '经营场所',
          attachments: [],
        }),
      );
      expect(clockOf(await view(), 'assistance-H1').status).toBe('overdue');
    });
    // The investigation phase's run now is a continuation (continue-as-new) of an earlier one.
    expect(await continuedRuns(caseNumber)).toBe(1);
    // The audit trail has no gap and no step twice across the runs; the overdue warning fired once.
    const seqs = (await h.tdb.db.auditEntry.findMany({ where: { caseNumber }, orderBy: { seq: 'asc' } })).map(
      (a) => a.seq,
    );
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    const trail = await actions(caseNumber);
    expect(trail.filter((a) => a === 'deadline.overdue')).toHaveLength(1);
    const overdue = (await h.smtp.inbox()).filter(
      (m) => m.subject?.includes(caseNumber) && m.subject.includes('逾期'),
    );
    expect(overdue).toHaveLength(1);
    // The officers' task is still open, with the case clock's due date.
    const task = await h.tdb.db.task.findUniqueOrThrow({ where: { id: `${caseNumber}:investigate` } });
    expect(task.status).toBe('open');
  });
});
