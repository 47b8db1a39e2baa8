// `npm run start:browser`: rebuild the UI (out/web) only when one of its inputs
// is newer than the last build. The stamp records the newest input mtime seen
// when that build started, so a file saved during a build still triggers the
// next one. `npm run build:web` alone leaves no stamp: the next start rebuilds.
import { execSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const INPUTS = ['app', 'electron/shared', 'package-lock.json', 'tsconfig.web.json', 'tsconfig.base.json']
const STAMP = 'out/web/.build-stamp'

function newestMtime(path) {
  if (!existsSync(path)) return 0
  const st = statSync(path)
  if (!st.isDirectory()) return st.mtimeMs
  let newest = st.mtimeMs // a deleted file changes its folder's mtime
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

const inputs = Math.max(...INPUTS.map(newestMtime))
const built = existsSync(STAMP) && existsSync('out/web/index.html') ? Number(readFileSync(STAMP, 'utf8')) : NaN
if (built === inputs) {
  console.log('UI build is up to date (out/web): not rebuilding')
} else {
  execSync('npm run build:web', { stdio: 'inherit' })
  writeFileSync(STAMP, String(inputs))
}
