// The pure guards the workflow validators run (docs/rules.md, "Roles").
import { describe, expect, it } from 'vitest';
import type { OfficerRef, RecordTransferStep, TransferStatus } from '../../schema/investigation.js';
import type { Actor } from '../../schema/roles.js';
import { emptyInvestigation } from './investigation-state.js';
import { NATIONAL_DEFAULTS } from '../rules/packs/national.js';
import {
  checkCollectiveExtension,
  checkConclude,
  checkExtendCaseClock,
  checkExtendFiling,
  checkExtendSeizure,
  checkHearingChair,
  checkOnTheSpot,
  checkProposeTransfer,
  checkStartTesting,
  checkTeam,
  checkTransferStep,
  limitationOf,
  type CaseFacts,
} from './guards.js';

const officer: Actor = { id: 'o1', displayName: 'o1', roles: ['case_officer'], unitId: 'dc' };
const ref = (id: string, over: Partial<OfficerRef> = {}): OfficerRef => ({
  id,
  unitId: 'dc',
  roles: ['case_officer'],
  certificateNo: `ZF-${id}`,
  ...over,
});
const clueOf = (kind: 'organisation' | 'natural_person' | 'individual_business') => ({
  source: 'media' as const,
  respondent: { kind, name: '某某' },
  summary: '线索摘要',
  discoveredOn: '2026-11-02',
});
const facts = (over: Partial<CaseFacts> = {}): CaseFacts => ({
  today: '2026-11-20',
  stage: 'investigation',
  unitId: 'dc',
  filingExtensions: 0,
  clue: clueOf('organisation'),
  investigation: emptyInvestigation(),
  pack: NATIONAL_DEFAULTS,
  ...over,
});

describe('two distinct certified officers (APL 42)', () => {
  it.each([
    [[ref('o1')], 'TEAM_TOO_SMALL'],
    [[ref('o1'), ref('o1')], 'TEAM_TOO_SMALL'],
    [[ref('o2'), ref('o3')], 'ACTOR_NOT_IN_TEAM'],
    [[ref('o1'), ref('o2', { certificateNo: null })], 'OFFICER_NOT_CERTIFIED'],
    [[ref('o1'), ref('o2', { unitId: 'dc-cg' })], 'OFFICER_NOT_CERTIFIED'],
    [[ref('o1'), ref('o2', { roles: ['legal_reviewer'] })], 'OFFICER_NOT_CERTIFIED'],
  ])('%j → %s', (team, code) => {
    expect(checkTeam(facts(), officer, team)).toMatchObject({ code });
  });
  it('accepts two certified officers of the unit, the actor among them', () => {
    expect(checkTeam(facts(), officer, [ref('o1'), ref('o2')])).toBeUndefined();
  });
});

describe('limitation (APL 36)', () => {
  it('two years from the end of the violation, five with serious harm', () => {
    const clue = {
      source: 'media' as const,
      respondent: { kind: 'natural_person' as const, name: '某' },
      summary: '线索摘要',
      discoveredOn: '2026-03-01',
      violationEndedOn: '2024-02-29',
    };
    expect(limitationOf(clue)).toMatchObject({ expiresOn: '2026-02-28', years: 2, expired: true });
    expect(limitationOf({ ...clue, seriousHarm: true })).toMatchObject({
      expiresOn: '2029-02-28',
      expired: false,
    });
    expect(limitationOf({ ...clue, violationEndedOn: undefined })).toBeNull();
  });
});

