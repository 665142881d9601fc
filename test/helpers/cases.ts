// A case workflow's input for tests and recordings: a clue from the demo county unit, registered by officer1.
import { NATIONAL_DEFAULTS } from '../../domain/rules/packs/national.js';
import type { CaseInput, RegisterClue } from '../../schema/case.js';
import type { OfficerRef } from '../../schema/investigation.js';
import type { Actor } from '../../schema/roles.js';
import type { Proposal } from '../../schema/decision.js';

export function caseInput(
  caseNumber: string,
  discoveredOn: string,
  clue: Partial<RegisterClue> = {},
): CaseInput {
  return {
    caseNumber,
    unitId: 'dc',
    clue: {
      source: 'complaint_report',
      respondent: { kind: 'organisation', name: '演示商贸有限公司', uscc: '91350100M000100Y43' },
      summary: '销售过期食品的举报线索',
      discoveredOn,
      ...clue,
    },
    registeredBy: { id: 'officer1', displayName: '王敏', roles: ['case_officer'], unitId: 'dc' },
    warnBefore: [...NATIONAL_DEFAULTS.reminders.warnBeforeWD],
  };
}

// The demo unit's people as commands name them (usable outside vitest: the recorder and the benchmarks).
export const actor = (id: string, roles: Actor['roles'], unitId = 'dc'): Actor => ({
  id,
  displayName: id,
  roles,
  unitId,
});
export const head = actor('head1', ['agency_head']);
/** The principal head (正职负责人), who alone decides a criminal transfer. */
export const principal = actor('head1', ['agency_head', 'principal_head']);
export const officer1 = actor('officer1', ['case_officer']);
/** A user as the API would resolve them; certified unless certificateNo is null. */
export const ref = (
  id: string,
  roles = ['case_officer'],
  unitId = 'dc',
  certificateNo: string | null = `ZF-${id}`,
): OfficerRef => ({ id, unitId, roles, certificateNo });
export const team = [ref('officer1'), ref('officer2')];
export const TEAM_IDS = ['officer1', 'officer2'];

/** The investigators' proposal as a conclusion carries it: by default a fine of ¥5,000 (below every threshold). */
export const proposal = (
  outcome: Proposal['outcome'] = { kind: 'penalty', penalties: [{ kind: 'fine', amountFen: 500_000 }] },
  more: Partial<Proposal> = {},
): Proposal => ({
  facts: '当事人销售超过保质期的食品，货值金额二千元',
  legalBasis: '《中华人民共和国食品安全法》第一百二十四条第一款第（五）项',
  outcome,
  correctiveOrder: '责令改正，下架销毁过期食品',
  ...more,
});
