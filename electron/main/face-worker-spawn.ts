// The face SDK worker in the desktop app: an Electron utilityProcess (Node's
// fork would need ELECTRON_RUN_AS_NODE, which the runAsNode fuse turns off).
// electron-vite builds native-bridge/face/face-worker.ts next to main's index.js.
import { join } from 'node:path'
import { utilityProcess } from 'electron'
import type { SpawnWorker } from '../../native-bridge/face/worker-host'

export function utilityFaceWorker(mainDir: string): SpawnWorker {
  return (libraryPath, sha256) => {
    const child = utilityProcess.fork(join(mainDir, 'face-worker.js'), [libraryPath, sha256 ?? ''], { serviceName: 'Counter face camera', stdio: 'inherit' })
    return {
      send: (msg) => child.postMessage(msg),
      on: (event: 'message' | 'exit', listener: (...args: never[]) => void) => {
        const l = listener as (...args: unknown[]) => void
        if (event === 'message') child.on('message', (m: unknown) => l(m))
        else child.on('exit', (code: number) => l(code, null))
        return child
      },
      kill: () => void child.kill(),
    }
  }
}
