import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** A layer's import rule: none of `forbidden` (by folder), except, with messagesOnly, the workflows' message
 * definitions (Updates, Signals, Queries), which the API and the services send. */
function layer(folder, forbidden, { messagesOnly = false } = {}) {
  const group = forbidden.map((f) => `**/${f}/**`);
  if (messagesOnly) group.push('**/workflows/**/*.js', '!**/workflows/**/messages.js');
  return {
    files: [`${folder}/**/*.ts`],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group,
              message: `${folder}/ must not import this layer (README, "Architecture": imports flow one way).`,
            },
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['node_modules/', '.cache/', 'data/', 'schema/generated/', 'web/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Layers: imports flow one way (README, "Architecture"). Each folder names what it must not import; tests,
  // scripts and benchmarks may import anything.
  layer('schema', ['domain', 'workflows', 'activities', 'services', 'api', 'platform', 'workers', 'scripts']),
  layer('domain', ['workflows', 'activities', 'services', 'api', 'platform', 'workers', 'scripts']),
  layer('platform', ['domain', 'workflows', 'activities', 'services', 'api', 'workers', 'scripts']),
  layer('activities', ['workflows', 'api', 'workers', 'scripts']),
  layer('services', ['activities', 'api', 'workers', 'scripts'], { messagesOnly: true }),
  layer('api', ['activities', 'workers', 'scripts'], { messagesOnly: true }),
  layer('workers', ['api', 'scripts']),
  {
    // Workflow code must stay deterministic: no I/O, no clocks, no randomness outside the SDK.
    files: ['workflows/**/*.ts', 'test/fixtures/*.workflow.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'crypto'], message: 'Workflows are pure: no Node APIs.' },
            {
              group: [
                '**/activities/**',
                '**/api/**',
                '**/platform/**',
                '**/services/**',
                '**/scripts/**',
                '**/workers/**',
                '@prisma/*',
                'pg',
                'nodemailer',
              ],
              message: 'Side effects live in activities; workflows import only their types.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    // The workbench runs in the browser: it sends commands over HTTP and validates with the API's own schemas, so
    // of the server's layers it imports schema/ only.
    files: ['web/**/*.{ts,tsx}'],
    rules: {
      'no-undef': 'off', // the TypeScript compiler knows the browser's globals
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/domain/**',
                '**/workflows/**',
                '**/activities/**',
                '**/services/**',
                '**/api/**',
                '**/platform/**',
                '**/workers/**',
                '**/scripts/**',
                '@temporalio/*',
                '@prisma/*',
                'node:*',
              ],
              message: 'web/ imports only schema/ of the server (README, "Architecture").',
            },
          ],
        },
      ],
    },
  },
);
