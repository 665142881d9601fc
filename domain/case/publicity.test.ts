// Publicity of penalty decisions (docs/rules.md, "Publicity" and "Credit repair under Order 107"): whether and in
// which tier a decision is published, how long it stays up (Order 107 tiers or PUB 13), and early removal
// (PUB 14).
import { describe, expect, it } from 'vitest';
import type { DecisionOutcome } from '../../schema/decision.js';
import type { PublicitySettings, RulePackContent } from '../../schema/rule-pack.js';
import { mergePack, publicitySettings } from '../rules/packs/merge.js';
import { NATIONAL_DEFAULTS } from '../rules/packs/national.js';
import { publicityEndsOn, publicityTier, repairRefusal, type RepairFacts } from './publicity.js';

const pack: RulePackContent = NATIONAL_DEFAULTS;
const settings: PublicitySettings = publicitySettings(pack);
const pub13: PublicitySettings = { ...settings, durations: 'pub13' };
const yuan = (n: number) => n * 100;
const penalty = (
  ...penalties: Extract<DecisionOutcome, { kind: 'penalty' }>['penalties']
): DecisionOutcome => ({ kind: 'penalty', penalties });
const fine = (n: number) => penalty({ kind: 'fine', amountFen: yuan(n) });
const tier = (outcome: DecisionOutcome, kind: 'organisation' | 'natural_person' = 'organisation') =>
  publicityTier(settings, pack, kind, outcome);

describe('the tier (PUB 2, 13; Order 107)', () => {
  it('not published: no penalty, or a warning only', () => {
    expect(tier({ kind: 'no_penalty', ground: 'first_violation' })).toBeNull();
    expect(tier(penalty({ kind: 'warning' }))).toBeNull();
  });

  it('minor: circulated criticism, or fines and confiscations below the lower amount per respondent kind', () => {
    expect(tier(penalty({ kind: 'circulated_criticism' }))).toBe('minor');
    expect(tier(penalty({ kind: 'warning' }, { kind: 'circulated_criticism' }))).toBe('minor');
    expect(tier(fine(99_999))).toBe('minor');
    expect(
      tier(
        penalty(
          { kind: 'warning' },
          { kind: 'fine', amountFen: yuan(50_000) },
          { kind: 'confiscate_gains', amountFen: yuan(49_999) },
        ),
      ),
    ).toBe('minor');
    expect(tier(fine(9_999), 'natural_person')).toBe('minor');
    expect(publicityTier(settings, pack, 'individual_business', fine(9_999))).toBe('minor');
  });

  it('general: from the lower amount, or a penalty beyond money and criticism that is not serious', () => {
    expect(tier(fine(100_000))).toBe('general');
    expect(
      tier(
        penalty(
          { kind: 'fine', amountFen: yuan(60_000) },
          { kind: 'confiscate_gains', amountFen: yuan(40_000) },
        ),
      ),
    ).toBe('general');
    expect(tier(fine(10_000), 'natural_person')).toBe('general');
    expect(
      tier(penalty({ kind: 'fine', amountFen: 100 }, { kind: 'licence_suspension', licence: '许可证' })),
    ).toBe('general');
    expect(tier(penalty({ kind: 'business_restriction' }))).toBe('general');
  });

  it('serious: revocation, downgrade, closure, suspension, an occupational ban, or from the serious amount', () => {
    expect(tier(penalty({ kind: 'licence_revocation', licence: '食品经营许可证' }))).toBe('serious');
    expect(tier(penalty({ kind: 'licence_downgrade', licence: '资质证书' }))).toBe('serious');
    expect(tier(penalty({ kind: 'closure' }))).toBe('serious');
    expect(tier(penalty({ kind: 'business_suspension' }))).toBe('serious');
    expect(tier(penalty({ kind: 'occupational_ban', years: 1 }))).toBe('serious');
    expect(tier(fine(999_999))).toBe('general');
    expect(tier(fine(1_000_000))).toBe('serious');
  });

  it('a province sets its own amounts; an individual business counts as the pack says', () => {
    const prv = mergePack(pack, {
      thresholds: { individualBusinessAs: 'organisation' },
      publicity: { lowerFineBelow: { naturalPerson: 5_000, organisation: 100_000 } },
    });
    const s = publicitySettings(prv);
    expect(publicityTier(s, prv, 'natural_person', fine(5_000))).toBe('general');
    expect(publicityTier(s, prv, 'individual_business', fine(50_000))).toBe('minor');
  });
});

