// Reminder schedule for statutory clocks: now a rule-pack setting (schema/rule-pack.ts); this is the national
// default, kept under its old name for the callers that use it.
import { NATIONAL_DEFAULTS } from './packs/national.js';

/** Warn the responsible role this many working days before a due date (national default). */
export const DEFAULT_WARN_BEFORE_WD: readonly number[] = NATIONAL_DEFAULTS.reminders.warnBeforeWD;
