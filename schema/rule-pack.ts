// Rule packs: the numbers and lists a province may set (docs/rules.md: "every number that a province may change
// must be configuration"). The national pack holds the defaults; a provincial pack overrides parts of it.
// Both are validated here, stored with a version, and a case records the version it runs under.
import { z } from 'zod';

const yuan = z.number().int().min(0).max(100_000_000);
const id = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9._-]{0,39}$/, {
    message: '小写字母、数字、点、连字符 / lowercase letters, digits, . _ -',
  });

const Bilingual = z
  .object({ zh: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200) })
  .strict();

/** 首违不罚清单 / 轻微免罚清单: published lists of violations that are not penalised (APL 33). */
export const ExemptionListSchema = z
  .object({
    id,
    kind: z.enum(['first_violation', 'minor']),
    title: Bilingual,
    /** The document that publishes the list. */
    source: z.string().trim().min(2).max(300),
    items: z
      .array(z.object({ id, text: z.string().trim().min(2).max(1000) }).strict())
      .min(1)
      .max(500),
  })
  .strict()
  .superRefine((l, ctx) => {
    const seen = new Set<string>();
    l.items.forEach((it, i) => {
      if (seen.has(it.id))
        ctx.addIssue({
          code: 'custom',
          path: ['items', i, 'id'],
          message: `重复的条目 / duplicate item ${it.id}`,
        });
      seen.add(it.id);
    });
  });
export type ExemptionList = z.infer<typeof ExemptionListSchema>;

const PartyAmounts = z.object({ naturalPerson: yuan, organisation: yuan }).strict();
const months = z.number().int().min(1).max(120);

/** Publicity of penalty decisions (PUB 9, 13, 14) and the tiers of the 2025 credit-repair order. */
export const PublicitySettingsSchema = z
  .object({
    /** Publish within this many working days of the decision (PUB 9: 20; some localities require 7). */
    withinWD: z.number().int().min(1).max(20),
    /** How long a record is shown: the 2025 order's tiers (`order107`, the default) or PUB 13's 3 months /
     * 3 years (`pub13`). */
    durations: z.enum(['order107', 'pub13']),
    /** Fines and confiscations below this amount are a "lower fine" (较低数额罚款, set by the province): with a
     * circulated criticism, the short tier. */
    lowerFineBelow: PartyAmounts,
    /** Fines and confiscations from this amount are in the serious tier (严重). */
    seriousFrom: yuan,
    /** The 2025 order's tiers: months shown, months before a repair may be applied for, months until it ends by
     * itself. */
    tiers: z
      .object({
        minor: z.object({ endMonths: months }).strict(),
        general: z.object({ repairAfterMonths: months, endMonths: months }).strict(),
        serious: z.object({ repairAfterMonths: months, endMonths: months }).strict(),
      })
      .strict(),
  })
  .strict();
export type PublicitySettings = z.infer<typeof PublicitySettingsSchema>;

/** Rewards for reporting major violations (举报奖励): grades 1–3, a cap per case, the finance department's part. */
export const RewardSettingsSchema = z
  .object({
    grades: z.array(z.object({ percent: z.number().min(0).max(100), minimumYuan: yuan }).strict()).length(3),
    capYuan: yuan,
    /** Awards from this amount are decided together with the finance department. */
    financeFromYuan: yuan,
  })
  .strict();
export type RewardSettings = z.infer<typeof RewardSettingsSchema>;

/** Credit lists: whether a county's or city's serious listing (and its removal) is approved by the head of the
 * unit one level up (the default; a 2025 draft would drop it), or by the listing unit's own head. */
export const CreditSettingsSchema = z.object({ seriousApprovalOneLevelUp: z.boolean() }).strict();
export type CreditSettings = z.infer<typeof CreditSettingsSchema>;

const IndividualBusinessAs = z.enum(['natural_person', 'organisation']);

