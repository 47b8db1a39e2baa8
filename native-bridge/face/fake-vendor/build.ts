// Compiles the fake face SDK (fake-wxpayface.c) into a shared library in a
// temp folder, for tests of the real FFI path.
import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export function buildFakeFaceLibrary(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fake-wxpayface-'))
  const source = join(dirname(fileURLToPath(import.meta.url)), 'fake-wxpayface.c')
  const lib = join(dir, process.platform === 'darwin' ? 'libfakewxpayface.dylib' : 'libfakewxpayface.so')
  execFileSync('gcc', ['-shared', '-fPIC', '-O1', '-o', lib, source], { stdio: 'pipe' })
  return lib
}