describe('simplified procedure limits come from the rule pack (APL 51)', () => {
  const decision = (amount: number) => ({
    officers: ['o1', 'o2'],
    formNumber: 'JY-1',
    penalty: { kind: 'fine' as const, amount },
    facts: '事实',
    legalBasis: '依据',
  });
  const team = [ref('o1'), ref('o2')];
  it('¥3,000 for an organisation, ¥200 for a natural person; a province may set its own', () => {
    const f = facts({ stage: 'filing' });
    expect(checkOnTheSpot(f, officer, team, decision(3000))).toBeUndefined();
    expect(checkOnTheSpot(f, officer, team, decision(3001))).toMatchObject({ code: 'SIMPLIFIED_OVER_LIMIT' });
    const person = facts({ stage: 'filing', clue: clueOf('natural_person') });
    expect(checkOnTheSpot(person, officer, team, decision(201))).toMatchObject({
      code: 'SIMPLIFIED_OVER_LIMIT',
    });
    const pack = {
      ...NATIONAL_DEFAULTS,
      thresholds: {
        ...NATIONAL_DEFAULTS.thresholds,
        simplifiedFineMax: { naturalPerson: 100, organisation: 1000 },
      },
    };
    expect(checkOnTheSpot({ ...f, pack }, officer, team, decision(1001))).toMatchObject({
      code: 'SIMPLIFIED_OVER_LIMIT',
    });
  });
  it('an individual business takes a natural person’s limit, unless the rule pack says organisation', () => {
    const shop = facts({ stage: 'filing', clue: clueOf('individual_business') });
    expect(checkOnTheSpot(shop, officer, team, decision(200))).toBeUndefined();
    expect(checkOnTheSpot(shop, officer, team, decision(201))).toMatchObject({
      code: 'SIMPLIFIED_OVER_LIMIT',
    });
    const asOrganisation = {
      ...NATIONAL_DEFAULTS,
      thresholds: { ...NATIONAL_DEFAULTS.thresholds, individualBusinessAs: 'organisation' as const },
    };
    expect(checkOnTheSpot({ ...shop, pack: asOrganisation }, officer, team, decision(3000))).toBeUndefined();
    expect(checkOnTheSpot({ ...shop, pack: asOrganisation }, officer, team, decision(3001))).toMatchObject({
      code: 'SIMPLIFIED_OVER_LIMIT',
    });
  });
});

describe('separation of duties (docs/rules.md)', () => {
  const inv = { ...emptyInvestigation(), investigators: ['o1', 'o2', 'r2'] };
  const reviewer = (id: string) => ref(id, { roles: ['legal_reviewer'], certificateNo: null });
  it('a reviewer or hearing chair who investigated is refused', () => {
    const f = facts({ investigation: inv });
    expect(checkConclude(f, officer, [ref('o1'), ref('o2')], reviewer('r2'))).toMatchObject({
      code: 'REVIEWER_INVESTIGATED',
    });
    expect(checkConclude(f, officer, [ref('o1'), ref('o2')], reviewer('r1'))).toBeUndefined();
    expect(checkHearingChair(f, ref('o2'))).toMatchObject({ code: 'REVIEWER_INVESTIGATED' });
    expect(checkHearingChair(f, ref('h9'))).toBeUndefined();
  });
  it('open steps keep the case in investigation', () => {
    const f = facts({
      investigation: {
        ...inv,
        assistance: [
          { id: 'H1', office: 'x', matter: 'y', requestedOn: '2026-11-02', clock: 'assistance-H1' },
        ],
      },
    });
    expect(checkConclude(f, officer, [ref('o1'), ref('o2')], reviewer('r1'))).toMatchObject({
      code: 'OPEN_STEPS',
      detail: 'H1',
    });
  });
});

describe('an extension comes before the period runs out', () => {
  const headActor: Actor = { id: 'h1', displayName: 'h1', roles: ['agency_head'], unitId: 'dc' };
  it('the filing period: on its last day yes, the day after no', () => {
    const filing = (today: string) =>
      checkExtendFiling(facts({ stage: 'filing', today, filingDueOn: '2026-11-20' }), headActor);
    expect(filing('2026-11-20')).toBeUndefined();
    expect(filing('2026-11-21')).toEqual({ code: 'PERIOD_EXPIRED', detail: '2026-11-20' });
  });
  it('the case period, by the head and by collective discussion', () => {
    const on = (today: string, byHead = 0) =>
      facts({
        today,
        caseDueOn: '2027-01-30',
        caseClockRunning: true,
        investigation: { ...emptyInvestigation(), caseExtensions: { byHead, collective: 0 } },
      });
    expect(checkExtendCaseClock(on('2027-01-30'), headActor)).toBeUndefined();
    expect(checkExtendCaseClock(on('2027-01-31'), headActor)).toMatchObject({ code: 'PERIOD_EXPIRED' });
    const heads = [ref('h1', { roles: ['agency_head'] }), ref('h2', { roles: ['agency_head'] })];
    expect(checkCollectiveExtension(on('2027-01-30', 1), headActor, heads)).toBeUndefined();
    expect(checkCollectiveExtension(on('2027-01-31', 1), headActor, heads)).toMatchObject({
      code: 'PERIOD_EXPIRED',
    });
  });
  it('a seizure', () => {
    const inv = emptyInvestigation();
    inv.measures.push({
      id: 'M1',
      kind: 'seizure',
      status: 'active',
      items: ['x'],
      approvalId: 'A1',
      clock: 'seizure-M1',
      extended: false,
    });
    const on = (today: string) =>
      facts({ today, investigation: inv, measureDueOn: (id) => (id === 'M1' ? '2026-10-03' : undefined) });
    expect(checkExtendSeizure(on('2026-10-03'), 'M1', 30)).toBeUndefined();
    expect(checkExtendSeizure(on('2026-10-04'), 'M1', 30)).toEqual({
      code: 'PERIOD_EXPIRED',
      detail: '2026-10-03',
    });
  });
});

