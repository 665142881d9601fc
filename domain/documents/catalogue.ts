// Every kind of enforcement document the product issues, in the order a case reaches them (the case file's
// order). Where each kind's wording and legal basis live: domain/documents/kinds/<phase>.ts.
import type { DocumentKind } from '../../schema/document.js';
import * as execution from './kinds/execution.js';
import * as filing from './kinds/filing.js';
import * as investigation from './kinds/investigation.js';
import * as proceedings from './kinds/proceedings.js';
import type { KindSpec } from './spec.js';

export const KINDS: Record<DocumentKind, KindSpec> = {
  case_source_register: filing.caseSourceRegister,
  filing_approval: filing.filingApproval,
  no_filing_approval: filing.noFilingApproval,
  on_the_spot_decision: filing.onTheSpotDecision,
  preservation_notice: investigation.preservationNotice,
  seizure_decision: investigation.seizureDecision,
  seizure_extension: investigation.seizureExtension,
  seizure_release: investigation.seizureRelease,
  testing_commission: investigation.testingCommission,
  testing_period_notice: investigation.testingPeriodNotice,
  transfer_to_police: investigation.transferToPolice,
  investigation_report: investigation.investigationReport,
  case_review_form: proceedings.caseReviewForm,
  legal_review_opinion: proceedings.legalReviewOpinion,
  penalty_notice: proceedings.penaltyNotice,
  hearing_notice: proceedings.hearingNotice,
  hearing_record: proceedings.hearingRecord,
  hearing_report: proceedings.hearingReport,
  collective_discussion: proceedings.collectiveDiscussion,
  penalty_decision: proceedings.penaltyDecision,
  no_penalty_decision: proceedings.noPenaltyDecision,
  service_receipt: proceedings.serviceReceipt,
  payment_arrangement_notice: execution.paymentArrangementNotice,
  payment_demand: execution.paymentDemand,
  enforcement_application: execution.enforcementApplication,
  credit_repair_notice: execution.creditRepairNotice,
  closure_approval: execution.closureApproval,
};

export const documentId = (caseNumber: string, kind: DocumentKind, seq: number) =>
  `${caseNumber}/${kind}/${seq}`;
