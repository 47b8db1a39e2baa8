import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { boundaries } from './scripts/eslint-boundaries.js'

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'test-results', 'playwright-report', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // The renderer talks to nothing but window.pos: no Node, no Electron, no core.
    files: ['app/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'fs', 'path', 'child_process'].map((name) => ({ name, message: 'The renderer uses window.pos only.' })),
          patterns: [
            { group: ['node:*'], message: 'The renderer uses window.pos only.' },
            {
              group: ['**/electron/**', '!**/electron/shared', '!**/electron/shared/**', '**/native-bridge/**'],
              message: 'The renderer may import only electron/shared (the contract).',
            },
          ],
        },
      ],
    },
  },
  // Folder boundaries for electron/ and native-bridge/ (scripts/eslint-boundaries.js).
  ...boundaries,
)
