// The national rule pack built into the product (version 1 of pack "national"). Every number is from
// docs/rules.md with its source; an administrator may load a newer national pack or provincial
// overrides (schema/rule-pack.ts). Published exemption lists are data that bureaus load: the built-in pack
// carries none, so nothing is exempted by a list the product made up.
import type {
  CreditSettings,
  PublicitySettings,
  RewardSettings,
  RulePackContent,
} from '../../../schema/rule-pack.js';

export const NATIONAL_PACK_ID = 'national';
export const NATIONAL_BUILTIN_VERSION = 1;

/** Publicity (docs/rules.md, publicity and credit repair). */
export const PUBLICITY_DEFAULTS: PublicitySettings = {
  // 市场监督管理行政处罚信息公示规定第九条: within 20 WD of the decision [law]; a locality may set 7.
  withinWD: 20,
  // 市场监督管理信用修复管理办法（总局令第107号, in force 2025-12-25) replaced the 2021 rules: its tiers are the
  // default [secondary: SAMR's press conference]; `pub13` gives PUB 13's 3 months / 3 years.
  durations: 'order107',
  // 较低数额罚款 is the province's to set (PUB 13) [?]: by default the hearing right's 较大数额.
  lowerFineBelow: { naturalPerson: 10_000, organisation: 100_000 },
  // Where the serious tier (严重) begins by amount [?]: product default ¥1,000,000.
  seriousFrom: 1_000_000,
  // Order 107 [secondary]: 轻微 3 months; 一般 repair after 3 months, ends after 1 year; 严重 repair after 1 year,
  // ends after 3 years.
  tiers: {
    minor: { endMonths: 3 },
    general: { repairAfterMonths: 3, endMonths: 12 },
    serious: { repairAfterMonths: 12, endMonths: 36 },
  },
};

/** 市场监管领域重大违法行为举报奖励暂行办法 [secondary]: 5% / 3% / 1% with minimums ¥5,000 / ¥3,000 / ¥1,000 (paid
 * even without a fine), at most ¥1,000,000 a case; ¥500,000 or more with the finance department. */
export const REWARD_DEFAULTS: RewardSettings = {
  grades: [
    { percent: 5, minimumYuan: 5_000 },
    { percent: 3, minimumYuan: 3_000 },
    { percent: 1, minimumYuan: 1_000 },
  ],
  capYuan: 1_000_000,
  financeFromYuan: 500_000,
};

/** Serious listings of county and city offices are approved one level up (市场监督管理严重违法失信名单管理办法
 * [secondary]); a province may drop this in its pack. */
export const CREDIT_DEFAULTS: CreditSettings = { seriousApprovalOneLevelUp: true };

export const NATIONAL_DEFAULTS: RulePackContent = {
  thresholds: {
    // 行政处罚法第五十一条: warning, or a fine up to ¥200 (natural person) / ¥3,000 (organisation) — docs/rules.md [law].
    simplifiedFineMax: { naturalPerson: 200, organisation: 3000 },
    // 市场监督管理行政处罚听证办法第五条: ≥ ¥10,000 (natural person) / ≥ ¥100,000 (organisation) — docs/rules.md [?].
    hearingLargeAmount: { naturalPerson: 10_000, organisation: 100_000 },
    // Seed practice: fines and confiscations of ¥50,000 or more go to collective discussion — docs/rules.md [?].
    collectiveDiscussionAmount: 50_000,
    // An individual business (个体工商户) takes a natural person's thresholds, as in most provinces' practice
    // (docs/rules.md, "Respondents", secondary sources); a provincial pack may say "organisation".
    individualBusinessAs: 'natural_person',
  },
  // Product default, not statutory: warn 3 and 1 working days before each due date.
  reminders: { warnBeforeWD: [3, 1] },
  exemptionLists: [],
  publicity: PUBLICITY_DEFAULTS,
  rewards: REWARD_DEFAULTS,
  credit: CREDIT_DEFAULTS,
};
