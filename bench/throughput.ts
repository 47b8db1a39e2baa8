// Rows 3 and 5: drive load-child.ts (the cores) against a sandbox in this process.
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { LoadResult } from './load-child'
import { startSandbox } from './lib/gateway'

const CHILD = fileURLToPath(new URL('./load-child.ts', import.meta.url))

export async function runLoad(plan: { counters: number; payments: number; warmup: number; measureMemory: boolean }): Promise<LoadResult> {
  // Faults never used here; the sandbox's request log is bounded, its orders are not (that is the parent's memory, not the core's).
  const sandbox = await startSandbox({ enableControl: false })
  try {
    return await new Promise<LoadResult>((resolve, reject) => {
      const child = fork(CHILD, [JSON.stringify({ ...plan, sandboxUrl: sandbox.url })], { execArgv: ['--expose-gc', '--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
      let result: LoadResult | null = null
      child.on('message', (m) => (result = m as LoadResult))
      child.on('error', reject)
      child.on('exit', (code) => (result ? resolve(result) : reject(new Error(`load child exited ${code} without a result`))))
    })
  } finally {
    await sandbox.close()
  }
}
