import { defineConfig } from 'vitest/config';

// Test lanes, each a vitest project: `npm run test:<lane>` runs one, `npm test` runs them all.
//  - unit: domain rules, schemas and pure code, next to the code they test; no servers, seconds.
//  - workflow: workflows on the time-skipping test server, activities and replay, on real PostgreSQL and SMTP.
//  - api: the HTTP API in process and the operators' CLI as a process.
//  - e2e: the running system (dev server, `npm start`), Schemathesis, and the test command itself.
// The servers' lanes share one global setup (PostgreSQL with a migrated template, the workflow bundle).
const withServers = { globalSetup: ['test/setup/global.ts'] };

export default defineConfig({
  test: {
    exclude: ['node_modules/**', '.cache/**', 'data/**'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 240_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'domain/**/*.test.ts',
            'schema/**/*.test.ts',
            'platform/**/*.test.ts',
            'activities/**/*.test.ts',
            'services/**/*.test.ts',
            'scripts/**/*.test.ts',
            'test/unit/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'workflow',
          include: [
            'test/workflows/**/*.test.ts',
            'test/activities/**/*.test.ts',
            'test/replay/**/*.test.ts',
          ],
          ...withServers,
        },
      },
      {
        extends: true,
        test: { name: 'api', include: ['test/api/**/*.test.ts', 'test/cli.test.ts'], ...withServers },
      },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], ...withServers } },
      // Only for the test of the test command (test/e2e/test-command.test.ts): the throwaway files it plants in
      // a temporary folder, run through `npm test -- --project planted`.
      ...(process.env.TIEAN_PLANTED_DIR
        ? [
            {
              test: {
                name: 'planted',
                root: process.env.TIEAN_PLANTED_DIR,
                include: ['*.test.ts'],
                globalSetup: ['planted.setup.ts'],
              },
            },
          ]
        : []),
    ],
  },
});
