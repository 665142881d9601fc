// Reporting rewards (docs/rules.md, "Reporting rewards"; 市场监管领域重大违法行为举报奖励暂行办法): the grade's
// percentage of fines and confiscations, a minimum paid even without a fine, a cap per case, and the finance
// department's part from ¥500,000.
import { describe, expect, it } from 'vitest';
import type { DecisionOutcome } from '../../schema/decision.js';
import type { RewardSettings } from '../../schema/rule-pack.js';
import { REWARD_DEFAULTS } from '../rules/packs/national.js';
import { computeReward, insiderRefusal, raiseForInsider } from './rewards.js';

const settings: RewardSettings = REWARD_DEFAULTS;
const yuan = (n: number) => n * 100;
const penalty = (
  ...penalties: Extract<DecisionOutcome, { kind: 'penalty' }>['penalties']
): DecisionOutcome => ({ kind: 'penalty', penalties });
const money = (fine: number, gains = 0) =>
  penalty(
    { kind: 'fine', amountFen: yuan(fine) },
    ...(gains ? [{ kind: 'confiscate_gains' as const, amountFen: yuan(gains) }] : []),
  );

describe('reporting rewards', () => {
  it('each grade: 5% / 3% / 1% of fines and confiscations together', () => {
    const outcome = money(800_000, 200_000); // ¥1,000,000 in all
    expect(computeReward(settings, 1, outcome)).toMatchObject({
      amountFen: yuan(50_000),
      basisFen: yuan(1_000_000),
      percent: 5,
      minimumApplied: false,
      capped: false,
      withFinance: false,
    });
    expect(computeReward(settings, 2, outcome).amountFen).toBe(yuan(30_000));
    expect(computeReward(settings, 3, outcome).amountFen).toBe(yuan(10_000));
    expect(computeReward(settings, 1, outcome).explanation[0]).toMatch(
      /1级.*¥1,000,000\.00 × 5% = ¥50,000\.00/,
    );
  });

  it('rounds down to the fen, also for a fractional percentage', () => {
    const odd = penalty({ kind: 'fine', amountFen: 33_333_333 }); // 1% = 333,333.33 fen
    expect(computeReward(settings, 3, odd).amountFen).toBe(333_333);
    const half: RewardSettings = {
      ...settings,
      grades: [{ percent: 2.5, minimumYuan: 0 }, ...settings.grades.slice(1)],
    };
    expect(computeReward(half, 1, penalty({ kind: 'fine', amountFen: 1_000_001 })).amountFen).toBe(25_000);
    expect(computeReward(half, 1, penalty({ kind: 'fine', amountFen: 1_000_040 })).amountFen).toBe(25_001);
  });

  it('at least the grade’s minimum, also without a fine', () => {
    for (const outcome of [
      { kind: 'no_penalty', ground: 'minor_corrected' } as DecisionOutcome,
      penalty({ kind: 'warning' }),
      penalty({ kind: 'business_suspension' }),
    ]) {
      const r = computeReward(settings, 1, outcome);
      expect(r).toMatchObject({ amountFen: yuan(5_000), basisFen: 0, minimumApplied: true, capped: false });
      expect(r.explanation.join('\n')).toMatch(/最低额/);
    }
    expect(computeReward(settings, 2, money(10_000)).amountFen).toBe(yuan(3_000));
    expect(computeReward(settings, 3, money(10_000))).toMatchObject({
      amountFen: yuan(1_000),
      minimumApplied: true,
    });
  });

  it('at most the cap per case', () => {
    const r = computeReward(settings, 1, money(30_000_000));
    expect(r).toMatchObject({ amountFen: yuan(1_000_000), capped: true, withFinance: true });
    expect(r.explanation.join('\n')).toMatch(/不超过 ¥1,000,000\.00/);
  });

  it('with the finance department from exactly ¥500,000', () => {
    expect(computeReward(settings, 1, money(10_000_000))).toMatchObject({
      amountFen: yuan(500_000),
      withFinance: true,
    });
    expect(computeReward(settings, 1, money(9_999_980))).toMatchObject({
      amountFen: yuan(499_999),
      withFinance: false,
    });
  });

  it('an insider’s reward is raised above the grade’s amount with the finance department, never above the cap', () => {
    const standard = computeReward(settings, 2, money(100_000)); // 3% = ¥3,000, the minimum
    expect(standard.amountFen).toBe(yuan(3_000));
    expect(insiderRefusal(settings, standard, yuan(3_000))).toBe('REWARD_INSIDER_NOT_HIGHER');
    expect(insiderRefusal(settings, standard, yuan(1_000_001))).toBe('REWARD_OVER_CAP');
    expect(insiderRefusal(settings, standard, yuan(1_000_000))).toBeUndefined();
    const raised = raiseForInsider(standard, yuan(20_000));
    expect(raised).toMatchObject({ amountFen: yuan(20_000), withFinance: true, grade: 2 });
    expect(raised.explanation.at(-1)).toMatch(/内部知情人员.*¥20,000\.00.*finance/);
  });
});
