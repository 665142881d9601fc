// The maintained holiday data shipped by the `chinese-days` package (State Council schedules through 2026).
import { createRequire } from 'node:module';
import type { CalendarData } from '../../domain/calendar/calendar.js';

const require = createRequire(import.meta.url);

interface PackageData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

let cached: CalendarData | undefined;

/** Entries look like "Spring Festival,春节,4"; we keep the Chinese name. */
const chineseName = (v: string) => v.split(',')[1] ?? v;

export function builtinCalendar(): CalendarData {
  if (cached) return cached;
  const data = require('chinese-days/dist/chinese-days.json') as PackageData;
  const version = (require('chinese-days/package.json') as { version: string }).version;
  const years = new Set(Object.keys(data.holidays).map((d) => d.slice(0, 4)));
  cached = {
    officialYears: Object.fromEntries(
      [...years].map((y) => [y, `chinese-days@${version} (国务院办公厅节假日安排)`]),
    ),
    holidays: Object.fromEntries(Object.entries(data.holidays).map(([d, v]) => [d, chineseName(v)])),
    workdays: Object.fromEntries(Object.entries(data.workdays).map(([d, v]) => [d, chineseName(v)])),
  };
  return cached;
}
