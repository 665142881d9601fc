// The state of one complaint, shared by its stages: the acceptance decision, mediation, the notice to both
// parties, violations found, a transfer. Clocks, audit steps, the projection and e-mails come from
// MatterContext. The complainant is known only by the submission id (CRM 33): no name, phone or address here.
import { yearOf } from '../../schema/values/dates.js';
import type { NotifyRequest } from '../../activities/index.js';
import type {
  ComplaintDetails,
  ComplaintInput,
  ComplaintStage,
  ComplaintView,
} from '../../schema/complaint.js';
import {
  MatterContext,
  type DueRef,
  type MatterRow,
  type MatterState,
  type OnDue,
} from '../matter/matter-context.js';
import { endMediationOnDue } from './stages/mediation.js';
import type { ComplaintFacts } from '../../domain/complaint/guards.js';

/** A complaint as plain data: what one run hands to the next. */
export interface ComplaintState {
  stage: ComplaintStage;
  acceptance: ComplaintDetails['acceptance'];
  transfer: ComplaintDetails['transfer'];
  mediation: ComplaintDetails['mediation'];
  partiesNotified: ComplaintDetails['partiesNotified'];
  violations: ComplaintDetails['violations'];
  outcome: ComplaintDetails['outcome'];
  matter: MatterState;
}

export class ComplaintContext extends MatterContext {
  stage: ComplaintStage = 'acceptance';
  acceptance: ComplaintDetails['acceptance'] = null;
  transfer: ComplaintDetails['transfer'] = null;
  mediation: ComplaintDetails['mediation'] = {
    status: 'not_started',
    startedOn: null,
    endedOn: null,
    outcome: null,
    endedBy: null,
  };
  partiesNotified: ComplaintDetails['partiesNotified'] = null;
  violations: ComplaintDetails['violations'] = [];
  outcome: ComplaintDetails['outcome'] = null;

  constructor(
    readonly input: ComplaintInput,
    carried?: ComplaintState,
  ) {
    super(input.complaintNumber, input.unitId, input.warnBefore, yearOf(input.receivedOn), carried?.matter);
    if (!carried) return;
    this.stage = carried.stage;
    this.acceptance = carried.acceptance;
    this.transfer = carried.transfer;
    this.mediation = carried.mediation;
    this.partiesNotified = carried.partiesNotified;
    this.violations = carried.violations;
    this.outcome = carried.outcome;
  }

  /** The complaint as data, for its next run (continue-as-new). */
  state(): ComplaintState {
    return {
      stage: this.stage,
      acceptance: this.acceptance,
      transfer: this.transfer,
      mediation: this.mediation,
      partiesNotified: this.partiesNotified,
      violations: this.violations,
      outcome: this.outcome,
      matter: this.matterState(),
    };
  }

  /** What the complaint's clocks do when they run out, besides telling the supervisors. */
  protected override resolveDue(due: DueRef): OnDue | undefined {
    return due.kind === 'mediation-end' ? (e) => endMediationOnDue(this, e) : undefined;
  }

  facts(): ComplaintFacts {
    return {
      stage: this.stage,
      unitId: this.unitId,
      mediationPaused: this.mediation.status === 'paused',
      transferredFromUnitId: this.input.transferredFrom?.unitId,
    };
  }

  details(): ComplaintDetails {
    const i = this.input;
    return {
      submissionId: i.submissionId,
      channel: i.channel,
      claim: i.claim,
      purchaseDate: i.purchaseDate ?? null,
      repeat: i.repeat,
      acceptance: this.acceptance,
      transfer: this.transfer,
      transferredFrom: i.transferredFrom ?? null,
      mediation: this.mediation,
      partiesNotified: this.partiesNotified,
      violations: this.violations,
      outcome: this.outcome,
    };
  }

  protected row(): MatterRow {
    const i = this.input;
    return {
      number: this.number,
      kind: 'complaint',
      unitId: this.unitId,
      stage: this.stage,
      status: this.stage === 'closed' ? 'closed' : 'open',
      source: 'complaint_report',
      respondent: i.respondent,
      summary: i.subject,
      discoveredOn: i.receivedOn,
      details: this.details(),
      rulePack: i.rulePack,
      createdBy: i.registeredBy.id,
      createdAt: this.createdAt,
    };
  }

  protected override label = { zh: '投诉', en: 'complaint' };

  protected mailHeader(): string[] {
    return [
      `投诉编号 Complaint: ${this.number}`,
      `被投诉人 Respondent: ${this.input.respondent.name}`,
      `事项 Subject: ${this.input.subject}`,
    ];
  }

  /** An e-mail to the complainant, addressed by submission: the address is looked up when sending (CRM 33). It
   * goes with the step that decides (Step.mail). */
  complainantMail(key: string, subject: string, lines: string[]): NotifyRequest {
    return {
      key: `${this.number}:complainant:${key}`,
      caseNumber: this.number,
      kind: `complaint.${key}`,
      audience: { submitterOf: this.input.submissionId },
      subject: `【投诉】${this.number} ${subject}`,
      text: [`投诉编号 Complaint: ${this.number}`, `事项 Subject: ${this.input.subject}`, ...lines].join(
        '\n',
      ),
    };
  }

  view(): ComplaintView {
    const i = this.input;
    return {
      ...this.details(),
      number: this.number,
      unitId: this.unitId,
      stage: this.stage,
      status: this.stage === 'closed' ? 'closed' : 'open',
      overdue: this.overdue,
      respondent: i.respondent,
      subject: i.subject,
      receivedOn: i.receivedOn,
      registeredBy: i.registeredBy.id,
      clocks: this.clockViews(),
    };
  }
}
