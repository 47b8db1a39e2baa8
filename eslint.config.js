import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

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
              group: ['**/electron/!(shared)/**', '**/electron/!(shared)', '**/native-bridge/**'],
              message: 'The renderer may import only electron/shared (the contract).',
            },
          ],
        },
      ],
    },
  },
  {
    // The core never imports Electron; only electron/main and electron/preload may.
    files: ['electron/**/*.ts', 'native-bridge/**/*.ts'],
    ignores: ['electron/main/**', 'electron/preload/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'The core is Electron-free: put Electron glue in electron/main.' }] }],
    },
  },
  {
    files: ['electron/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'fs', 'path'].map((name) => ({ name, message: 'electron/shared is used by every process: no Node, no Electron.' })),
          patterns: [{ group: ['node:*'], message: 'electron/shared is used by every process: no Node, no Electron.' }],
        },
      ],
    },
  },
)
