// The side paths of a case on the time-skipping server, with real PostgreSQL and SMTP: the transfer of a
// suspected crime (RULES.md §14), the simplified procedure (§4), the limitation check and the no-penalty
// route through the rule pack's exemption lists (§2).
import { describe, expect, it } from 'vitest';
import { addYears } from '../../domain/calendar/dates.js';
import { NATIONAL_DEFAULTS } from '../../domain/rules/packs/national.js';
import type { RecordTransferStep } from '../../schema/investigation.js';
import * as M from '../../workflows/case/messages.js';
import { DAY, head, officer1, team, TEAM_IDS, useCaseHarness } from '../helpers/case-harness.js';
import { eventually } from '../helpers/eventually.js';

const { h, startCase, actions } = useCaseHarness('side');

describe('side paths of a case (time-skipping server, PostgreSQL, SMTP)', () => {
  it('criminal transfer: refusal, reconsideration, acceptance; no on-the-spot penalty meanwhile; the case closes', async () => {
    const { worker, handle, caseNumber, send } = await startCase();
    await worker.runUntil(async () => {
      const step = (command: Parameters<typeof send<RecordTransferStep>>[1]['command']) =>
        send(M.recordTransferStepUpdate, { actor: officer1, team, command });
      const o = TEAM_IDS;
      const proposed = await send(M.proposeTransferUpdate, {
        actor: officer1,
        team,
        command: { officers: o, suspectedOffence: '生产、销售伪劣产品罪', facts: '涉案货值金额逾五万元' },
      });
      expect(proposed.investigation.transfer).toMatchObject({ status: 'proposed' });
      // While the transfer stands, the clue cannot be declined instead.
      await expect(
        send(M.decideFilingUpdate, {
          actor: head,
          command: { decision: 'decline', reasons: '情节轻微', ground: 'other' },
        }),
      ).rejects.toMatchObject({ cause: { type: 'TRANSFER_STEP_NOT_ALLOWED' } });
      expect(proposed.clocks.map((c) => c.name)).toContain('transfer-approval-A1');
      await expect(
        send(M.onTheSpotDecisionUpdate, {
          actor: officer1,
          team,
          command: {
            officers: o,
            formNumber: 'JY-0001',
            penalty: { kind: 'warning' },
            facts: '事实清楚',
            legalBasis: '某法某条',
          },
        }),
      ).rejects.toMatchObject({ cause: { type: 'PENALTY_BARRED_BY_TRANSFER' } });
      await expect(
        step({ step: 'handed_over', officers: o, policeOffice: '区公安分局', note: '移送' }),
      ).rejects.toMatchObject({
        cause: { type: 'TRANSFER_STEP_NOT_ALLOWED' },
      });
      await send(M.decideApprovalUpdate, {
        actor: head,
        command: { approvalId: 'A1', approve: true, note: '批准移送' },
      });
      await step({ step: 'handed_over', officers: o, policeOffice: '区公安分局', note: '已移送案卷' });
      const refused = await step({ step: 'police_decision', officers: o, accepted: false, note: '不予立案' });
      expect(refused.investigation.transfer!.status).toBe('refused');
      await step({ step: 'reconsideration_requested', officers: o, note: '提请复议' });
      const done = await step({
        step: 'reconsideration_answer',
        officers: o,
        accepted: true,
        note: '复议后立案',
      });
      expect(done).toMatchObject({ stage: 'closed', outcome: { kind: 'transferred_to_police' } });
      expect(await handle.result()).toMatchObject({ status: 'closed' });
    });
    expect(await actions(caseNumber)).toEqual(
      expect.arrayContaining([
        'transfer.proposed',
        'transfer.approved',
        'transfer.handed_over',
        'transfer.police_decision',
        'case.transferred_to_police',
      ]),
    );
  });

  it('an unused window to contest a refusal lapses: the case returns to administrative handling', async () => {
    const { worker, file, send, view } = await startCase();
    await worker.runUntil(async () => {
      await file();
      const o = TEAM_IDS;
      await send(M.proposeTransferUpdate, {
        actor: officer1,
        team,
        command: { officers: o, suspectedOffence: '涉嫌犯罪', facts: '事实' },
      });
      await send(M.decideApprovalUpdate, {
        actor: head,
        command: { approvalId: 'A1', approve: true, note: '批准' },
      });
      const step = (command: RecordTransferStep) =>
        send(M.recordTransferStepUpdate, { actor: officer1, team, command });
      await step({ step: 'handed_over', officers: o, policeOffice: '公安分局', note: '移送' });
      await step({ step: 'police_decision', officers: o, accepted: false, note: '不予立案' });
      await h.env.sleep(10 * DAY);
      await eventually(async () => expect((await view()).investigation.transfer!.status).toBe('returned'));
      expect((await view()).stage).toBe('investigation');
    });
  });

  it('simplified procedure within the limits closes the case unpublished; above the limit it is refused', async () => {
    const person = await startCase({ clue: { respondent: { kind: 'natural_person', name: '张某' } } });
    const o = TEAM_IDS;
    const decide = (c: typeof person, amount: number) =>
      c.send(M.onTheSpotDecisionUpdate, {
        actor: officer1,
        team,
        command: {
          officers: o,
          formNumber: `JY-${amount}`,
          penalty: { kind: 'fine', amount },
          facts: '事实清楚',
          legalBasis: '依据',
        },
      });
    const limits = NATIONAL_DEFAULTS.thresholds.simplifiedFineMax;
    await person.worker.runUntil(async () => {
      await expect(decide(person, limits.naturalPerson + 1)).rejects.toMatchObject({
        cause: { type: 'SIMPLIFIED_OVER_LIMIT' },
      });
      const done = await decide(person, limits.naturalPerson);
      expect(done.outcome).toMatchObject({
        kind: 'simplified_penalty',
        publish: false,
        penalty: { amount: limits.naturalPerson },
      });
      await person.handle.result();
    });
    // One case at a time: a started workflow without a running worker holds the test server's clock.
    const org = await startCase();
    await org.worker.runUntil(async () => {
      await expect(decide(org, limits.organisation + 1)).rejects.toMatchObject({
        cause: { type: 'SIMPLIFIED_OVER_LIMIT' },
      });
      expect((await decide(org, limits.organisation)).stage).toBe('closed');
    });
    expect(await actions(person.caseNumber)).toEqual(['clue.registered', 'simplified.decided']);
  });

  it('limitation: an expired clue is filed only with the head’s reason; not filing on an exemption cites the rule pack', async () => {
    const cur = await startCase();
    const violationEndedOn = addYears(cur.today, -3);
    const old = await startCase({ clue: { violationEndedOn } });
    await old.worker.runUntil(async () => {
      const v = await eventually(async () => {
        const x = await old.view();
        expect(x.filing.limitation).toBeTruthy();
        return x;
      });
      expect(v.filing.limitation).toMatchObject({
        expired: true,
        years: 2,
        expiresOn: addYears(violationEndedOn, 2),
      });
      await expect(old.file()).rejects.toMatchObject({ cause: { type: 'LIMITATION_EXPIRED' } });
      const filed = await old.send(M.decideFilingUpdate, {
        actor: head,
        command: {
          decision: 'file',
          reasons: '违法行为持续至今',
          limitationOverride: '连续状态至发现时仍未终了',
        },
      });
      expect(filed.stage).toBe('investigation');
    });
    const pack = {
      ref: 'national@1+prv@1',
      content: {
        ...NATIONAL_DEFAULTS,
        exemptionLists: [
          {
            id: 'prv-first',
            kind: 'first_violation' as const,
            title: { zh: '示例首违不罚清单', en: 'example first-violation list' },
            source: '示例 example',
            items: [{ id: 'ad-1', text: '示例条目 example item' }],
          },
        ],
      },
    };
    const exempt = await startCase({ input: { rulePack: pack } });
    await exempt.worker.runUntil(async () => {
      const decline = (itemId: string) =>
        exempt.send(M.decideFilingUpdate, {
          actor: head,
          command: {
            decision: 'decline',
            reasons: '首次违法且及时改正',
            ground: 'first_violation',
            exemption: { listId: 'prv-first', itemId },
          },
        });
      await expect(decline('nope')).rejects.toMatchObject({ cause: { type: 'EXEMPTION_UNKNOWN' } });
      const done = await decline('ad-1');
      expect(done).toMatchObject({
        stage: 'closed',
        rulePack: 'national@1+prv@1',
        outcome: { kind: 'not_filed', ground: 'first_violation' },
      });
    });
    await cur.handle.terminate();
    const row = await h.tdb.db.case.findUniqueOrThrow({ where: { number: exempt.caseNumber } });
    expect(row.rulePack).toBe('national@1+prv@1');
  });
});
