// Custom search attributes: make cases findable in the Temporal Web UI and `temporal workflow list --query`.
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const CaseStageKey = defineSearchAttributeKey('TieanStage', SearchAttributeType.KEYWORD);
export const CaseUnitKey = defineSearchAttributeKey('TieanUnit', SearchAttributeType.KEYWORD);
export const NextDueKey = defineSearchAttributeKey('TieanNextDue', SearchAttributeType.DATETIME);
export const OverdueKey = defineSearchAttributeKey('TieanOverdue', SearchAttributeType.BOOL);

/** For registering them with a server (`temporal server start-dev --search-attribute Name=Type`). */
export const SEARCH_ATTRIBUTES = {
  TieanStage: 'Keyword',
  TieanUnit: 'Keyword',
  TieanNextDue: 'Datetime',
  TieanOverdue: 'Bool',
} as const;
