// The audit trail's events: one schema per action, so every stored entry's details are typed and every action
// name can be found with grep. Workflows record only these (the record step is typed with AuditEvent); the
// tests parse every entry their cases wrote against AuditEventSchema.
import { z } from 'zod';
import { CollectiveDiscussionSchema, DecisionOutcomeSchema, ProposalSchema } from './decision.js';

const date = z.string(); // YYYY-MM-DD, as the workflow computed it
const due = date.nullable().optional(); // a clock's due date (none while paused)
const officers = z.array(z.string());
const id = z.string();

/** One event: its action name and the shape of its details. */
const ev = <A extends string, S extends z.ZodRawShape>(action: A, details: S) =>
  z.object({ action: z.literal(action), details: z.object(details).strict() }).strict();

/** An application the head decides (approvals): the request's own details plus who applied and its id. */
const applied = <A extends string, S extends z.ZodRawShape>(action: A, details: S) =>
  ev(action, { ...details, approvalId: id, officers });

const transferStep = <A extends string>(action: A) =>
  ev(action, { status: z.string(), note: z.string().optional(), on: date.optional() });

export const AuditEventSchema = z.discriminatedUnion('action', [
  // ── a case: registration and filing ──
  ev('clue.registered', {
    source: z.string(),
    discoveredOn: date,
    filingDueOn: due,
    violationEndedOn: date.optional(),
    seriousHarm: z.boolean().optional(),
    limitation: z
      .object({ expiresOn: date, years: z.number(), expired: z.boolean(), rule: z.string() })
      .strict()
      .optional(),
  }),
  ev('filing.approved', {
    reasons: z.string(),
    ground: z.string().optional(),
    exemption: z.object({ listId: z.string(), itemId: z.string() }).optional(),
    limitationOverride: z.string().optional(),
  }),
  ev('filing.declined', {
    reasons: z.string(),
    ground: z.string().optional(),
    exemption: z.object({ listId: z.string(), itemId: z.string() }).optional(),
    limitationOverride: z.string().optional(),
  }),
  ev('filing.extended', { days: z.number(), reason: z.string(), dueOn: due }),
  ev('report.feedback_due', { dueOn: due }),
  ev('report.feedback_sent', { channel: z.literal('email') }),
  ev('report.feedback_recorded', { channel: z.string() }),
  ev('report.feedback_email_rejected', { dueOn: due }),
  ev('case_clock.started', { filedOn: date, dueOn: due }),
  // ── investigation ──
  ev('evidence.recorded', { evidenceId: id, type: z.string(), officers, attachments: z.array(z.string()) }),
  applied('preservation.requested', {
    measureId: id,
    items: z.number(),
    /** The items themselves (物品清单). */
    itemList: z.array(z.string()).optional(),
    reasons: z.string(),
  }),
  applied('seizure.requested', {
    measureId: id,
    items: z.number(),
    /** The items themselves (物品清单). */
    itemList: z.array(z.string()).optional(),
    reasons: z.string(),
  }),
  ev('preservation.started', { measureId: id, decideBy: due }),
  ev('preservation.decided', { measureId: id, disposal: z.string(), reasons: z.string(), officers }),
  ev('preservation.lapsed', { measureId: id, dueOn: due }),
  ev('seizure.started', { measureId: id, until: due }),
  applied('seizure.extension_requested', { measureId: id, days: z.number(), reasons: z.string() }),
  ev('seizure.extended', { measureId: id, days: z.number(), until: due, rule: z.string() }),
  ev('seizure.ended', { measureId: id, outcome: z.string(), reasons: z.string(), officers }),
  ev('testing.started', {
    testingId: id,
    kind: z.string(),
    description: z.string(),
    on: date,
    seizureIds: z.array(z.string()),
    officers,
  }),
  ev('testing.finished', { testingId: id, result: z.string(), on: date, officers }),
  ev('assistance.requested', {
    assistanceId: id,
    office: z.string(),
    matter: z.string(),
    dueOn: due,
    officers,
  }),
  ev('assistance.replied', { assistanceId: id, summary: z.string(), officers }),
  ev('approval.granted', {
    approvalId: id,
    kind: z.string(),
    subject: z.string().optional(),
    note: z.string().optional(),
  }),
  ev('approval.refused', {
    approvalId: id,
    kind: z.string(),
    subject: z.string().optional(),
    note: z.string().optional(),
  }),
  applied('suspension.requested', { ground: z.string(), explanation: z.string() }),
  ev('case.suspended', { ground: z.string(), approvalId: id }),
  ev('case.resumed', { explanation: z.string(), officers, caseDueOn: due }),
  applied('termination.requested', { ground: z.string(), explanation: z.string() }),
  ev('case.terminated', { ground: z.string(), approvalId: id }),
  ev('case.extended', { days: z.number(), reason: z.string(), dueOn: due, rule: z.string() }),
  ev('case.extended_collectively', {
    days: z.number(),
    heldOn: date,
    participants: z.array(z.string()),
    minutes: z.string(),
    dueOn: due,
    rule: z.string(),
  }),
  // ── transfer of a suspected crime ──
  applied('transfer.proposed', { suspectedOffence: z.string(), facts: z.string() }),
  ev('transfer.approved', { handOverBy: due }),
  ev('transfer.rejected', {}),
  transferStep('transfer.handed_over'),
  transferStep('transfer.police_decision'),
  transferStep('transfer.reconsideration_requested'),
  transferStep('transfer.reconsideration_answer'),
  transferStep('transfer.supervision_requested'),
  transferStep('transfer.supervision_outcome'),
  transferStep('transfer.refusal_accepted'),
  ev('transfer.window_lapsed', { status: z.string() }),
  ev('transfer.items_due', { dueOn: due }),
  ev('transfer.items_handed_over', { on: date }),
  ev('case.transferred_to_police', {}),
  // ── how part 1 ends ──
  ev('simplified.decided', {
    formNumber: z.string(),
    penalty: z.union([
      z.object({ kind: z.literal('warning') }),
      z.object({ kind: z.literal('fine'), amount: z.number() }),
    ]),
    facts: z.string(),
    legalBasis: z.string(),
    officers,
    publish: z.literal(false),
  }),
  ev('investigation.concluded', {
    officers,
    reviewerId: id,
    report: z.string(),
    proposal: ProposalSchema.optional(),
    round: z.number().optional(),
  }),
  // ── review gates, notice and defence, hearing, decision and service ──
  ev('review.opened', {
    round: z.number(),
    receivedOn: date,
    dueOn: due,
    legalReview: z.array(z.string()),
    collective: z.array(z.string()),
  }),
  ev('review.case_approved', { round: z.number(), opinion: z.string() }),
  ev('review.legal_approved', { round: z.number(), opinion: z.string(), required: z.boolean() }),
  ev('review.returned', { round: z.number(), gate: z.enum(['case', 'legal']), opinion: z.string() }),
  ev('review.extended', { days: z.number(), reason: z.string(), dueOn: due, rule: z.string() }),
  ev('notice.served', {
    method: z.string(),
    on: date,
    receiver: z.string(),
    hearingRight: z.boolean(),
    hearingReasons: z.array(z.string()),
    defenceDueOn: due,
    officers,
  }),
  ev('notice.effective', { effectiveOn: date, defenceDueOn: due, rule: z.string() }),
  ev('notice.defence_recorded', {
    receivedOn: date,
    form: z.string(),
    content: z.string(),
    answer: z.object({ verdict: z.string(), reasons: z.string() }).strict(),
    officers,
  }),
  ev('notice.waived', { on: date, note: z.string(), officers }),
  ev('notice.defence_period_ended', { defences: z.number(), rule: z.string() }),
  ev('hearing.requested', { requestedOn: date, officers }),
  ev('hearing.scheduled', {
    chairId: id,
    hearingOn: date,
    place: z.string(),
    public: z.boolean(),
    noticeOn: date,
    noticeMethod: z.string(),
    earliest: date,
    rule: z.string(),
    officers,
  }),
  ev('hearing.postponed', {
    hearingOn: date,
    reason: z.string(),
    requestedBy: z.string(),
    noticeOn: date,
    officers,
  }),
  ev('hearing.held', {
    heldOn: date,
    chairId: id,
    partyAgents: z.array(z.string()),
    record: z.string(),
    report: z.string(),
    officers,
  }),
  ev('hearing.no_show', { on: date, note: z.string(), officers }),
  ev('decision.made', {
    documentNumber: z.string(),
    outcome: DecisionOutcomeSchema,
    legalBasis: z.string(),
    /** The facts and the corrective order as decided (the decision document is made from them). */
    facts: z.string().optional(),
    correctiveOrder: z.string().optional(),
    publish: z.boolean(),
    collective: CollectiveDiscussionSchema.nullable(),
    serviceDueOn: due,
  }),
  ev('service.consent_recorded', { signedOn: date, officers }),
  ev('decision.served', {
    method: z.string(),
    on: date,
    receiver: z.string(),
    effectiveOn: date.nullable(),
    publicNoticeEndsOn: due,
    publicityNotice: z.boolean(),
    creditRepairNotice: z.boolean().optional(),
    rightsExplained: z.boolean().optional(),
    officers,
  }),
  ev('decision.service_effective', { effectiveOn: date, rule: z.string() }),
  // ── payment and enforcement, remedies, publicity, credit repair, closure, rewards ──
  ev('case.reopened', {
    round: z.number(),
    remedyId: id,
    annulledDocument: z.string(),
    newDecisionDueOn: date.nullable(),
  }),
  ev('execution.opened', {
    servedOn: date,
    fineFen: z.number(),
    confiscationFen: z.number(),
    paymentDueOn: due,
    reconsiderationDueOn: due,
    lawsuitDueOn: due,
    publicityDueOn: due,
  }),
  ev('payment.recorded', {
    paidOn: date,
    amountFen: z.number(),
    toward: z.string(),
    bankReference: z.string(),
    outstandingFen: z.number(),
    surchargeFen: z.number(),
  }),
  ev('payment.overdue', { dueOn: date, outstandingFen: z.number(), rule: z.string() }),
  ev('payment.arrangement_decided', {
    kind: z.string(),
    approved: z.boolean(),
    appliedOn: date,
    instalments: z.number(),
    lastDueOn: due,
  }),
  ev('remedy.window_lapsed', { clock: z.string(), dueOn: date, enforcementLatestOn: due }),
  ev('payment_demand.served', {
    method: z.string(),
    on: date,
    receiver: z.string(),
    earliestApplicationAfter: due,
    outstandingFen: z.number().optional(),
    surchargeFen: z.number().optional(),
    officers,
  }),
  ev('payment_demand.wait_over', { dueOn: date, enforcementLatestOn: due }),
  ev('enforcement.applied', { appliedOn: date, court: z.string(), officers }),
  ev('remedy.filed', { remedyId: id, kind: z.string(), filedOn: date, body: z.string(), late: z.boolean() }),
  ev('remedy.decided', {
    remedyId: id,
    result: z.string(),
    on: date,
    lawsuitDueOn: due,
    withdrawalDueOn: due,
    changedOutcome: DecisionOutcomeSchema.optional(),
    newDecisionDueOn: date.nullable().optional(),
  }),
  ev('publicity.published', {
    publishedOn: date,
    endsOn: date,
    tier: z.string(),
    months: z.number(),
    textSha256: z.string(),
    late: z.boolean(),
    officers,
  }),
  ev('publicity.withdrawn', { on: date, action: z.string(), note: z.string(), officers }),
  ev('publicity.ended', { on: date, rule: z.string() }),
  ev('credit_repair.applied', { repairId: id, appliedOn: date, decideBy: due }),
  ev('credit_repair.decided', { repairId: id, decision: z.string(), reasons: z.string() }),
  ev('case.closed', {
    closedOn: date,
    documentNumber: z.string(),
    settled: z.boolean(),
    enforced: z.boolean(),
    /** 结案报告. */
    report: z.string().optional(),
  }),
  ev('reward.decided', {
    eligible: z.boolean(),
    grade: z.number().nullable(),
    amountFen: z.number(),
    withFinance: z.boolean(),
    insider: z.boolean().optional(),
    explanation: z.array(z.string()),
  }),
  // ── a credit listing ──
  ev('listing.proposed', {
    list: z.string(),
    reason: z.string().nullable(),
    caseNumber: z.string().nullable(),
    foundOn: date,
    approvingUnitId: z.string(),
  }),
  ev('listing.decided', {
    list: z.string(),
    decision: z.string(),
    on: date,
    reasons: z.string(),
    endsOn: due,
    earliestRemovalOn: due,
    escalatesOn: due,
  }),
  ev('listing.escalation_due', { since: date, dueOn: date }),
  ev('listing.removal_applied', { removalId: id, list: z.string(), appliedOn: date, decisionDueOn: due }),
  ev('listing.removal_decided', { removalId: id, result: z.string(), on: date, reasons: z.string() }),
  ev('listing.expired', { list: z.string(), endedOn: date }),
  // ── a complaint ──
  ev('complaint.received', {
    channel: z.string(),
    receivedOn: date,
    acceptanceDueOn: due,
    repeatOf: z.array(z.string()),
    transferredFrom: z.string().optional(),
  }),
  ev('complaint.accepted', { mediationDueOn: due }),
  ev('complaint.rejected', { ground: z.string().optional(), explanation: z.string().optional() }),
  ev('complaint.transferred', { toUnitId: z.string(), toNumber: z.string().optional(), reason: z.string() }),
  ev('mediation.started', {
    complainantConsents: z.literal(true),
    respondentConsents: z.literal(true),
    note: z.string().optional(),
  }),
  ev('mediation.paused', { reason: z.string(), note: z.string().optional() }),
  ev('mediation.resumed', { note: z.string().optional(), dueOn: due }),
  ev('mediation.ended', {
    outcome: z.string(),
    note: z.string().optional(),
    endedOn: date,
    noticeDueOn: due,
  }),
  ev('parties.notified', { method: z.string(), note: z.string().optional(), outcome: z.unknown() }),
  ev('violation.reported', { n: z.number(), caseNumber: z.string(), summary: z.string() }),
  // ── any matter's clocks ──
  ev('deadline.warning', { clock: z.string(), dueOn: date, daysBefore: z.number().optional() }),
  ev('deadline.overdue', { clock: z.string(), dueOn: date, daysBefore: z.number().optional() }),
  ev('deadline.recomputed', {
    moved: z.array(z.object({ clock: z.string(), from: date.nullable(), to: date.nullable() }).strict()),
  }),
]);

export type AuditEvent = z.infer<typeof AuditEventSchema>;
export type AuditAction = AuditEvent['action'];
export type DetailsOf<A extends AuditAction> = Extract<AuditEvent, { action: A }>['details'];
