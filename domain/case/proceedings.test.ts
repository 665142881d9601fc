// The rules between the investigation and the decision (docs/rules.md: review gates, notice and hearing,
// decision): hearing rights per respondent kind, legal review and collective discussion triggers, the notified
// penalty as a ceiling, publication.
import { describe, expect, it } from 'vitest';
import type { DecisionOutcome, Proposal } from '../../schema/decision.js';
import type { RulePackContent } from '../../schema/rule-pack.js';
import { NATIONAL_DEFAULTS } from '../rules/packs/national.js';
import { mergePack } from '../rules/packs/merge.js';
import {
  collectiveMinHeads,
  collectiveReasons,
  exceedsNotified,
  hearingReasons,
  legalReviewReasons,
  monetaryTotalFen,
  publishes,
} from './proceedings.js';

const pack: RulePackContent = NATIONAL_DEFAULTS;
const yuan = (n: number) => n * 100;
const penalty = (
  ...penalties: Extract<DecisionOutcome, { kind: 'penalty' }>['penalties']
): DecisionOutcome => ({
  kind: 'penalty',
  penalties,
});
const proposal = (outcome: DecisionOutcome, more: Partial<Proposal> = {}): Proposal => ({
  facts: '事实',
  legalBasis: '依据',
  outcome,
  ...more,
});

describe('hearing rights (APL 63)', () => {
  it('a large fine per respondent kind: ¥10,000 for a natural person and an individual business, ¥100,000 for an organisation', () => {
    const fine = (n: number) => penalty({ kind: 'fine', amountFen: yuan(n) });
    expect(hearingReasons(pack, 'natural_person', fine(9_999))).toEqual([]);
    expect(hearingReasons(pack, 'natural_person', fine(10_000))).toEqual(['fine ≥ 10000 元']);
    expect(hearingReasons(pack, 'individual_business', fine(10_000))).toEqual(['fine ≥ 10000 元']);
    expect(hearingReasons(pack, 'organisation', fine(99_999))).toEqual([]);
    expect(hearingReasons(pack, 'organisation', fine(100_000))).toEqual(['fine ≥ 100000 元']);
    // A province that counts an individual business as an organisation.
    const prv = mergePack(pack, { thresholds: { individualBusinessAs: 'organisation' } });
    expect(hearingReasons(prv, 'individual_business', fine(10_000))).toEqual([]);
  });

  it('confiscations count on their own, never added to the fine', () => {
    const split = penalty(
      { kind: 'fine', amountFen: yuan(60_000) },
      { kind: 'confiscate_gains', amountFen: yuan(60_000) },
    );
    expect(monetaryTotalFen(split)).toBe(yuan(120_000));
    expect(hearingReasons(pack, 'organisation', split)).toEqual([]);
    const property = penalty({ kind: 'confiscate_property', amountFen: yuan(100_000), items: '侵权商品' });
    expect(hearingReasons(pack, 'organisation', property)).toEqual(['confiscate_property ≥ 100000 元']);
  });

  it('licence downgrade or revocation, suspension, closure and occupational bans, whatever the amount; a warning never', () => {
    expect(
      hearingReasons(pack, 'organisation', penalty({ kind: 'licence_revocation', licence: '许可证' })),
    ).toHaveLength(1);
    expect(hearingReasons(pack, 'organisation', penalty({ kind: 'business_suspension' }))).toHaveLength(1);
    expect(
      hearingReasons(pack, 'natural_person', penalty({ kind: 'occupational_ban', years: 1 })),
    ).toHaveLength(1);
    expect(hearingReasons(pack, 'organisation', penalty({ kind: 'warning' }))).toEqual([]);
    expect(hearingReasons(pack, 'organisation', { kind: 'no_penalty', ground: 'no_fault' })).toEqual([]);
  });

  it('a provincial pack sets its own amounts', () => {
    const prv = mergePack(pack, { thresholds: { hearingLargeAmount: { organisation: 50_000 } } });
    expect(
      hearingReasons(prv, 'organisation', penalty({ kind: 'fine', amountFen: yuan(50_000) })),
    ).toHaveLength(1);
  });
});

describe('legal review (APL 58) and collective discussion (APL 57)', () => {
  it('legal review: major public interest, hearing rights, complex cases, and the pack’s amount', () => {
    const small = penalty({ kind: 'fine', amountFen: yuan(5_000) });
    expect(legalReviewReasons(pack, 'organisation', proposal(small))).toEqual([]);
    expect(legalReviewReasons(pack, 'organisation', proposal(small, { majorPublicInterest: true }))).toEqual([
      'major_public_interest',
    ]);
    expect(legalReviewReasons(pack, 'organisation', proposal(small, { complex: true }))).toEqual(['complex']);
    expect(
      legalReviewReasons(pack, 'organisation', proposal(penalty({ kind: 'fine', amountFen: yuan(100_000) }))),
    ).toEqual(['hearing_rights']);
    const prv = mergePack(pack, { thresholds: { legalReviewAmount: 5_000 } });
    expect(legalReviewReasons(prv, 'organisation', proposal(small))).toEqual(['amount ≥ 5000 元']);
  });

  it('collective discussion: fines and confiscations together from ¥50,000, or a complex case; the fewest heads', () => {
    expect(collectiveReasons(pack, penalty({ kind: 'fine', amountFen: yuan(49_999) }))).toEqual([]);
    expect(
      collectiveReasons(
        pack,
        penalty(
          { kind: 'fine', amountFen: yuan(30_000) },
          { kind: 'confiscate_gains', amountFen: yuan(20_000) },
        ),
      ),
    ).toEqual(['amount ≥ 50000 元']);
    expect(collectiveReasons(pack, penalty({ kind: 'warning' }), true)).toEqual(['complex']);
    expect(collectiveMinHeads(pack)).toBe(2);
    expect(collectiveMinHeads(mergePack(pack, { thresholds: { collectiveMinHeads: 5 } }))).toBe(5);
  });
});

describe('the notified penalty is a ceiling (APL 45 ¶2)', () => {
  const notified = penalty({ kind: 'fine', amountFen: yuan(20_000) }, { kind: 'occupational_ban', years: 2 });
  it('less or the same passes; more, longer or another kind is refused; no penalty always passes', () => {
    expect(exceedsNotified(notified, penalty({ kind: 'fine', amountFen: yuan(20_000) }))).toBeUndefined();
    expect(exceedsNotified(notified, penalty({ kind: 'occupational_ban', years: 1 }))).toBeUndefined();
    expect(exceedsNotified(notified, penalty({ kind: 'fine', amountFen: yuan(20_000) + 1 }))).toMatch(/fine/);
    expect(exceedsNotified(notified, penalty({ kind: 'occupational_ban', years: 3 }))).toMatch(/years/);
    expect(exceedsNotified(notified, penalty({ kind: 'closure' }))).toMatch(/not notified/);
    expect(exceedsNotified(notified, { kind: 'no_penalty', ground: 'minor_corrected' })).toBeUndefined();
    expect(
      exceedsNotified({ kind: 'no_penalty', ground: 'no_fault' }, penalty({ kind: 'warning' })),
    ).toBeDefined();
  });
});

describe('publication', () => {
  it('a decision is published unless it is no penalty or a warning only', () => {
    expect(publishes(penalty({ kind: 'warning' }))).toBe(false);
    expect(publishes({ kind: 'no_penalty', ground: 'first_violation' })).toBe(false);
    expect(publishes(penalty({ kind: 'warning' }, { kind: 'fine', amountFen: 100 }))).toBe(true);
    expect(publishes(penalty({ kind: 'circulated_criticism' }))).toBe(true);
  });
});
