// The guards from review to service that the workflow cannot reach by its own steps (defence in depth), and the
// date rules of the defence period and the hearing notice.
import { describe, expect, it } from 'vitest';
import type { ProceedingsView } from '../../schema/decision.js';
import type { OfficerRef } from '../../schema/investigation.js';
import type { Actor } from '../../schema/roles.js';
import { NATIONAL_DEFAULTS } from '../rules/packs/national.js';
import { emptyInvestigation } from './investigation-state.js';
import type { CaseFacts } from './guards.js';
import {
  checkDecide,
  checkDefenceStep,
  checkLegalReview,
  checkScheduleHearing,
  checkServeNotice,
} from './proceedings-guards.js';

const officer: Actor = { id: 'o1', displayName: 'o1', roles: ['case_officer'], unitId: 'dc' };
const head: Actor = { id: 'h1', displayName: 'h1', roles: ['agency_head'], unitId: 'dc' };
const reviewer: Actor = { id: 'r1', displayName: 'r1', roles: ['legal_reviewer'], unitId: 'dc' };
const ref = (id: string, over: Partial<OfficerRef> = {}): OfficerRef => ({
  id,
  unitId: 'dc',
  roles: ['case_officer'],
  certificateNo: `ZF-${id}`,
  ...over,
});
const team = [ref('o1'), ref('o2')];
const fine = { kind: 'penalty' as const, penalties: [{ kind: 'fine' as const, amountFen: 500_000 }] };
const proceedings = (over: Partial<ProceedingsView> = {}): ProceedingsView => ({
  round: 1,
  proposal: { facts: '事实', legalBasis: '依据', outcome: fine },
  receivedOn: '2026-11-02',
  reviewerId: 'r1',
  caseReview: { by: 'r1', on: '2026-11-05', result: 'approve', opinion: '同意' },
  caseReviewExtended: false,
  legalReview: { required: false, reasons: [], record: null },
  collective: { required: false, reasons: [] },
  returns: [],
  notice: null,
  hearing: null,
  eServiceConsent: null,
  decision: null,
  service: null,
  ...over,
});
const facts = (over: Partial<CaseFacts> = {}): CaseFacts => ({
  today: '2026-11-20',
  stage: 'decision',
  unitId: 'dc',
  filingExtensions: 0,
  investigation: { ...emptyInvestigation(), investigators: ['o1', 'o2'] },
  pack: NATIONAL_DEFAULTS,
  proceedings: proceedings(),
  ...over,
});
const notice = (over: Partial<NonNullable<ProceedingsView['notice']>> = {}) => ({
  service: {
    method: 'in_person' as const,
    on: '2026-11-10',
    receiver: '当事人',
    effectiveOn: '2026-11-10',
    recordedBy: ['o1', 'o2'],
  },
  hearingRight: true,
  hearingReasons: ['fine'],
  defences: [],
  ended: null,
  ...over,
});
const decide = { outcome: fine, facts: '事实', legalBasis: '依据' };

