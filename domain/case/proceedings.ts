// The rules of a case between the investigation and the served decision (docs/rules.md: review gates, notice
// and defence, hearing, decision). Pure: which penalties give the party a hearing right, when legal review and
// collective discussion are required, that a decision never exceeds what the party was notified of, and whether
// it will be published. The workflow's validators and the API call them.
import type { Respondent } from '../../schema/case.js';
import type { DecisionOutcome, Penalty, Proposal } from '../../schema/decision.js';
import type { RulePackContent } from '../../schema/rule-pack.js';
import { partyAmount } from '../rules/packs/merge.js';

/** At least this many heads take part in a collective discussion unless the rule pack says more (APL 57 ¶2
 * says "集体讨论" without a number; product default [?]). */
export const DEFAULT_COLLECTIVE_MIN_HEADS = 2;

const FEN_PER_YUAN = 100;

const amountOf = (p: Penalty) => ('amountFen' in p ? p.amountFen : 0);

/** Fines and confiscations together, in fen. */
export function monetaryTotalFen(outcome: DecisionOutcome): number {
  return outcome.kind === 'penalty' ? outcome.penalties.reduce((s, p) => s + amountOf(p), 0) : 0;
}

/** Penalties that give a hearing right whatever their amount (APL 63 ¶1 (3)–(4)). */
const HEARING_KINDS: Partial<Record<Penalty['kind'], string>> = {
  licence_downgrade: '降低资质等级 licence downgrade',
  licence_revocation: '吊销许可证件 licence revoked',
  business_suspension: '责令停产停业 business suspended',
  closure: '责令关闭 closure',
  occupational_ban: '限制从业 occupational ban',
};

/**
 * Why the party has a hearing right (APL 63), if it has one: a fine of a large amount (较大数额, per respondent
 * kind from the rule pack); confiscated gains or property of that value, each counted on its own and never added
 * to the fine; or a penalty of the kinds the law names whatever the amount.
 */
export function hearingReasons(
  pack: RulePackContent,
  respondent: Respondent['kind'],
  outcome: DecisionOutcome,
): string[] {
  if (outcome.kind !== 'penalty') return [];
  const large = partyAmount(pack, pack.thresholds.hearingLargeAmount, respondent) * FEN_PER_YUAN;
  const reasons: string[] = [];
  for (const p of outcome.penalties) {
    if (
      (p.kind === 'fine' || p.kind === 'confiscate_gains' || p.kind === 'confiscate_property') &&
      p.amountFen >= large
    )
      reasons.push(`${p.kind} ≥ ${large / FEN_PER_YUAN} 元`);
    const named = HEARING_KINDS[p.kind];
    if (named) reasons.push(named);
  }
  return reasons;
}

/**
 * Why legal review (法制审核, APL 58) is required before the decision, if it is: a major public interest; a
 * penalty that affects the party's major rights and may go to a hearing; a complex case with several legal
 * relationships; and the rule pack's own conditions (an amount from which every case is reviewed).
 */
export function legalReviewReasons(
  pack: RulePackContent,
  respondent: Respondent['kind'],
  proposal: Proposal,
): string[] {
  const reasons: string[] = [];
  if (proposal.majorPublicInterest) reasons.push('major_public_interest');
  if (hearingReasons(pack, respondent, proposal.outcome).length) reasons.push('hearing_rights');
  if (proposal.complex) reasons.push('complex');
  const from = pack.thresholds.legalReviewAmount;
  if (from !== undefined && monetaryTotalFen(proposal.outcome) >= from * FEN_PER_YUAN)
    reasons.push(`amount ≥ ${from} 元`);
  return reasons;
}

/**
 * Why the heads must decide collectively (集体讨论, APL 57 ¶2), if they must: a complex or major case, or fines
 * and confiscations together of the rule pack's amount or more (¥50,000 by default, as one bureau's practice).
 */
export function collectiveReasons(
  pack: RulePackContent,
  outcome: DecisionOutcome,
  complex?: boolean,
): string[] {
  const reasons: string[] = [];
  if (complex) reasons.push('complex');
  const from = pack.thresholds.collectiveDiscussionAmount;
  if (monetaryTotalFen(outcome) >= from * FEN_PER_YUAN) reasons.push(`amount ≥ ${from} 元`);
  return reasons;
}

export const collectiveMinHeads = (pack: RulePackContent) =>
  pack.thresholds.collectiveMinHeads ?? DEFAULT_COLLECTIVE_MIN_HEADS;

/**
 * Where a decision goes beyond what the party was notified of (APL 45 ¶2: defending cannot make it harsher):
 * a penalty of a kind not notified, a larger amount, a longer ban. A no-penalty decision never does.
 */
export function exceedsNotified(notified: DecisionOutcome, final: DecisionOutcome): string | undefined {
  if (final.kind === 'no_penalty') return undefined;
  if (notified.kind !== 'penalty') return 'no penalty was notified';
  for (const p of final.penalties) {
    const n = notified.penalties.find((x) => x.kind === p.kind);
    if (!n) return `${p.kind}: not notified`;
    if (amountOf(p) > amountOf(n)) return `${p.kind}: ${amountOf(p)} > ${amountOf(n)} fen`;
    if (p.kind === 'occupational_ban' && n.kind === 'occupational_ban' && p.years > n.years)
      return `${p.kind}: ${p.years} > ${n.years} years`;
  }
  return undefined;
}

/** A decision is published unless it imposes no penalty or only a warning (PUB; the simplified procedure never
 * comes here). The party is told in writing when it is served. */
export function publishes(outcome: DecisionOutcome): boolean {
  return outcome.kind === 'penalty' && outcome.penalties.some((p) => p.kind !== 'warning');
}