export const RulePackContentSchema = z
  .object({
    thresholds: z
      .object({
        /** Simplified on-the-spot procedure: warning or a fine up to these amounts (APL 51). */
        simplifiedFineMax: PartyAmounts,
        /** 较大数额 for the hearing right (HR 5 [?]); provinces set their own. */
        hearingLargeAmount: PartyAmounts,
        /** Fines and confiscations from this amount go to collective discussion (seed practice [?]). */
        collectiveDiscussionAmount: yuan,
        /** Whose thresholds an individual business (个体工商户) takes: a natural person's in most provinces'
         * practice (the default when absent), or an organisation's. */
        individualBusinessAs: IndividualBusinessAs.optional(),
        /** Every case whose fines and confiscations reach this amount goes to legal review (a province's own
         * condition besides APL 58's; none by default). */
        legalReviewAmount: yuan.optional(),
        /** The fewest heads of a collective discussion (APL 57 ¶2; 2 when absent). */
        collectiveMinHeads: z.number().int().min(2).max(15).optional(),
      })
      .strict(),
    reminders: z
      .object({
        /** Warn the responsible role this many working days before each due date. */
        warnBeforeWD: z.array(z.number().int().min(1).max(30)).min(1).max(5),
      })
      .strict(),
    exemptionLists: z.array(ExemptionListSchema).max(50),
    /** Absent in packs loaded before publicity existed: the national defaults apply. */
    publicity: PublicitySettingsSchema.optional(),
    rewards: RewardSettingsSchema.optional(),
    credit: CreditSettingsSchema.optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.exemptionLists.forEach((l, i) => {
      if (seen.has(l.id))
        ctx.addIssue({
          code: 'custom',
          path: ['exemptionLists', i, 'id'],
          message: `重复的清单 / duplicate list ${l.id}`,
        });
      seen.add(l.id);
    });
    if (new Set(c.reminders.warnBeforeWD).size !== c.reminders.warnBeforeWD.length)
      ctx.addIssue({
        code: 'custom',
        path: ['reminders', 'warnBeforeWD'],
        message: '提醒天数重复 / duplicate reminder',
      });
  });
export type RulePackContent = z.infer<typeof RulePackContentSchema>;

/** A pack file as an administrator loads it. The national pack is complete; a provincial pack names the
 * province's unit and overrides any part (thresholds field by field; exemption lists by id, added or replaced). */
export const RulePackFileSchema = z.discriminatedUnion('scope', [
  z
    .object({
      scope: z.literal('national'),
      title: Bilingual,
      source: z.string().trim().min(2).max(300),
      content: RulePackContentSchema,
    })
    .strict(),
  z
    .object({
      scope: z.literal('province'),
      /** The province's unit id: the pack applies to every unit below it. */
      unitId: z.string().trim().min(1).max(40),
      title: Bilingual,
      source: z.string().trim().min(2).max(300),
      overrides: z
        .object({
          thresholds: z
            .object({
              simplifiedFineMax: PartyAmounts.partial(),
              hearingLargeAmount: PartyAmounts.partial(),
              collectiveDiscussionAmount: yuan,
              individualBusinessAs: IndividualBusinessAs,
              legalReviewAmount: yuan,
              collectiveMinHeads: z.number().int().min(2).max(15),
            })
            .partial()
            .strict()
            .optional(),
          reminders: z
            .object({ warnBeforeWD: z.array(z.number().int().min(1).max(30)).min(1).max(5) })
            .strict()
            .optional(),
          exemptionLists: z.array(ExemptionListSchema).max(50).optional(),
          publicity: PublicitySettingsSchema.partial().optional(),
          rewards: RewardSettingsSchema.partial().optional(),
          credit: CreditSettingsSchema.partial().optional(),
        })
        .strict(),
    })
    .strict(),
]);
export type RulePackFile = z.infer<typeof RulePackFileSchema>;

/** What a case runs under: the merged content and the versions it came from. */
export const ResolvedRulePackSchema = z.object({
  /** e.g. "national@1" or "national@1+prv@2". */
  ref: z.string(),
  content: RulePackContentSchema,
});
export type ResolvedRulePack = z.infer<typeof ResolvedRulePackSchema>;

export const RulePackVersionSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  title: Bilingual,
  source: z.string(),
  loadedBy: z.string(),
  loadedAt: z.string(),
});
