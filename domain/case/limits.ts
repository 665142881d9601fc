// How large a case may grow. A case travels as data between its phases and runs (workflows/case/state.ts), and
// Temporal refuses a payload over 2 MB (it warns from 512 KB): a case that grew past that would be terminated by
// the server with its clocks silent. Every command's lists and texts are bounded by its schema; on top of that, a
// command that adds to the case (evidence, measures, tests, requests, defences …) is refused with
// CASE_TOO_LARGE once the case's data has reached this budget, long before Temporal's limit. Commands that move
// the case on (decisions, reviews, service, the conclusion, replies that close what is open) are never refused
// for size, so a full case can always be finished.

/** The most a case's data (as UTF-8 JSON) may hold before commands that add to it are refused. */
export const CASE_DATA_BUDGET_BYTES = 384 * 1024;

/** The commands that add entries or text to a case (by their Update name). */
export const GROWING_COMMANDS: ReadonlySet<string> = new Set([
  'recordEvidence',
  'requestMeasure',
  'extendSeizure',
  'startTesting',
  'requestAssistance',
  'requestSuspension',
  'proposeTransfer',
  'recordTransferStep',
  'collectiveExtension',
  'extendCaseClock',
  'extendFilingPeriod',
  'extendCaseReview',
  'recordDefence',
  'postponeHearing',
]);

/** The length of a text in UTF-8 bytes (CJK characters take three). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}
