// Building calendar data from its sources: the maintained package data, then the administrators' overrides.
import { addDays, type IsoDate } from '../../schema/values/dates.js';
import type { CalendarData } from './calendar.js';

export interface CalendarOverrides {
  /** Years an administrator loaded from the official notice: their own data replaces the package's. */
  years: { year: number; source: string }[];
  /** Day entries: HOLIDAY, WORKDAY, or NORMAL (a correction that removes any entry for that date). */
  days: { date: IsoDate; kind: 'HOLIDAY' | 'WORKDAY' | 'NORMAL'; name: string }[];
}

export function mergeCalendar(base: CalendarData, overrides: CalendarOverrides): CalendarData {
  const loaded = new Set(overrides.years.map((y) => String(y.year)));
  const keep = (date: string) => !loaded.has(date.slice(0, 4));
  const out: CalendarData = {
    officialYears: { ...base.officialYears },
    holidays: Object.fromEntries(Object.entries(base.holidays).filter(([d]) => keep(d))),
    workdays: Object.fromEntries(Object.entries(base.workdays).filter(([d]) => keep(d))),
  };
  for (const y of overrides.years) out.officialYears[String(y.year)] = y.source;
  for (const d of overrides.days) {
    delete out.holidays[d.date];
    delete out.workdays[d.date];
    if (d.kind === 'HOLIDAY') out.holidays[d.date] = d.name;
    if (d.kind === 'WORKDAY') out.workdays[d.date] = d.name;
  }
  return out;
}

/** Years of calendar data a matter carries, from the year it begins: enough for every period before a decision. */
export const MATTER_CALENDAR_YEARS = 5;

/** The calendar a matter beginning in `fromYear` counts with: that year and MATTER_CALENDAR_YEARS after it. */
export function matterCalendar(cal: CalendarData, fromYear: number): CalendarData {
  return sliceCalendar(cal, fromYear, fromYear + MATTER_CALENDAR_YEARS);
}

/** Only the years [from, to]: what a workflow needs, so its history stays small. */
export function sliceCalendar(cal: CalendarData, fromYear: number, toYear: number): CalendarData {
  const inRange = (d: string) => Number(d.slice(0, 4)) >= fromYear && Number(d.slice(0, 4)) <= toYear;
  return {
    officialYears: Object.fromEntries(Object.entries(cal.officialYears).filter(([y]) => inRange(y))),
    holidays: Object.fromEntries(Object.entries(cal.holidays).filter(([d]) => inRange(d))),
    workdays: Object.fromEntries(Object.entries(cal.workdays).filter(([d]) => inRange(d))),
  };
}

/** Expands a year file's holiday ranges into day entries. */
export function expandRanges(
  ranges: { from: IsoDate; to: IsoDate; name: string }[],
): { date: IsoDate; name: string }[] {
  const out: { date: IsoDate; name: string }[] = [];
  for (const r of ranges)
    for (let d = r.from; d <= r.to; d = addDays(d, 1)) out.push({ date: d, name: r.name });
  return out;
}
