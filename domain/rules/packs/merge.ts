// Merging a provincial pack onto the national one. Pure.
import type {
  CreditSettings,
  ExemptionList,
  PublicitySettings,
  RewardSettings,
  RulePackContent,
  RulePackFile,
} from '../../../schema/rule-pack.js';
import { CREDIT_DEFAULTS, PUBLICITY_DEFAULTS, REWARD_DEFAULTS } from './national.js';

type Overrides = Extract<RulePackFile, { scope: 'province' }>['overrides'];

export function mergePack(national: RulePackContent, o: Overrides): RulePackContent {
  const t = national.thresholds;
  const lists = new Map<string, ExemptionList>(national.exemptionLists.map((l) => [l.id, l]));
  for (const l of o.exemptionLists ?? []) lists.set(l.id, l);
  return {
    thresholds: {
      simplifiedFineMax: { ...t.simplifiedFineMax, ...o.thresholds?.simplifiedFineMax },
      hearingLargeAmount: { ...t.hearingLargeAmount, ...o.thresholds?.hearingLargeAmount },
      collectiveDiscussionAmount: o.thresholds?.collectiveDiscussionAmount ?? t.collectiveDiscussionAmount,
      ...((o.thresholds?.individualBusinessAs ?? t.individualBusinessAs)
        ? { individualBusinessAs: o.thresholds?.individualBusinessAs ?? t.individualBusinessAs }
        : {}),
      ...optional('legalReviewAmount', o.thresholds?.legalReviewAmount ?? t.legalReviewAmount),
      ...optional('collectiveMinHeads', o.thresholds?.collectiveMinHeads ?? t.collectiveMinHeads),
    },
    reminders: o.reminders ?? national.reminders,
    exemptionLists: [...lists.values()],
    publicity: {
      ...publicitySettings(national),
      ...o.publicity,
      ...(o.publicity?.lowerFineBelow
        ? { lowerFineBelow: { ...publicitySettings(national).lowerFineBelow, ...o.publicity.lowerFineBelow } }
        : {}),
    },
    rewards: { ...rewardSettings(national), ...o.rewards },
    credit: { ...creditSettings(national), ...o.credit },
  };
}

/** A pack's publicity settings (the national defaults where a pack predates them). */
export const publicitySettings = (pack: RulePackContent): PublicitySettings =>
  pack.publicity ?? PUBLICITY_DEFAULTS;
/** A pack's reward settings (the national defaults where a pack predates them). */
export const rewardSettings = (pack: RulePackContent): RewardSettings => pack.rewards ?? REWARD_DEFAULTS;
/** A pack's credit-list settings (the national defaults where a pack predates them). */
export const creditSettings = (pack: RulePackContent): CreditSettings => pack.credit ?? CREDIT_DEFAULTS;

const optional = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

/** The exemption-list item a no-penalty decision cites, if the pack has it. */
export function findExemption(pack: RulePackContent, listId: string, itemId: string) {
  const list = pack.exemptionLists.find((l) => l.id === listId);
  const item = list?.items.find((i) => i.id === itemId);
  return list && item ? { list, item } : undefined;
}

/** The threshold a respondent of this kind gets: an individual business (个体工商户) counts as the rule pack says,
 * a natural person by default. */
export function partyAmount(
  pack: RulePackContent,
  amounts: { naturalPerson: number; organisation: number },
  kind: 'natural_person' | 'organisation' | 'individual_business',
): number {
  const as =
    kind === 'individual_business' ? (pack.thresholds.individualBusinessAs ?? 'natural_person') : kind;
  return as === 'organisation' ? amounts.organisation : amounts.naturalPerson;
}
