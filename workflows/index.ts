// The workflows a worker hosts (its workflowsPath).
export { enforcementCase } from './case/case-workflow.js';
export { caseFiling } from './case/phases/filing.js';
export { caseInvestigation } from './case/phases/investigation.js';
export { caseReview } from './case/phases/review.js';
export { caseAftercare } from './case/phases/aftercare.js';
export { complaintWorkflow } from './complaint/complaint-workflow.js';
