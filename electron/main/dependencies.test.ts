// Supply chain: `dependencies` are exactly the packages the packaged app loads
// from node_modules at run time — what the main process, both preloads and the
// face worker import (following our own imports from those entries). The
// renderer is bundled by vite at build time, the harness, bench and tests are
// development only: their packages belong in devDependencies. An unused
// production dependency (shipped in app.asar for nothing) fails here, and so
// does a run-time import missing from `dependencies`.
import { existsSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> }

/** The entries electron-vite builds for the app (electron.vite.config.ts). */
const ENTRIES = ['electron/main/index.ts', 'electron/preload/index.ts', 'electron/preload/customer.ts', 'native-bridge/face/face-worker.ts']

const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g

function resolveLocal(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec)
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) if (existsSync(candidate) && candidate.match(/\.tsx?$/)) return candidate
  return null
}

/** Bare package names imported (type-only imports excluded: they vanish at build) by everything reachable from `entries`. */
function runtimePackages(entries: string[]): Set<string> {
  const seen = new Set<string>()
  const packages = new Set<string>()
  const queue = entries.map((e) => join(root, e))
  while (queue.length > 0) {
    const file = queue.pop() as string
    if (seen.has(file)) continue
    seen.add(file)
    const source = readFileSync(file, 'utf8')
    for (const m of source.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? ''
      if (/^\s*(?:import|export)\s+type\s/.test(m[0].trimStart())) continue
      if (spec.startsWith('.')) {
        const local = resolveLocal(file, spec)
        if (local) queue.push(local)
        continue
      }
      const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec)
      if (name.startsWith('node:') || builtinModules.includes(name) || name === 'electron') continue
      packages.add(name)
    }
  }
  return packages
}

describe('production dependencies', () => {
  const used = runtimePackages(ENTRIES)

  it('every production dependency is imported by the app at run time', () => {
    const unused = Object.keys(pkg.dependencies).filter((d) => !used.has(d))
    expect(unused, 'unused production dependencies: remove them or move them to devDependencies').toEqual([])
  })

  it('every package the app imports at run time is a production dependency', () => {
    expect([...used].filter((p) => !(p in pkg.dependencies)).sort()).toEqual([])
  })

  it('the walk really follows the app (sanity: the native modules and the logger are found)', () => {
    for (const p of ['better-sqlite3', 'koffi', 'serialport', 'electron-log', 'zod']) expect(used.has(p), p).toBe(true)
    expect(used.has('ws')).toBe(false) // the harness is not part of the app
    expect(used.has('react')).toBe(false) // the renderer is bundled
  })
})
