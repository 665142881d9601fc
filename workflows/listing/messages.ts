// Messages of the credit-listing workflow: declared once here, imported by the API and tests (nothing else
// crosses). Every step is a validated Update: the proposal is the workflow's input; a head decides the listing
// and the removal, an officer records the entity's removal application.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CommandResult } from '../../schema/common.js';
import type { ApplyRemoval, DecideListing, DecideRemoval, ListingView } from '../../schema/credit-list.js';
import type { Command } from '../case/messages.js';

// The calendar messages are the case workflow's, by name: an administrator's recompute reaches every open matter.
export { calendarChangedSignal, recomputeDeadlinesUpdate, type Command } from '../case/messages.js';

/** 列入决定 (or the escalation to the serious list after 3 years on the abnormal list). */
export const decideListingUpdate = defineUpdate<CommandResult, [Command<DecideListing>]>('decideListing');
/** 移出申请, as the entity made it. */
export const applyRemovalUpdate = defineUpdate<CommandResult, [Command<ApplyRemoval>]>('applyRemoval');
/** 移出决定. */
export const decideRemovalUpdate = defineUpdate<CommandResult, [Command<DecideRemoval>]>('decideRemoval');

export const listingViewQuery = defineQuery<ListingView>('listingView');

export const LISTING_WORKFLOW_TYPE = 'creditListing';
