// Rewards for reporting major violations (举报奖励; docs/rules.md, "Reporting rewards"). Pure: the amount for a
// grade of report from the decision's fines and confiscations, as the rule pack's reward settings say
// (市场监管领域重大违法行为举报奖励暂行办法). Amounts are integer fen.
import type { DecisionOutcome } from '../../schema/decision.js';
import type { RewardSettings } from '../../schema/rule-pack.js';
import { monetaryTotalFen } from './proceedings.js';
import { formatYuan } from './surcharge.js';

const FEN_PER_YUAN = 100;
/** Percentages are taken to 1/10,000 of a percent, in integers, so that no float rounding decides a fen. */
const PERCENT_SCALE = 10_000;

export type RewardGrade = 1 | 2 | 3;

export interface RewardResult {
  amountFen: number;
  grade: RewardGrade;
  /** Fines and confiscations of the decision, in fen (0 for no penalty or a penalty without money). */
  basisFen: number;
  percent: number;
  minimumApplied: boolean;
  capped: boolean;
  /** Decided together with the finance department. */
  withFinance: boolean;
  explanation: string[];
}

/**
 * The reward for a report of grade 1, 2 or 3 (市场监管领域重大违法行为举报奖励暂行办法): the grade's percentage of
 * the fines and confiscations, rounded down to the fen, but at least the grade's minimum (paid even without a
 * fine) and at most the cap per case. From the finance amount on, it is decided with the finance department.
 */
export function computeReward(
  settings: RewardSettings,
  grade: RewardGrade,
  outcome: DecisionOutcome,
): RewardResult {
  const g = settings.grades[grade - 1];
  if (!g) throw new RangeError(`no reward grade ${String(grade)}`);
  const basisFen = monetaryTotalFen(outcome);
  const scaled = BigInt(Math.round(g.percent * PERCENT_SCALE));
  const byPercent = Number((BigInt(basisFen) * scaled) / BigInt(100 * PERCENT_SCALE));
  const minimum = g.minimumYuan * FEN_PER_YUAN;
  const cap = settings.capYuan * FEN_PER_YUAN;
  const minimumApplied = byPercent < minimum;
  const floored = Math.max(byPercent, minimum);
  const capped = floored > cap;
  const amountFen = Math.min(floored, cap);
  const withFinance = amountFen >= settings.financeFromYuan * FEN_PER_YUAN;

  const explanation = [
    `${grade}级举报奖励：罚没款 ${formatYuan(basisFen)} × ${g.percent}% = ${formatYuan(byPercent)}` +
      ` / grade ${grade}: ${g.percent}% of fines and confiscations ${formatYuan(basisFen)} = ${formatYuan(byPercent)}`,
  ];
  if (minimumApplied)
    explanation.push(
      `不低于${grade}级奖励最低额 ${formatYuan(minimum)}（无罚没款的亦予奖励）` +
        ` / at least the grade's minimum ${formatYuan(minimum)}, paid even without a fine`,
    );
  if (capped) explanation.push(`每案奖励不超过 ${formatYuan(cap)} / at most ${formatYuan(cap)} per case`);
  explanation.push(`奖励金额 ${formatYuan(amountFen)} / reward ${formatYuan(amountFen)}`);
  if (withFinance)
    explanation.push(
      `奖励金额达到 ${formatYuan(settings.financeFromYuan * FEN_PER_YUAN)}，会同财政部门确定` +
        ` / from ${formatYuan(settings.financeFromYuan * FEN_PER_YUAN)}: decided with the finance department`,
    );
  return { amountFen, grade, basisFen, percent: g.percent, minimumApplied, capped, withFinance, explanation };
}

/** Why an insider's raised reward cannot be granted: it is not above the grade's amount, or above the cap. */
export function insiderRefusal(
  settings: RewardSettings,
  standard: RewardResult,
  amountFen: number,
): 'REWARD_INSIDER_NOT_HIGHER' | 'REWARD_OVER_CAP' | undefined {
  if (amountFen <= standard.amountFen) return 'REWARD_INSIDER_NOT_HIGHER';
  if (amountFen > settings.capYuan * FEN_PER_YUAN) return 'REWARD_OVER_CAP';
  return undefined;
}

/** 内部知情人员举报: the grade's reward raised to `amountFen` with the finance department's consent (check
 * insiderRefusal first). */
export function raiseForInsider(standard: RewardResult, amountFen: number): RewardResult {
  return {
    ...standard,
    amountFen,
    withFinance: true,
    explanation: [
      ...standard.explanation,
      `内部知情人员举报，经财政部门同意提高至 ${formatYuan(amountFen)}` +
        ` / an insider's report: raised to ${formatYuan(amountFen)} with the finance department's consent`,
    ],
  };
}
