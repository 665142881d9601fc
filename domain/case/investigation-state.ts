import type { InvestigationView } from '../../schema/investigation.js';

export type InvestigationState = InvestigationView;

export function emptyInvestigation(): InvestigationState {
  return {
    investigators: [],
    evidence: [],
    approvals: [],
    measures: [],
    testing: [],
    assistance: [],
    suspension: null,
    transfer: null,
    caseExtensions: { byHead: 0, collective: 0 },
    reviewerId: null,
  };
}
