// `npm run start:browser`: the core + harness + built UI on a loopback port.
// PORT (default 5199; 0 = any free port) and COUNTER_DATA_DIR (default
// .tmp/browser-data: journal, secrets, backups) are documented in the README.
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { createCore } from '../core/create-core'
import { consoleLogger } from '../kernel/logger'
import { startHarness } from './server'

const dataDir = resolve(process.env.COUNTER_DATA_DIR ?? '.tmp/browser-data')
mkdirSync(dataDir, { recursive: true })
const port = Number(process.env.PORT ?? 5199)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number 0–65535 (0 = any free port), got ${JSON.stringify(process.env.PORT)}`)
  process.exit(2)
}

const core = await createCore({ userDataDir: dataDir, transport: 'browser', version: process.env.npm_package_version ?? '0.0.0', log: consoleLogger })
const harness = await startHarness({ core, log: consoleLogger, staticDir: resolve('out/web'), port })
console.log(`Counter (browser harness, ${core.info().mode} mode) at ${harness.url}  — data in ${dataDir}`)

const stop = async () => {
  await harness.close()
  await core.close()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
