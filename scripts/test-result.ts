// The test command's verdict, from vitest's JSON report rather than from vitest's exit code alone: a library
// that ends the process with `process.exit(0)` once turned a red run green (see platform/postgres.ts), and no
// library may do so again. Any failed test or test file, a run that reports nothing, or a non-zero exit of
// vitest itself is a failure.

/** The part of vitest's JSON report that the verdict reads. */
export interface VitestJsonReport {
  success?: boolean;
  numTotalTests: number;
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests?: number;
  numTotalTestSuites?: number;
  numFailedTestSuites: number;
  testResults?: { name: string; status: string; message?: string }[];
}

export interface Verdict {
  exitCode: 0 | 1;
  summary: string;
  reasons: string[];
}

export function verdict(vitestExitCode: number | null, report: VitestJsonReport | undefined): Verdict {
  const reasons: string[] = [];
  if (vitestExitCode !== 0) reasons.push(`vitest exited with ${vitestExitCode ?? 'a signal'}`);
  if (!report) {
    reasons.push('vitest wrote no JSON report');
    return { exitCode: 1, summary: 'tests: no report', reasons };
  }
  if (report.numFailedTests > 0) reasons.push(`${report.numFailedTests} failed test(s)`);
  if (report.numFailedTestSuites > 0)
    reasons.push(`${report.numFailedTestSuites} failed test suite(s) (files and their describe blocks)`);
  const failedFiles = (report.testResults ?? []).filter(
    (f) => f.status !== 'passed' && f.status !== 'skipped',
  );
  if (failedFiles.length > 0 && report.numFailedTestSuites === 0)
    reasons.push(`${failedFiles.length} test file(s) did not pass`);
  if (report.success === false && reasons.length === 0)
    reasons.push('vitest reports the run as unsuccessful');
  if (report.numTotalTests === 0) reasons.push('no tests ran');
  const summary = `tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests} skipped`;
  return { exitCode: reasons.length ? 1 : 0, summary, reasons };
}
