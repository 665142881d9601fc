// Credit lists (信用约束, docs/rules.md "Credit lists"): the list of enterprises with abnormal operations (经营异常名录)
// and the list of serious violators (严重违法失信名单). A listing is a matter of its own, with its own workflow:
// proposed by an officer, decided by a head (for a serious listing of a county or city office, a head one level
// up where the rule pack says so), shown on the public list while it lasts, removed on application or by itself,
// and escalated from the abnormal list to the serious list after 3 years uncured. These zod schemas are the single
// source of truth for the API's request and response types and for the workflow's update arguments.
import { z } from 'zod';
import { ClockViewSchema, Uscc } from './case.js';
import { listPageSchema, listQuerySchema, TaskRowSchema } from './common.js';
import { boundedText, EventDateSchema } from './decision.js';
import { ActorSchema } from './roles.js';

const text = boundedText;

/** Listing numbers (workflow IDs): <unit code>-XY-<year>-<5 digits> (XY, 信用). */
export const LISTING_SERIES = 'XY';

/** At most this many removal applications a listing takes (each is decided before the next). */
export const LISTING_LIMITS = { removals: 10 } as const;

export const CreditListSchema = z.enum(['abnormal', 'serious']);
export type CreditList = z.infer<typeof CreditListSchema>;

export const CREDIT_LIST_TITLES: Record<CreditList, { zh: string; en: string }> = {
  abnormal: { zh: '经营异常名录', en: 'abnormal operations list' },
  serious: { zh: '严重违法失信名单', en: 'serious violations list' },
};

/** Why an enterprise goes on the abnormal operations list (企业信息公示暂行条例第十七条). */
export const AbnormalReasonSchema = z.enum([
  'no_annual_report', // 未按规定期限公示年度报告 (by 30 June)
  'ordered_info_not_published', // 未在责令的期限内公示有关企业信息
  'false_information', // 公示企业信息隐瞒真实情况、弄虚作假
  'unreachable', // 通过登记的住所或者经营场所无法联系
]);
export type AbnormalReason = z.infer<typeof AbnormalReasonSchema>;

export const ABNORMAL_REASON_TITLES: Record<AbnormalReason, { zh: string; en: string }> = {
  no_annual_report: { zh: '未按照规定的期限公示年度报告', en: 'no annual report by the deadline' },
  ordered_info_not_published: {
    zh: '未在责令的期限内公示有关企业信息',
    en: 'ordered information not published in time',
  },
  false_information: { zh: '公示企业信息隐瞒真实情况、弄虚作假', en: 'false information published' },
  unreachable: {
    zh: '通过登记的住所或者经营场所无法联系',
    en: 'unreachable at the registered address',
  },
};

/** Only market entities are listed: an enterprise or an individual business, by its unified social credit code. */
export const ListedEntitySchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('organisation'),
      name: z.string().trim().min(2).max(200),
      uscc: Uscc,
    })
    .strict(),
  z
    .object({
      kind: z.literal('individual_business'),
      name: z.string().trim().min(1).max(200),
      uscc: Uscc,
    })
    .strict(),
]);
export type ListedEntity = z.infer<typeof ListedEntitySchema>;

// ——— commands ———

/** An officer proposes a listing: on the abnormal list for one of its reasons, or on the serious list for a
 * served penalty decision of the unit (its case number). */
export const ProposeListingSchema = z.discriminatedUnion('list', [
  z
    .object({
      list: z.literal('abnormal'),
      reason: AbnormalReasonSchema,
      entity: ListedEntitySchema,
      facts: text(4000),
      foundOn: EventDateSchema,
    })
    .strict(),
  z
    .object({
      list: z.literal('serious'),
      caseNumber: z.string().trim().min(1).max(40),
      entity: ListedEntitySchema,
      facts: text(4000),
      foundOn: EventDateSchema,
    })
    .strict(),
]);
export type ProposeListing = z.infer<typeof ProposeListingSchema>;

/** The head decides the proposed listing (or the escalation to the serious list): list it, or not. */
export const DecideListingSchema = z
  .object({ decision: z.enum(['list', 'decline']), on: EventDateSchema, reasons: text() })
  .strict();
export type DecideListing = z.infer<typeof DecideListingSchema>;

/** The entity applied for removal (移出): the abnormal list after curing, the serious list early after a year. */
export const ApplyRemovalSchema = z.object({ appliedOn: EventDateSchema, grounds: text(4000) }).strict();
export type ApplyRemoval = z.infer<typeof ApplyRemovalSchema>;

