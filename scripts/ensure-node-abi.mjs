// better-sqlite3 is a native module: `npm start` rebuilds it for Electron's
// ABI, `npm test` (Node) needs it built for Node. Rebuild only when the
// current build does not load in this Node.
import { execSync } from 'node:child_process'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
try {
  const Database = require('better-sqlite3')
  new Database(':memory:').close()
} catch {
  console.log('better-sqlite3 is not built for this Node: rebuilding…')
  execSync('npm rebuild better-sqlite3', { stdio: 'inherit' })
}