describe('proceedings guards', () => {
  it('no decision while a required legal review is missing or returned', () => {
    const required = (record: ProceedingsView['legalReview']['record']) =>
      facts({
        proceedings: proceedings({
          notice: notice(),
          legalReview: { required: true, reasons: ['complex'], record },
        }),
      });
    expect(checkDecide(required(null), head, [], decide)).toEqual({ code: 'LEGAL_REVIEW_MISSING' });
    expect(
      checkDecide(
        required({ by: 'r1', on: '2026-11-06', result: 'return', opinion: '退回' }),
        head,
        [],
        decide,
      ),
    ).toEqual({ code: 'LEGAL_REVIEW_MISSING' });
    expect(
      checkDecide(
        required({ by: 'r1', on: '2026-11-06', result: 'approve', opinion: '同意' }),
        head,
        [],
        decide,
      ),
    ).toBeUndefined();
    expect(
      checkDecide(facts({ proceedings: proceedings({ notice: notice() }) }), officer, [], decide),
    ).toMatchObject({
      code: 'FORBIDDEN_ROLE',
    });
  });

  it('a legal reviewer needs the qualification and never investigated the case', () => {
    const f = facts({ stage: 'review' });
    expect(checkLegalReview(f, reviewer, ref('r1', { roles: ['legal_reviewer'] }))).toMatchObject({
      code: 'LEGAL_QUALIFICATION_MISSING',
    });
    expect(
      checkLegalReview(f, reviewer, ref('r1', { roles: ['legal_reviewer'], legalQualified: true })),
    ).toBeUndefined();
    const investigated = facts({
      stage: 'review',
      investigation: { ...emptyInvestigation(), investigators: ['r1'] },
    });
    expect(checkLegalReview(investigated, reviewer, ref('r1', { legalQualified: true }))).toMatchObject({
      code: 'REVIEWER_INVESTIGATED',
    });
  });

  it('a notice is served after the review, not in the future; a hearing request only within the 5 WD', () => {
    const f = facts({ stage: 'notice' });
    expect(checkServeNotice(f, officer, team, '2026-11-04')).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(checkServeNotice(f, officer, team, '2026-11-21')).toMatchObject({ code: 'DATE_IN_FUTURE' });
    expect(checkServeNotice(f, officer, team, '2026-11-05')).toBeUndefined();
    const served = facts({
      stage: 'notice',
      proceedings: proceedings({ notice: notice() }),
      defenceDueOn: '2026-11-17',
    });
    expect(checkDefenceStep(served, officer, team, '2026-11-17', 'hearing')).toBeUndefined();
    expect(checkDefenceStep(served, officer, team, '2026-11-18', 'hearing')).toMatchObject({
      code: 'DEFENCE_PERIOD_OVER',
    });
    expect(checkDefenceStep(served, officer, team, '2026-11-09', 'defence')).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    const full = facts({
      stage: 'notice',
      proceedings: proceedings({
        notice: notice({
          defences: Array.from({ length: 10 }, () => ({
            receivedOn: '2026-11-11',
            form: 'oral',
            content: '申辩',
            answer: { verdict: 'rejected', reasons: '理由' },
          })),
        }),
      }),
    });
    expect(checkDefenceStep(full, officer, team, '2026-11-12', 'defence')).toMatchObject({
      code: 'LIST_FULL',
    });
  });

  it('the hearing date is at least 7 WD after its notice; the chair belongs to the unit and did not investigate', () => {
    const hearing = {
      requestedOn: '2026-11-10',
      chairId: null,
      hearingOn: null,
      place: null,
      public: null,
      notices: [],
      postponements: [],
      outcome: null,
      heldOn: null,
    };
    const f = facts({
      stage: 'hearing',
      proceedings: proceedings({ notice: notice({ ended: 'hearing_requested' }), hearing }),
      earliestHearingOn: () => '2026-11-20',
    });
    const cmd = (hearingOn: string) => ({
      officers: ['o1', 'o2'],
      chairId: 'c1',
      hearingOn,
      place: '听证室',
      public: true,
      notice: { method: 'in_person' as const, on: '2026-11-11', receiver: '当事人' },
    });
    const chair = ref('c1', { roles: ['legal_reviewer'], certificateNo: null });
    expect(checkScheduleHearing(f, officer, team, chair, cmd('2026-11-19'))).toMatchObject({
      code: 'HEARING_NOTICE_TOO_LATE',
    });
    expect(checkScheduleHearing(f, officer, team, chair, cmd('2026-11-20'))).toBeUndefined();
    expect(
      checkScheduleHearing(f, officer, team, { ...chair, unitId: 'city' }, cmd('2026-11-20')),
    ).toMatchObject({
      code: 'FORBIDDEN_UNIT',
    });
  });
});
