// The commands of the investigation (调查取证, docs/rules.md), taken in the filing phase too: testing, evidence
// measures and a transfer may begin while the clue is verified, and a simplified penalty decided on the spot.
// Each command's guard says in which stage it is allowed.
import type { CaseContext } from '../context.js';
import { registerApprovalHandler } from './approvals.js';
import { registerCaseClockHandlers } from './case-clock.js';
import { registerConclusionHandlers } from './conclusion.js';
import { registerEvidenceHandlers } from './evidence.js';
import { registerMeasureHandlers } from './measures.js';
import { registerSuspensionHandlers } from './suspension.js';
import { registerTransferHandlers } from './transfer.js';

export function registerInvestigationHandlers(c: CaseContext) {
  registerApprovalHandler(c);
  registerEvidenceHandlers(c);
  registerMeasureHandlers(c);
  registerSuspensionHandlers(c);
  registerCaseClockHandlers(c);
  registerTransferHandlers(c);
  registerConclusionHandlers(c);
}
