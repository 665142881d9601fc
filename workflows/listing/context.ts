// The state of one credit listing (docs/rules.md, "Credit lists"): the list it is on, its periods on each list,
// the head's decisions and the removal applications. Clocks, audit steps, the projection and e-mails come from
// MatterContext.
import type { ListingFacts } from '../../domain/credit/listing.js';
import {
  ABNORMAL_REASON_TITLES,
  CREDIT_LIST_TITLES,
  type CreditList,
  type ListingDetails,
  type ListingInput,
  type ListingStage,
  type ListingView,
} from '../../schema/credit-list.js';
import { yearOf } from '../../schema/values/dates.js';
import { MatterContext, type MatterRow } from '../matter/matter-context.js';

export class ListingContext extends MatterContext {
  stage: ListingStage = 'proposed';
  list: CreditList;
  entries: ListingView['entries'] = [];
  decisions: ListingView['decisions'] = [];
  removals: ListingView['removals'] = [];
  outcome: ListingDetails['outcome'] = null;
  earliestRemovalOn: string | null = null;
  endsOn: string | null = null;
  escalatesOn: string | null = null;
  /** The proposal is recorded: commands may change the listing. */
  opened = false;

  constructor(readonly input: ListingInput) {
    super(input.listingNumber, input.unitId, input.warnBefore, yearOf(input.proposal.foundOn));
    this.list = input.proposal.list;
  }

  protected override label = { zh: '信用名单', en: 'credit listing' };

  /** The entry on the list now (null before listing and after it ended). */
  current() {
    const e = this.entries.at(-1);
    return e && e.endedOn === null ? e : null;
  }
  pendingRemoval() {
    return this.removals.find((r) => r.decision === null) ?? null;
  }

  facts(): ListingFacts {
    const pending = this.pendingRemoval();
    return {
      stage: this.stage,
      list: this.list,
      unitId: this.unitId,
      approvingUnitId: this.input.approvingUnitId,
      foundOn: this.input.proposal.foundOn,
      listedOn: this.current()?.listedOn ?? null,
      earliestRemovalOn: this.earliestRemovalOn,
      pendingRemoval: pending ? { appliedOn: pending.appliedOn } : null,
      removals: this.removals.length,
      today: this.today(),
    };
  }

  details(): ListingDetails {
    const p = this.input.proposal;
    return {
      list: this.list,
      entity: p.entity,
      reason: p.list === 'abnormal' ? p.reason : null,
      caseNumber: p.list === 'serious' ? p.caseNumber : null,
      approvingUnitId: this.input.approvingUnitId,
      listedOn: this.current()?.listedOn ?? null,
      earliestRemovalOn: this.earliestRemovalOn,
      endsOn: this.endsOn,
      escalatesOn: this.escalatesOn,
      outcome: this.outcome,
    };
  }

  /** What the list shows as the listing's ground. */
  summary(): string {
    const p = this.input.proposal;
    const list = CREDIT_LIST_TITLES[this.list].zh;
    if (this.list === 'serious' && p.list === 'abnormal')
      return `${list}：列入经营异常名录届满三年仍未履行相关义务`;
    return p.list === 'abnormal'
      ? `${list}：${ABNORMAL_REASON_TITLES[p.reason].zh}`
      : `${list}：行政处罚案件 ${p.caseNumber}`;
  }

  protected row(): MatterRow {
    const p = this.input.proposal;
    return {
      number: this.number,
      kind: 'listing',
      unitId: this.unitId,
      stage: this.stage,
      status: this.stage === 'closed' ? 'closed' : 'open',
      source: `credit_${p.list}`,
      respondent: p.entity,
      summary: this.summary(),
      discoveredOn: p.foundOn,
      details: this.details(),
      rulePack: this.input.rulePack,
      createdBy: this.input.proposedBy.id,
      createdAt: this.createdAt,
    };
  }

  protected mailHeader(): string[] {
    const e = this.input.proposal.entity;
    return [`信用名单 Listing: ${this.number}`, `主体 Entity: ${e.name}（${e.uscc}）`, this.summary()];
  }

  view(): ListingView {
    const p = this.input.proposal;
    return {
      ...this.details(),
      number: this.number,
      unitId: this.unitId,
      stage: this.stage,
      status: this.stage === 'closed' ? 'closed' : 'open',
      overdue: this.overdue,
      facts: p.facts,
      foundOn: p.foundOn,
      proposedBy: this.input.proposedBy.id,
      entries: this.entries,
      decisions: this.decisions,
      removals: this.removals,
      clocks: this.clockViews(),
    };
  }
}
