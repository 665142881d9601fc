// A case workflow's input for tests and recordings: a clue from the demo county unit, registered by officer1.
import { NATIONAL_DEFAULTS } from '../../domain/rules/packs/national.js';
import type { CaseInput, RegisterClue } from '../../schema/case.js';

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