describe('how long it stays up (PUB 13; Order 107)', () => {
  it('Order 107: the tier’s months, ending on the same day of the month (clamped to the month’s end)', () => {
    expect(publicityEndsOn(settings, 'minor', fine(1_000), '2026-01-31')).toMatchObject({
      months: 3,
      endsOn: '2026-04-30',
    });
    expect(publicityEndsOn(settings, 'general', fine(200_000), '2026-03-15')).toMatchObject({
      months: 12,
      endsOn: '2027-03-15',
    });
    const serious = publicityEndsOn(settings, 'serious', fine(2_000_000), '2026-03-15');
    expect(serious).toMatchObject({ months: 36, endsOn: '2029-03-15' });
    expect(serious.basis).toMatch(/总局令第107号.*严重/);
  });

  it('PUB 13: 3 months for the minor tier, otherwise 3 years', () => {
    const minor = publicityEndsOn(pub13, 'minor', penalty({ kind: 'circulated_criticism' }), '2026-03-15');
    expect(minor).toMatchObject({ months: 3, endsOn: '2026-06-15' });
    expect(minor.basis).toMatch(/第十三条/);
    expect(publicityEndsOn(pub13, 'general', fine(200_000), '2026-03-15')).toMatchObject({
      months: 36,
      endsOn: '2029-03-15',
    });
  });

  it('an occupational ban longer than the period keeps it up for the ban', () => {
    const ban = (years: number) => penalty({ kind: 'occupational_ban', years });
    for (const s of [settings, pub13]) {
      const r = publicityEndsOn(s, 'serious', ban(5), '2026-03-15');
      expect(r).toMatchObject({ months: 60, endsOn: '2031-03-15' });
      expect(r.basis).toMatch(/第十三条.*限制从业/);
      expect(publicityEndsOn(s, 'serious', ban(2), '2026-03-15').months).toBe(36);
    }
  });
});

describe('early removal (PUB 14; Order 107)', () => {
  const ok: RepairFacts = {
    carriedOut: true,
    declarations: { harmRemedied: true, noRepeat: true, notOnCreditList: true },
  };
  const general = fine(200_000);

  it('granted after the waiting time, on the earliest day allowed', () => {
    expect(repairRefusal(settings, 'general', general, '2026-01-31', '2026-04-30', ok)).toBeUndefined();
    expect(
      repairRefusal(settings, 'serious', fine(2_000_000), '2026-03-15', '2027-03-15', ok),
    ).toBeUndefined();
  });

  it('too early: before the tier’s waiting time, with the earliest day', () => {
    expect(repairRefusal(settings, 'general', general, '2026-01-31', '2026-04-29', ok)).toMatchObject({
      code: 'REPAIR_TOO_EARLY',
      earliestOn: '2026-04-30',
    });
    expect(repairRefusal(settings, 'serious', fine(2_000_000), '2026-03-15', '2027-03-14', ok)).toMatchObject(
      { code: 'REPAIR_TOO_EARLY', earliestOn: '2027-03-15' },
    );
  });

  it('never for suspension, restriction, occupational bans, licence downgrade or revocation', () => {
    const cases: DecisionOutcome[] = [
      penalty({ kind: 'business_suspension' }),
      penalty({ kind: 'business_restriction' }),
      penalty({ kind: 'occupational_ban', years: 1 }),
      penalty({ kind: 'licence_downgrade', licence: '资质证书' }),
      penalty({ kind: 'licence_revocation', licence: '食品经营许可证' }),
    ];
    for (const outcome of cases) {
      const t = tier(outcome)!;
      const r = repairRefusal(settings, t, outcome, '2020-01-01', '2026-01-01', ok);
      expect(r?.code).toBe('REPAIR_EXCLUDED');
      expect(r?.detail).toMatch(/第十四条/);
    }
    // Closure and a licence suspension are not on the list.
    expect(
      repairRefusal(settings, 'serious', penalty({ kind: 'closure' }), '2020-01-01', '2026-01-01', ok),
    ).toBeUndefined();
  });

  it('the minor tier ends by itself', () => {
    expect(
      repairRefusal(
        settings,
        'minor',
        penalty({ kind: 'circulated_criticism' }),
        '2026-01-01',
        '2026-06-01',
        ok,
      )?.code,
    ).toBe('REPAIR_NOT_NEEDED');
  });

  it('the penalty not carried out, then each declaration, named', () => {
    const late = '2027-01-01';
    expect(
      repairRefusal(settings, 'general', general, '2026-01-01', late, { ...ok, carriedOut: false })?.code,
    ).toBe('REPAIR_NOT_CARRIED_OUT');
    const r = repairRefusal(settings, 'general', general, '2026-01-01', late, {
      carriedOut: true,
      declarations: { harmRemedied: false, noRepeat: true, notOnCreditList: false },
    });
    expect(r?.code).toBe('REPAIR_CONDITIONS_UNMET');
    expect(r?.detail).toMatch(/harm not remedied/);
    expect(r?.detail).toMatch(/credit list/);
    expect(r?.detail).not.toMatch(/repeat/);
  });

  it('checks in order: excluded before too early before not carried out', () => {
    const none: RepairFacts = {
      carriedOut: false,
      declarations: { harmRemedied: false, noRepeat: false, notOnCreditList: false },
    };
    const ban = penalty({ kind: 'occupational_ban', years: 1 });
    expect(repairRefusal(settings, 'serious', ban, '2026-01-01', '2026-01-02', none)?.code).toBe(
      'REPAIR_EXCLUDED',
    );
    expect(repairRefusal(settings, 'general', general, '2026-01-01', '2026-01-02', none)?.code).toBe(
      'REPAIR_TOO_EARLY',
    );
  });
});
