// Publicity of a penalty decision (docs/rules.md, "Publicity" and "Credit repair under Order 107"). Pure: whether
// a decision is published and in which tier, how long it stays up, and why an application for early removal
// (信用修复) is refused. The numbers come from the rule pack's publicity settings.
import type { Respondent } from '../../schema/case.js';
import type { DecisionOutcome, Penalty } from '../../schema/decision.js';
import type { PublicitySettings, RulePackContent } from '../../schema/rule-pack.js';
import type { IsoDate } from '../../schema/values/dates.js';
import { addMonths } from '../calendar/calendar.js';
import { partyAmount } from '../rules/packs/merge.js';
import { monetaryTotalFen, publishes } from './proceedings.js';
import { PUB13_SHOWN_MONTHS } from '../rules/periods.js';

/** The tiers of 市场监督管理信用修复管理办法（国家市场监督管理总局令第107号）: 轻微, 一般, 严重. */
export type PublicityTier = 'minor' | 'general' | 'serious';

const FEN_PER_YUAN = 100;
const ORDER_107 = '市场监督管理信用修复管理办法（国家市场监督管理总局令第107号）';
const PUB = '市场监督管理行政处罚信息公示规定';
const TIER_ZH: Record<PublicityTier, string> = { minor: '轻微', general: '一般', serious: '严重' };

/** Penalties that put a decision in the serious tier whatever the amount. */
const SERIOUS_KINDS: ReadonlySet<Penalty['kind']> = new Set([
  'licence_revocation',
  'closure',
  'business_suspension',
  'occupational_ban',
  'licence_downgrade',
]);
/** Penalties besides fines and confiscations that still leave a decision in the minor tier. */
const MINOR_KINDS: ReadonlySet<Penalty['kind']> = new Set([
  'warning',
  'circulated_criticism',
  'fine',
  'confiscate_gains',
  'confiscate_property',
]);
/** Never removed early (市场监督管理行政处罚信息公示规定第十四条). */
const REPAIR_EXCLUDED: Partial<Record<Penalty['kind'], string>> = {
  business_suspension: '责令停产停业',
  business_restriction: '限制开展生产经营活动',
  occupational_ban: '限制从业',
  licence_downgrade: '降低资质等级',
  licence_revocation: '吊销许可证件',
};

const penaltiesOf = (outcome: DecisionOutcome): Penalty[] =>
  outcome.kind === 'penalty' ? outcome.penalties : [];

/**
 * The tier a published decision goes in, or null when it is not published (市场监督管理行政处罚信息公示规定第二条:
 * no penalty, or a warning only; decisions of the simplified procedure never come here). Serious: a licence
 * revoked or downgraded, closure, suspension, an occupational ban, or fines and confiscations from the pack's
 * serious amount. Minor: circulated criticism or a warning, and fines and confiscations below the province's
 * lower amount (较低数额罚款, PUB 13) for this kind of respondent. General: everything else.
 */
export function publicityTier(
  settings: PublicitySettings,
  pack: RulePackContent,
  respondentKind: Respondent['kind'],
  outcome: DecisionOutcome,
): PublicityTier | null {
  if (!publishes(outcome)) return null;
  const penalties = penaltiesOf(outcome);
  const total = monetaryTotalFen(outcome);
  if (penalties.some((p) => SERIOUS_KINDS.has(p.kind)) || total >= settings.seriousFrom * FEN_PER_YUAN)
    return 'serious';
  const lower = partyAmount(pack, settings.lowerFineBelow, respondentKind) * FEN_PER_YUAN;
  if (penalties.every((p) => MINOR_KINDS.has(p.kind)) && (total === 0 || total < lower)) return 'minor';
  return 'general';
}

/**
 * How long a published decision stays up: the tier's months under Order 107, or PUB 13's 3 months (circulated
 * criticism or a lower fine) / 3 years. Either way an occupational ban longer than that keeps it up for the ban
 * (市场监督管理行政处罚信息公示规定第十三条). `endsOn` is the last day shown.
 */
