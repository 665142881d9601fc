import { describe, expect, it } from 'vitest';
import { verdict, type VitestJsonReport } from './test-result.js';

const report = (r: Partial<VitestJsonReport> = {}): VitestJsonReport => ({
  success: true,
  numTotalTests: 3,
  numPassedTests: 3,
  numFailedTests: 0,
  numPendingTests: 0,
  numFailedTestSuites: 0,
  testResults: [{ name: 'a.test.ts', status: 'passed' }],
  ...r,
});

describe('the test command verdict', () => {
  it('passes a green run that vitest ended with 0', () => {
    expect(verdict(0, report())).toMatchObject({ exitCode: 0, reasons: [] });
  });
  it('fails a failed test even when vitest exited 0', () => {
    const v = verdict(0, report({ numPassedTests: 2, numFailedTests: 1, success: false }));
    expect(v.exitCode).toBe(1);
    expect(v.reasons).toContain('1 failed test(s)');
    expect(v.summary).toBe('tests: 2 passed, 1 failed, 0 skipped');
  });
  it('fails a test file that failed outside its tests (setup, import)', () => {
    const v = verdict(
      0,
      report({ numFailedTestSuites: 1, testResults: [{ name: 'b.test.ts', status: 'failed' }] }),
    );
    expect(v.exitCode).toBe(1);
    expect(v.reasons).toContain('1 failed test suite(s) (files and their describe blocks)');
  });
  it('fails a file marked failed even when the counters say nothing', () => {
    expect(verdict(0, report({ testResults: [{ name: 'c.test.ts', status: 'failed' }] })).exitCode).toBe(1);
  });
  it('fails without a report, with no tests, or when vitest itself failed', () => {
    expect(verdict(0, undefined).exitCode).toBe(1);
    expect(verdict(0, report({ numTotalTests: 0, numPassedTests: 0 })).exitCode).toBe(1);
    expect(verdict(1, report()).exitCode).toBe(1);
    expect(verdict(null, report()).reasons).toContain('vitest exited with a signal');
  });
});
