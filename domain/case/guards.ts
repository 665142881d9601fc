// Who may do what, when: the state-machine guards of a case. Pure; the workflow's update validators call them
// (and the API may call them first, for an early answer). A guard returns a refusal or undefined.
import { FILING_EXTENSION } from '../rules/periods.js';
import type { Actor, Role } from '../../schema/roles.js';
import type { CaseStage } from '../../schema/case.js';
import type { Refusal } from '../../schema/errors.js';

export interface CaseFacts {
  stage: CaseStage;
  unitId: string;
  filingExtensions: number;
}

function requireRole(actor: Actor, role: Role): Refusal | undefined {
  return actor.roles.includes(role) ? undefined : { code: 'FORBIDDEN_ROLE', detail: role };
}

/** Heads act for their own unit's cases. (Unit hierarchy for reading comes with access control.) */
function requireUnit(actor: Actor, c: CaseFacts): Refusal | undefined {
  return actor.unitId === c.unitId ? undefined : { code: 'FORBIDDEN_UNIT' };
}

function requireStage(c: CaseFacts, stage: CaseStage): Refusal | undefined {
  return c.stage === stage ? undefined : { code: 'STAGE_NOT_ALLOWED', detail: `${c.stage} ≠ ${stage}` };
}

/** The agency head of the case's unit decides on filing (RULES.md §2). */
export function checkDecideFiling(c: CaseFacts, actor: Actor): Refusal | undefined {
  return requireRole(actor, 'agency_head') ?? requireUnit(actor, c) ?? requireStage(c, 'filing');
}

/** The head may extend the filing period, once (RULES.md §2). */
export function checkExtendFiling(c: CaseFacts, actor: Actor): Refusal | undefined {
  return (
    checkDecideFiling(c, actor) ??
    (c.filingExtensions >= FILING_EXTENSION.maxTimes ? { code: 'EXTENSION_USED' } : undefined)
  );
}
