import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '.cache/', 'data/', 'schema/generated/'] },
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
                '**/scripts/**',
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
);
