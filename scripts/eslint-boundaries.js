// The layers, as ESLint import restrictions (used by eslint.config.js; proven
// by scripts/eslint-boundaries.test.ts, one sample violation per rule).
// ESLint does not merge two `no-restricted-imports` settings for one file (the
// later replaces the earlier), so each zone below lists everything it forbids.
//
//   renderer (app/)          → window.pos only: no Node, no Electron, no core; components only through their store
//   electron/shared          → every process imports it: no Node, no Electron
//   core and domains         → no Electron (only main/ and preload/ may)
//   domains                  → the kernel (electron/kernel), never the composition root (electron/core)
//   native-bridge            → its own types: nothing from electron/
//   better-sqlite3, journal.db → only electron/journal (everyone else goes through its repositories)
//   ipcMain                  → only electron/main/ipc.ts registers IPC
//   test-support             → only tests, bench and e2e

const TESTS = ['**/*.test.ts', '**/*.test.tsx', 'electron/test-support/**', 'electron/main/test-support/**']

const NODE_BUILTINS = ['fs', 'path', 'child_process']
const rule = {
  electron: { name: 'electron', message: 'Only electron/main and electron/preload import Electron: the core is plain Node.' },
  ipcMain: { name: 'electron', importNames: ['ipcMain'], message: 'Only electron/main/ipc.ts registers IPC (one generated handler per contract call, sender checked).' },
  sqlite: { name: 'better-sqlite3', message: 'Only electron/journal talks to SQLite: add a repository method there.' },
  composition: { group: ['**/core/*', '**/core'], message: 'Domains use the kernel (electron/kernel), never the composition root (electron/core).' },
  electronFolder: { group: ['**/electron/**', '**/electron'], message: 'native-bridge depends on its own types, nothing from electron/.' },
  testSupport: { group: ['**/test-support/**', '**/test-support'], message: 'test-support is for tests, bench and e2e only.' },
  node: { group: ['node:*'], message: 'electron/shared is used by every process: no Node.' },
}

/** One zone: `files` (minus tests) may not import what `paths`/`patterns` name. */
function zone(files, { paths = [], patterns = [] }, ignores = []) {
  return { files, ignores: [...TESTS, ...ignores], rules: { 'no-restricted-imports': ['error', { paths, patterns }] } }
}

const DOMAINS = ['electron/**/*.ts']
const NOT_DOMAINS = ['electron/main/**', 'electron/preload/**', 'electron/core/**', 'electron/harness/**', 'electron/shared/**', 'electron/journal/**', 'electron/kernel/**']

const NO_WINDOW_POS = { selector: "MemberExpression[object.name='window'][property.name='pos']", message: 'Components call the core through their store (app/src/state/*-store.ts), not window.pos.' }
const NO_ERROR_MESSAGE = {
  selector: "MemberExpression[property.name='message'][object.name='error'], MemberExpression[property.name='message'][object.property.name='error']",
  message: "A refused call is worded with errorText(t, error) (app/src/lib/error-text.ts): error.message is the core's wording for logs.",
}

export const boundaries = [
  // renderer components reach the core through their zustand store (app/src/state), never window.pos
  // and word a refused call with errorText (app/src/lib/error-text.ts), never the core's own message
  {
    files: ['app/src/screens/**/*.{ts,tsx}', 'app/src/shell/**/*.{ts,tsx}'],
    ignores: TESTS,
    rules: { 'no-restricted-syntax': ['error', NO_WINDOW_POS, NO_ERROR_MESSAGE] },
  },
  { files: ['app/src/lib/**/*.{ts,tsx}'], ignores: TESTS, rules: { 'no-restricted-syntax': ['error', NO_WINDOW_POS] } },
  // domains (payments/, gateway/, devices/, settings/, shifts/, …)
  zone(DOMAINS, { paths: [rule.electron, rule.sqlite], patterns: [rule.composition, rule.testSupport] }, NOT_DOMAINS),
  // the kernel: below every domain
  zone(['electron/kernel/**/*.ts'], { paths: [rule.electron, rule.sqlite], patterns: [rule.composition, rule.testSupport] }),
  // the journal: the only SQLite user
  zone(['electron/journal/**/*.ts'], { paths: [rule.electron], patterns: [rule.composition, rule.testSupport] }),
  // the composition root and the browser harness
  zone(['electron/core/**/*.ts', 'electron/harness/**/*.ts'], { paths: [rule.electron, rule.sqlite], patterns: [rule.testSupport] }),
  // Electron main: the only place with Electron, and of it only ipc.ts registers IPC
  zone(['electron/main/**/*.ts'], { paths: [rule.ipcMain, rule.sqlite], patterns: [rule.testSupport] }, ['electron/main/ipc.ts']),
  zone(['electron/main/ipc.ts', 'electron/preload/**/*.ts'], { paths: [rule.sqlite], patterns: [rule.testSupport] }),
  // the contract and helpers every process shares
  zone(['electron/shared/**/*.ts'], {
    paths: [...NODE_BUILTINS.map((name) => ({ name, message: rule.node.message })), rule.electron, rule.sqlite],
    patterns: [rule.node, rule.testSupport, rule.composition],
  }),
  // domains hold the Journal, never its database handle: SQL lives in journal/'s repositories
  {
    files: DOMAINS,
    ignores: [...TESTS, ...NOT_DOMAINS],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='db'][object.name='journal'], MemberExpression[property.name='db'][object.property.name='journal']",
          message: 'Domains use the journal\'s repositories (journal.orders, journal.shifts, …), never journal.db: add a repository method in electron/journal.',
        },
      ],
    },
  },
  // devices' native side
  zone(['native-bridge/**/*.ts'], { paths: [rule.electron, rule.sqlite], patterns: [rule.electronFolder, rule.testSupport] }, ['native-bridge/**/testing/**']),
]