/** The head decides the pending removal application (5 WD for the abnormal list, 7 WD for the serious list). */
export const DecideRemovalSchema = z
  .object({ decision: z.enum(['remove', 'refuse']), on: EventDateSchema, reasons: text() })
  .strict();
export type DecideRemoval = z.infer<typeof DecideRemovalSchema>;

// ——— state ———

export const ListingStageSchema = z.enum([
  'proposed', // awaiting the head's decision
  'listed', // on the list
  'escalation', // 3 years on the abnormal list uncured: the serious listing awaits the head's decision
  'closed', // declined, removed, or ended by itself
]);
export type ListingStage = z.infer<typeof ListingStageSchema>;

export const ListingOutcomeSchema = z.enum(['declined', 'removed', 'expired']);

/** One period on one list. */
const EntrySchema = z.object({
  list: CreditListSchema,
  listedOn: z.string(),
  decidedBy: z.string(),
  endedOn: z.string().nullable(),
  endedBy: z.enum(['removed', 'expired', 'escalated']).nullable(),
});

const RemovalSchema = z.object({
  id: z.string(),
  list: CreditListSchema,
  appliedOn: z.string(),
  grounds: z.string(),
  recordedBy: z.string(),
  decision: z
    .object({ result: z.enum(['remove', 'refuse']), on: z.string(), by: z.string(), reasons: z.string() })
    .nullable(),
});

/** What the projection row holds (and the list shows). */
export const ListingDetailsSchema = z.object({
  list: CreditListSchema,
  entity: ListedEntitySchema,
  reason: AbnormalReasonSchema.nullable(),
  /** The penalty decision's case (a serious listing proposed for it). */
  caseNumber: z.string().nullable(),
  /** The unit whose head decides serious listings and their removal (one level up, or the unit itself). */
  approvingUnitId: z.string(),
  listedOn: z.string().nullable(),
  /** Serious list: the earliest day to apply for early removal, and the day the listing ends by itself. */
  earliestRemovalOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  /** Abnormal list: the day 3 years on it uncured lead to the serious list. */
  escalatesOn: z.string().nullable(),
  outcome: ListingOutcomeSchema.nullable(),
});
export type ListingDetails = z.infer<typeof ListingDetailsSchema>;

export const ListingViewSchema = ListingDetailsSchema.extend({
  number: z.string(),
  unitId: z.string(),
  stage: ListingStageSchema,
  status: z.enum(['open', 'closed']),
  overdue: z.boolean(),
  facts: z.string(),
  foundOn: z.string(),
  proposedBy: z.string(),
  entries: z.array(EntrySchema),
  decisions: z.array(
    z.object({
      on: z.string(),
      by: z.string(),
      list: CreditListSchema,
      decision: z.enum(['list', 'decline']),
      reasons: z.string(),
    }),
  ),
  removals: z.array(RemovalSchema),
  clocks: z.array(ClockViewSchema),
});
export type ListingView = z.infer<typeof ListingViewSchema>;

/** What the workflow starts with. */
export const ListingInputSchema = z.object({
  listingNumber: z.string(),
  unitId: z.string(),
  approvingUnitId: z.string(),
  proposal: ProposeListingSchema,
  proposedBy: ActorSchema,
  warnBefore: z.array(z.number()),
  rulePack: z.string(),
});
export type ListingInput = z.infer<typeof ListingInputSchema>;

// ——— API ———

export const ListingSummarySchema = z.object({
  number: z.string(),
  unitId: z.string(),
  stage: z.string(),
  status: z.string(),
  entityName: z.string(),
  summary: z.string(),
  foundOn: z.string(),
  overdue: z.boolean(),
  nextDueOn: z.string().nullable(),
  details: ListingDetailsSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const ListingListQuerySchema = listQuerySchema(ListingStageSchema);
export const ListingListSchema = listPageSchema(ListingSummarySchema);

export const ListingDetailSchema = z.object({
  listing: ListingSummarySchema,
  live: ListingViewSchema.nullable(),
  deadlines: z.array(ClockViewSchema),
  tasks: z.array(TaskRowSchema),
});

/** One entry of the public credit lists (no sign-in): the entity, the list, why and since when. */
export const PublicListingSchema = z.object({
  list: CreditListSchema,
  listTitle: z.string(),
  entityName: z.string(),
  uscc: z.string(),
  reason: z.string(),
  listedOn: z.string(),
  endsOn: z.string().nullable(),
  decidedBy: z.string(),
});
export const PublicListingsSchema = z.object({ items: z.array(PublicListingSchema), total: z.number() });