export function publicityEndsOn(
  settings: PublicitySettings,
  tier: PublicityTier,
  outcome: DecisionOutcome,
  publishedOn: IsoDate,
): { endsOn: IsoDate; months: number; basis: string } {
  let months: number;
  let basis: string;
  if (settings.durations === 'order107') {
    months = settings.tiers[tier].endMonths;
    basis = `${ORDER_107}：${TIER_ZH[tier]}失信行为的行政处罚信息公示${months}个月`;
  } else {
    months = tier === 'minor' ? PUB13_SHOWN_MONTHS.short : PUB13_SHOWN_MONTHS.long;
    basis =
      tier === 'minor'
        ? `${PUB}第十三条：仅受到通报批评或者较低数额罚款的，公示期三个月`
        : `${PUB}第十三条：其他行政处罚信息公示期三年`;
  }
  const ban = penaltiesOf(outcome).find((p) => p.kind === 'occupational_ban');
  if (ban && ban.years * 12 > months) {
    months = ban.years * 12;
    basis = `${PUB}第十三条：限制从业期限长于公示期的，公示期与限制期限一致（${ban.years}年）`;
  }
  return { endsOn: addMonths(publishedOn, months), months, basis };
}

export type RepairRefusalCode =
  | 'REPAIR_EXCLUDED'
  | 'REPAIR_TOO_EARLY'
  | 'REPAIR_NOT_CARRIED_OUT'
  | 'REPAIR_CONDITIONS_UNMET'
  | 'REPAIR_NOT_NEEDED';

export interface RepairFacts {
  /** The penalty has been carried out (fines paid, orders complied with). */
  carriedOut: boolean;
  /** The party's declarations (信用承诺): harm remedied, no repeat violation, not on a credit list. */
  declarations: { harmRemedied: boolean; noRepeat: boolean; notOnCreditList: boolean };
}

/**
 * Why an application for early removal (信用修复) is refused, or undefined when it may be granted, checked in
 * this order: a penalty that is never removed early (PUB 14: suspension, restriction, occupational ban, licence
 * downgrade or revocation); the minor tier, which ends by itself; before the tier's waiting time (Order 107);
 * the penalty not carried out; the party's declarations (PUB 14: harm remedied, no repeat, not on a credit list).
 */
export function repairRefusal(
  settings: PublicitySettings,
  tier: PublicityTier,
  outcome: DecisionOutcome,
  publishedOn: IsoDate,
  appliedOn: IsoDate,
  facts: RepairFacts,
): { code: RepairRefusalCode; detail: string; earliestOn?: IsoDate } | undefined {
  const excluded = penaltiesOf(outcome)
    .map((p) => REPAIR_EXCLUDED[p.kind])
    .filter((k): k is string => k !== undefined);
  if (excluded.length)
    return {
      code: 'REPAIR_EXCLUDED',
      detail: `${PUB}第十四条：${excluded.join('、')}的行政处罚信息不得提前停止公示 / never removed early`,
    };
  if (tier === 'minor')
    return {
      code: 'REPAIR_NOT_NEEDED',
      detail: `轻微失信信息公示期满自动停止公示，无需修复（${ORDER_107}）/ the minor tier ends by itself`,
    };
  const earliestOn = addMonths(publishedOn, settings.tiers[tier].repairAfterMonths);
  if (appliedOn < earliestOn)
    return {
      code: 'REPAIR_TOO_EARLY',
      detail:
        `${TIER_ZH[tier]}失信信息公示满${settings.tiers[tier].repairAfterMonths}个月后方可申请信用修复，` +
        `最早 ${earliestOn}（${ORDER_107}）/ a repair may be applied for from ${earliestOn}`,
      earliestOn,
    };
  if (!facts.carriedOut)
    return {
      code: 'REPAIR_NOT_CARRIED_OUT',
      detail: `行政处罚尚未履行完毕（${PUB}第十四条）/ the penalty has not been carried out`,
    };
  const d = facts.declarations;
  const unmet = [
    d.harmRemedied ? undefined : '危害后果和不良社会影响未消除 / harm not remedied',
    d.noRepeat ? undefined : '再次发生同类违法行为 / a repeat violation',
    d.notOnCreditList ? undefined : '被列入严重违法失信名单 / on a credit list',
  ].filter((x): x is string => x !== undefined);
  if (unmet.length)
    return {
      code: 'REPAIR_CONDITIONS_UNMET',
      detail: `${PUB}第十四条：${unmet.join('；')}`,
    };
  return undefined;
}