describe('recorded steps, now guarded in the domain', () => {
  const team2 = [ref('o1'), ref('o2')];
  const withTransfer = (status: TransferStatus, over: Partial<CaseFacts> = {}) =>
    facts({
      today: '2026-11-20',
      investigation: {
        ...emptyInvestigation(),
        transfer: {
          status,
          suspectedOffence: 'x',
          approvalId: 'A1',
          history: [{ step: 'x', on: '2026-11-18', by: 'o1', note: '' }],
        },
      },
      ...over,
    });
  const step = (s: RecordTransferStep) => s;
  it('a transfer step follows the state machine (TR art. 9: the procuratorate directly after a refusal)', () => {
    const sup = step({ step: 'supervision_requested', officers: ['o1', 'o2'], note: 'n' });
    expect(checkTransferStep(withTransfer('refused'), officer, team2, sup)).toBeUndefined();
    expect(checkTransferStep(withTransfer('approved'), officer, team2, sup)).toMatchObject({
      code: 'TRANSFER_STEP_NOT_ALLOWED',
    });
  });
  it('a dated transfer step comes after the step before it and not after today', () => {
    const on = (d: string) =>
      checkTransferStep(withTransfer('handed_over'), officer, team2, {
        step: 'police_decision',
        officers: ['o1', 'o2'],
        accepted: false,
        note: 'n',
        on: d,
      });
    expect(on('2026-11-19')).toBeUndefined();
    expect(on('2026-11-17')).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(on('2026-11-21')).toMatchObject({ code: 'DATE_IN_FUTURE' });
  });
  it('the items go over once, after the police filed, even though the case is closed', () => {
    const items = step({ step: 'items_handed_over', officers: ['o1', 'o2'], note: 'n' });
    const closed = (handedOverOn?: string) =>
      withTransfer('accepted', {
        stage: 'closed',
        investigation: {
          ...emptyInvestigation(),
          transfer: {
            status: 'accepted',
            suspectedOffence: 'x',
            approvalId: 'A1',
            history: [],
            items: { dueOn: '2026-11-21', ...(handedOverOn ? { handedOverOn } : {}) },
          },
        },
      });
    expect(checkTransferStep(closed(), officer, team2, items)).toBeUndefined();
    expect(checkTransferStep(closed('2026-11-20'), officer, team2, items)).toMatchObject({
      code: 'TRANSFER_STEP_NOT_ALLOWED',
    });
  });
  it('a second transfer is refused while one is under way', () => {
    expect(checkProposeTransfer(withTransfer('handed_over'), officer, team2)).toMatchObject({
      code: 'TRANSFER_STEP_NOT_ALLOWED',
    });
    expect(checkProposeTransfer(withTransfer('returned'), officer, team2)).toBeUndefined();
  });
  it('a pause must fit the clocks it holds', () => {
    const f = facts({
      today: '2026-11-20',
      holdClash: (from) => (from < '2026-11-10' ? 'DATE_BEFORE_START' : undefined),
    });
    const start = (on?: string) =>
      checkStartTesting(f, officer, team2, {
        officers: ['o1', 'o2'],
        kind: 'hearing',
        description: 'd',
        seizureIds: [],
        ...(on ? { on } : {}),
      });
    expect(start()).toBeUndefined();
    expect(start('2026-11-12')).toBeUndefined();
    expect(start('2026-11-09')).toMatchObject({ code: 'VALIDATION_FAILED', detail: 'on: DATE_BEFORE_START' });
  });
});
