import { describe, expect, it } from 'vitest';
import { RulePackFileSchema } from '../../../schema/rule-pack.js';
import { mergePack, partyAmount } from './merge.js';
import { NATIONAL_DEFAULTS } from './national.js';

describe('an individual business in a rule pack', () => {
  it('takes a natural person’s thresholds nationally; a province may say organisation', () => {
    const t = NATIONAL_DEFAULTS.thresholds;
    expect(partyAmount(NATIONAL_DEFAULTS, t.hearingLargeAmount, 'individual_business')).toBe(10_000);
    const file = RulePackFileSchema.parse({
      scope: 'province',
      unitId: 'prv',
      title: { zh: '某省', en: 'A province' },
      source: '某省市场监督管理局公告',
      overrides: { thresholds: { individualBusinessAs: 'organisation' } },
    });
    if (file.scope !== 'province') throw new Error('expected a provincial pack');
    const merged = mergePack(NATIONAL_DEFAULTS, file.overrides);
    expect(partyAmount(merged, merged.thresholds.hearingLargeAmount, 'individual_business')).toBe(100_000);
    expect(partyAmount(merged, merged.thresholds.hearingLargeAmount, 'natural_person')).toBe(10_000);
  });
  it('refuses an unknown setting', () => {
    expect(
      RulePackFileSchema.safeParse({
        scope: 'province',
        unitId: 'prv',
        title: { zh: '某省', en: 'A province' },
        source: '某省市场监督管理局公告',
        overrides: { thresholds: { individualBusinessAs: 'company' } },
      }).success,
    ).toBe(false);
  });
});
