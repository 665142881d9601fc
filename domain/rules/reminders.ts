// Reminder schedule for statutory clocks. Not statutory: the default of the product (issue: foundation §5),
// to become a provincial rule-pack setting.

/** Warn the responsible role this many working days before a due date. */
export const DEFAULT_WARN_BEFORE_WD: readonly number[] = [3, 1];
