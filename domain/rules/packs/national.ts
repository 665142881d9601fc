// The national rule pack built into the product (version 1 of pack "national"). Every number is from
// docs/rules.md with its source; an administrator may load a newer national pack or provincial
// overrides (schema/rule-pack.ts). Published exemption lists are data that bureaus load: the built-in pack
// carries none, so nothing is exempted by a list the product made up.
import type { RulePackContent } from '../../../schema/rule-pack.js';

export const NATIONAL_PACK_ID = 'national';
export const NATIONAL_BUILTIN_VERSION = 1;

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
};
