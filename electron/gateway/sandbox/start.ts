// Manual testing: `npx tsx electron/gateway/sandbox/start.ts [port]` starts the
// sandbox with the demo merchant and the control API on 127.0.0.1.
import { consoleLogger } from '../../kernel/logger'
import { DEMO_MERCHANT, demoSandboxOptions } from './demo'
import { startSandboxGateway } from './server'

const arg = process.argv[2]
const port = arg === undefined ? 8787 : Number(arg)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`usage: start.ts [port]  (got ${arg})`)
  process.exit(2)
}

const sandbox = await startSandboxGateway(demoSandboxOptions({ port, enableControl: true, log: consoleLogger }))
console.log(`sandbox gateway on ${sandbox.url} (agent ${DEMO_MERCHANT.agentId}, merchant ${DEMO_MERCHANT.mchId}); Ctrl-C stops it`)
const stop = () => void sandbox.close().then(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
