// Calendar data for workflows: the package data merged with administrators' overrides from PostgreSQL.
import type { CalendarData } from '../../domain/calendar/calendar.js';
import { mergeCalendar, sliceCalendar, type CalendarOverrides } from '../../domain/calendar/sources.js';
import type { Db } from '../../platform/db.js';
import { builtinCalendar } from './builtin.js';

export async function readOverrides(db: Db): Promise<CalendarOverrides> {
  const [years, days] = await Promise.all([db.calendarYear.findMany(), db.calendarDay.findMany()]);
  return {
    years: years.map((y) => ({ year: y.year, source: y.source })),
    days: days.map((d) => ({ date: d.date, kind: d.kind as 'HOLIDAY' | 'WORKDAY' | 'NORMAL', name: d.name })),
  };
}

export async function calendarFromDb(db: Db): Promise<CalendarData> {
  return mergeCalendar(builtinCalendar(), await readOverrides(db));
}

export function loadCalendarActivity(db: Db) {
  return async function loadCalendar(range: { fromYear: number; toYear: number }): Promise<CalendarData> {
    return sliceCalendar(await calendarFromDb(db), range.fromYear, range.toYear);
  };
}
