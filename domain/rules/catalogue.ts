// Every statutory period the engine knows, by the id operators use (`tiean period list`, `tiean period due`),
// and the due date of one from its event: days through the calendar (moved off a holiday or not, as the period
// says), months to the corresponding day, hours hour by hour.
import type { CalendarData } from '../calendar/calendar.js';
import { chinaDateTime, computeClock, startClock } from '../clock/clock.js';
import { chinaDateOf } from '../../schema/values/dates.js';
import { ACCEPTANCE_DECISION, MEDIATION, PARTIES_NOTICE } from './complaint-periods.js';
import * as P from './periods.js';
import type { PeriodRule } from './periods.js';

export const PERIODS: readonly PeriodRule[] = [
  P.FILING_DECISION,
  P.FILING_EXTENSION.period,
  P.CASE_DECISION,
  P.CASE_EXTENSION_BY_HEAD.period,
  P.PRESERVATION_DECISION,
  P.EMERGENCY_APPROVAL,
  P.SEIZURE_PERIOD,
  P.SEIZURE_EXTENSION.period,
  P.ASSISTANCE_REPLY,
  P.TRANSFER_HEAD_DECISION,
  P.TRANSFER_HANDOVER,
  P.TRANSFER_POLICE_DECISION,
  P.TRANSFER_RECONSIDERATION_REQUEST,
  P.TRANSFER_RECONSIDERATION_ANSWER,
  P.TRANSFER_SUPERVISION_REQUEST,
  P.TRANSFER_ITEMS,
  ACCEPTANCE_DECISION,
  MEDIATION,
  PARTIES_NOTICE,
  P.REPORT_FEEDBACK,
  P.CASE_REVIEW,
  P.CASE_REVIEW_EXTENSION.period,
  P.DEFENCE,
  P.HEARING_NOTICE,
  P.SERVICE,
  P.PUBLIC_NOTICE_SERVICE,
  P.PAYMENT,
  P.PAYMENT_DEMAND,
  P.PAYMENT_DEMAND_LATEST,
  P.RECONSIDERATION,
  P.RECONSIDERATION_RIGHTS_NOT_EXPLAINED,
  P.LAWSUIT,
  P.LAWSUIT_AFTER_RECONSIDERATION,
  P.PUBLICITY,
  P.PUBLICITY_WITHDRAWAL,
  P.CREDIT_REPAIR_DECISION,
  P.ABNORMAL_REMOVAL_DECISION,
  P.ABNORMAL_ESCALATION,
  P.SERIOUS_LISTING_TERM,
  P.SERIOUS_EARLY_REMOVAL,
  P.SERIOUS_REMOVAL_DECISION,
];

export function findPeriod(id: string): PeriodRule | undefined {
  return PERIODS.find((p) => p.id === id);
}

export const CONFIDENCE_TEXT: Record<P.Confidence, string> = {
  law: '法律原文 law',
  secondary: '二手资料 secondary sources',
  unverified: '未核实，可配置 unverified, configurable',
};

export interface PeriodDue {
  /** YYYY-MM-DD, or YYYY-MM-DDTHH:MM (China time) for hour periods. */
  due: string;
  explanation: string[];
}

/**
 * The due date of `period` from its event: a date (YYYY-MM-DD) or, for hour periods, an instant (epoch ms). The
 * statutory clock computes it, so `tiean period due` and a case's clock agree by construction.
 * Throws RangeError when the start does not fit the period's unit.
 */
export function periodDue(cal: CalendarData, period: PeriodRule, start: string | number): PeriodDue {
  if (period.unit === 'H') {
    if (typeof start !== 'number') throw new RangeError(`${period.id} is counted in hours: start at a time`);
    const c = computeClock(cal, startClock(period, chinaDateOf(start), [], start));
    return { due: chinaDateTime(c.dueAt!), explanation: c.explanation };
  }
  if (typeof start !== 'string') throw new RangeError(`${period.id} is counted in days: start on a date`);
  const c = computeClock(cal, startClock(period, start, []));
  return { due: c.dueOn!, explanation: c.explanation };
}
