// The workflows a worker hosts (its workflowsPath).
export { caseWorkflow } from './case/case-workflow.js';
export { complaintWorkflow } from './complaint/complaint-workflow.js';
