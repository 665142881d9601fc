// The guards of a credit listing (docs/rules.md, "Credit lists"): who decides (the abnormal list: the unit's own
// head; the serious list and an escalation: the approving unit's head, one level up where the rule pack says so),
// removal applications one at a time, early removal from the serious list not before its earliest day.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../schema/roles.js';
import {
  approvingUnitOf,
  checkApplyRemoval,
  checkDecideListing,
  checkDecideRemoval,
  type ListingFacts,
} from './listing.js';

const actor = (id: string, roles: Actor['roles'], unitId = 'dc'): Actor => ({
  id,
  displayName: id,
  roles,
  unitId,
});
const officer = actor('officer1', ['case_officer']);
const head = actor('head1', ['agency_head']);
const cityHead = actor('cityhead', ['agency_head'], 'city');

const facts = (f: Partial<ListingFacts> = {}): ListingFacts => ({
  stage: 'proposed',
  list: 'abnormal',
  unitId: 'dc',
  approvingUnitId: 'city',
  foundOn: '2026-03-02',
  listedOn: null,
  earliestRemovalOn: null,
  pendingRemoval: null,
  removals: 0,
  today: '2026-06-01',
  ...f,
});
const listed = (f: Partial<ListingFacts> = {}) => facts({ stage: 'listed', listedOn: '2026-03-10', ...f });
const decide = { decision: 'list' as const, on: '2026-03-10', reasons: '理由' };

describe('credit listing guards', () => {
  it('the approving unit is the one above when the rule pack asks for it and there is one', () => {
    expect(approvingUnitOf({ id: 'dc', parentId: 'city' }, true)).toBe('city');
    expect(approvingUnitOf({ id: 'dc', parentId: 'city' }, false)).toBe('dc');
    expect(approvingUnitOf({ id: 'prv', parentId: null }, true)).toBe('prv');
  });

  it('the abnormal list is decided by the unit’s own head; the serious list one level up', () => {
    expect(checkDecideListing(facts(), head, decide)).toBeUndefined();
    expect(checkDecideListing(facts(), cityHead, decide)).toMatchObject({
      code: 'LISTING_APPROVAL_ELSEWHERE',
    });
    expect(checkDecideListing(facts({ list: 'serious' }), head, decide)).toMatchObject({
      code: 'LISTING_APPROVAL_ELSEWHERE',
      detail: 'city',
    });
    expect(checkDecideListing(facts({ list: 'serious' }), cityHead, decide)).toBeUndefined();
    // An escalation proposes the serious list while the entity is on the abnormal list.
    const escalation = listed({ stage: 'escalation' });
    expect(checkDecideListing(escalation, head, decide)).toMatchObject({
      code: 'LISTING_APPROVAL_ELSEWHERE',
    });
    expect(checkDecideListing(escalation, cityHead, decide)).toBeUndefined();
    expect(checkDecideListing(facts(), officer, decide)).toMatchObject({ code: 'FORBIDDEN_ROLE' });
  });

  it('a decision is dated between the finding and today, and only while one is due', () => {
    expect(checkDecideListing(facts(), head, { ...decide, on: '2026-03-01' })).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(checkDecideListing(facts(), head, { ...decide, on: '2026-06-02' })).toMatchObject({
      code: 'DATE_IN_FUTURE',
    });
    expect(checkDecideListing(listed(), head, decide)).toMatchObject({ code: 'STAGE_NOT_ALLOWED' });
  });

  it('removal: applied for by an officer of the unit while listed, one at a time, at most ten', () => {
    const cmd = { appliedOn: '2026-04-01', grounds: '已补报' };
    expect(checkApplyRemoval(listed(), officer, cmd)).toBeUndefined();
    expect(checkApplyRemoval(listed(), head, cmd)).toMatchObject({ code: 'FORBIDDEN_ROLE' });
    expect(checkApplyRemoval(listed(), actor('o', ['case_officer'], 'dc-cg'), cmd)).toMatchObject({
      code: 'FORBIDDEN_UNIT',
    });
    expect(checkApplyRemoval(facts(), officer, cmd)).toMatchObject({ code: 'STAGE_NOT_ALLOWED' });
    expect(checkApplyRemoval(listed(), officer, { ...cmd, appliedOn: '2026-03-09' })).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(
      checkApplyRemoval(listed({ pendingRemoval: { appliedOn: '2026-03-20' } }), officer, cmd),
    ).toMatchObject({ code: 'LISTING_REMOVAL_PENDING' });
    expect(checkApplyRemoval(listed({ removals: 10 }), officer, cmd)).toMatchObject({ code: 'LIST_FULL' });
  });

  it('early removal from the serious list: not before its earliest day', () => {
    const serious = listed({ list: 'serious', earliestRemovalOn: '2027-03-10', today: '2027-06-01' });
    expect(checkApplyRemoval(serious, officer, { appliedOn: '2027-03-09', grounds: '整改' })).toMatchObject({
      code: 'LISTING_REMOVAL_TOO_EARLY',
      detail: '2027-03-10',
    });
    expect(checkApplyRemoval(serious, officer, { appliedOn: '2027-03-10', grounds: '整改' })).toBeUndefined();
  });

  it('the removal decision: the deciding unit’s head, on a pending application, not before it', () => {
    const pending = listed({ pendingRemoval: { appliedOn: '2026-04-01' } });
    const cmd = { decision: 'remove' as const, on: '2026-04-02', reasons: '已履行' };
    expect(checkDecideRemoval(pending, head, cmd)).toBeUndefined();
    expect(checkDecideRemoval(listed(), head, cmd)).toMatchObject({ code: 'LISTING_NO_REMOVAL_PENDING' });
    expect(checkDecideRemoval(pending, head, { ...cmd, on: '2026-03-31' })).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    const serious = listed({ list: 'serious', pendingRemoval: { appliedOn: '2026-04-01' } });
    expect(checkDecideRemoval(serious, head, cmd)).toMatchObject({ code: 'LISTING_APPROVAL_ELSEWHERE' });
    expect(checkDecideRemoval(serious, cityHead, cmd)).toBeUndefined();
  });
});
