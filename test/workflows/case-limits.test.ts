// A case's size is bounded (domain/case/limits.ts): commands that add to it are refused with CASE_TOO_LARGE once
// its data reaches the budget, long before Temporal's payload limit would terminate the workflow; commands that
// move the case on still work. (Before, one officer could grow a case until the server terminated it.)
import { describe, expect, it } from 'vitest';
import { GROWING_COMMANDS } from '../../domain/case/limits.js';
import * as M from '../../workflows/case/messages.js';
import { officer1, ref, team, TEAM_IDS, useCaseHarness } from '../helpers/case-harness.js';
import { proposal } from '../helpers/cases.js';

describe('case size limits', () => {
  const { startCase } = useCaseHarness('limits');

  it('refuses evidence once the case has reached its data budget, and the case can still be concluded', async () => {
    const { worker, file, send } = await startCase({ input: { dataBudgetBytes: 40_000 } });
    await worker.runUntil(async () => {
      await file();
      const evidence = (i: number) =>
        send(M.recordEvidenceUpdate, {
          actor: officer1,
          team,
          command: {
            officers: TEAM_IDS,
            type: 'documentary',
            description: `第${i}份书证：${'证据摘要内容'.repeat(600)}`,
            collectedAt: new Date().toISOString(),
            place: '当事人经营场所',
            attachments: [],
          },
        });
      let accepted = 0;
      let refusal: unknown;
      for (let i = 1; i <= 40 && !refusal; i++)
        await evidence(i).then(
          () => accepted++,
          (err: unknown) => (refusal = err),
        );
      // Each description is about 10 kB of UTF-8: a few fit, then the budget is reached.
      expect(accepted).toBeGreaterThanOrEqual(3);
      expect(accepted).toBeLessThan(10);
      expect(refusal).toMatchObject({ cause: { type: 'CASE_TOO_LARGE' } });
      const review = await send(M.concludeInvestigationUpdate, {
        actor: officer1,
        team,
        reviewer: ref('reviewer1', ['legal_reviewer'], 'dc', null),
        command: {
          officers: TEAM_IDS,
          reviewerId: 'reviewer1',
          report: '调查终结报告',
          proposal: proposal(),
        },
      });
      expect(review.stage).toBe('review');
      expect(review.investigation.evidence).toHaveLength(accepted);
    });
  });

  it('names every command that adds to a case, and only existing ones', () => {
    const names = new Set(M.CASE_COMMANDS.map((d) => d.name));
    for (const n of GROWING_COMMANDS) expect(names.has(n), n).toBe(true);
  });
});
