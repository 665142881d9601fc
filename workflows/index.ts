// The workflows a worker hosts (its workflowsPath).
export { enforcementCase } from './case/case-workflow.js';
export { caseFiling } from './case/phases/filing.js';
export { caseInvestigation } from './case/phases/investigation.js';
export { caseReview } from './case/phases/review.js';
export { caseNotice } from './case/phases/notice.js';
export { caseHearing } from './case/phases/hearing.js';
export { caseDecision } from './case/phases/decision.js';
export { caseExecution } from './case/phases/execution.js';
export { casePublicity } from './case/phases/publicity.js';
export { caseAftercare } from './case/phases/aftercare.js';
export { complaintWorkflow } from './complaint/complaint-workflow.js';
export { creditListing } from './listing/listing-workflow.js';
export { calendarRecompute } from './calendar/recompute.js';
