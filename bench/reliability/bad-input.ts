// Bad input: fuzzed scanner input (through the real decoders and the
// validator, then paid the way the renderer pays a scan), fuzzed IPC payloads
// through core.dispatch (the zod contract) and fuzzed settings values. Counts
// what was tried; any throw is a crash; the sandbox counts pay requests, which
// must equal the valid control codes mixed into the scanner input — so not
// one request came from invalid input.
import { createCore, type Core } from '../../electron/core/create-core'
import { silentLogger } from '../../electron/kernel/logger'
import { calls } from '../../electron/shared/contract'
import { ScanValidator } from '../../electron/devices/scan-validator'
import { KeyboardReportDecoder } from '../../native-bridge/scanners/keyboard-report'
import { SerialStreamDecoder } from '../../native-bridge/scanners/serial-stream'
import type { ScannerRead } from '../../native-bridge/scanners/types'
import { keyboardReports } from '../../native-bridge/scanners/test-reports'
import { countRequests, gatewayConfigFor, startSandbox, tempDir } from '../lib/gateway'
import { pick, seededRandom } from '../lib/stats'

export interface BadInputReport {
  scannerInputs: number
  validControls: number
  ipcPayloads: number
  settingsValues: number
  crashes: string[]
  payRequests: number
  /** Invalid inputs that got through (each is a finding). */
  leaks: string[]
  acceptedIpc: Record<string, number>
}

const MONEY_CALLS = ['pay', 'facepay', 'WECHAT_PreOrder', 'ALIPAY_PreOrder', 'refund', 'cancel']

function digits(rand: () => number, n: number): string {
  let s = ''
  for (let i = 0; i < n; i++) s += String(Math.floor(rand() * 10))
  return s
}

/** A WeChat-style code that pays at once in the sandbox (no scenario suffix). */
const validCode = (rand: () => number) => `13${digits(rand, 12)}9999`

type Input = { bytes: Uint8Array; text: string | null; valid: boolean; kind: string }

function scannerInput(rand: () => number): Input {
  const code = validCode(rand)
  const enc = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'))
  const textInput = (kind: string, text: string, terminated = true): Input => ({ bytes: enc(terminated ? `${text}\r` : text), text: terminated ? text : null, valid: false, kind })
  const cut = 1 + Math.floor(rand() * (code.length - 2))
  switch (Math.floor(rand() * 10)) {
    case 0: {
      // random bytes without terminators, at least one non-digit
      const n = 1 + Math.floor(rand() * 300)
      const b = Array.from({ length: n }, () => Math.floor(rand() * 256)).filter((x) => x !== 13 && x !== 10 && x !== 9)
      b.push(0x41)
      return { bytes: new Uint8Array([...b, 13]), text: null, valid: false, kind: 'random bytes' }
    }
    case 1:
      return textInput('control char inside', code.slice(0, cut) + pick(rand, ['\u0000', '\u0007', '\u001b', '\u007f', '\u0008']) + code.slice(cut))
    case 2:
      return textInput('truncated code', code.slice(0, 6 + Math.floor(rand() * 9)))
    case 3:
      return textInput('two codes glued', code + validCode(rand))
    case 4:
      return textInput('overlong', digits(rand, 129 + Math.floor(rand() * 2000)))
    case 5:
      return textInput('letter inside', code.slice(0, cut) + pick(rand, ['O', 'l', 'x', '-', ' ']) + code.slice(cut + 1))
    case 6: {
      const b = [...enc(code)]
      b.splice(cut, 0, pick(rand, [0xff, 0xc3, 0xe2, 0x80]))
      return { bytes: new Uint8Array([...b, 13]), text: null, valid: false, kind: 'invalid UTF-8' }
    }
    case 7:
      return textInput('no terminator', code, false)
    case 8:
      return textInput('not a wallet prefix', `99${digits(rand, 16)}`)
    default:
      return { bytes: enc(`${code}\r`), text: code, valid: true, kind: 'valid control' }
  }
}

export async function runBadInput(scale: { scanner: number; ipcPerCall: number }, seed = 0xbad): Promise<BadInputReport> {
  const rand = seededRandom(seed)
  const sandbox = await startSandbox()
  const counter = countRequests(sandbox)
  const dir = tempDir('bad-input', 'memory')
  const core: Core = await createCore({ userDataDir: dir.path, transport: 'browser', version: 'reliability', log: silentLogger, gateway: gatewayConfigFor(sandbox.url), gatewayTimeoutMs: 2_000 })
  const report: BadInputReport = { scannerInputs: 0, validControls: 0, ipcPayloads: 0, settingsValues: 0, crashes: [], payRequests: 0, leaks: [], acceptedIpc: {} }
  const validator = new ScanValidator()
  const moneyBefore = () => MONEY_CALLS.reduce((t, c) => t + (counter.counts.get(c) ?? 0), 0)

  // What the renderer does with a scan: a payment code → payByCode.
  const payScan = async (reads: ScannerRead[], input: Input, path: string) => {
    for (const read of reads) {
      const v = validator.check(path === 'serial' ? 'serial' : 'hid', read)
      if (!v.ok || v.scan.paytype === null) continue
      if (!input.valid) report.leaks.push(`${path}: ${input.kind} accepted as a payment code`)
      const before = moneyBefore()
      const r = await core.dispatch('payment:payByCode', { amountFen: 100, authCode: v.scan.code })
      await core.services.engine.idle()
      if (!r.ok && input.valid) report.leaks.push(`${path}: valid control refused: ${r.error.message}`)
      if (moneyBefore() - before !== (input.valid ? 1 : 0)) report.leaks.push(`${path}: ${input.kind} made ${moneyBefore() - before} money calls`)
    }
  }

  try {
    for (let i = 0; i < scale.scanner; i++) {
      const input = scannerInput(rand)
      report.scannerInputs++
      if (input.valid) report.validControls += 2 // once through each decoder
      try {
        const serial = new SerialStreamDecoder('CR')
        await payScan([...serial.push(input.bytes), ...serial.idle()], input, 'serial')
        const keyboard = new KeyboardReportDecoder()
        let reports: number[][]
        try {
          reports = keyboardReports(`${input.text ?? ''}\n`)
        } catch {
          // Not typeable: raw random reports (random modifiers and keycodes), then Enter.
          reports = Array.from({ length: 1 + Math.floor(rand() * 40) }, () => Array.from({ length: 8 }, (_, k) => (k === 1 ? 0 : Math.floor(rand() * 256))))
          reports.push([0, 0, 0x28, 0, 0, 0, 0, 0])
        }
        const reads = reports.flatMap((r) => keyboard.push(r))
        await payScan([...reads, ...keyboard.idle()], input.text === null && !input.valid ? { ...input, kind: `${input.kind} (as HID reports)` } : input, 'hid')
      } catch (e) {
        report.crashes.push(`scanner ${input.kind}: ${e instanceof Error ? e.message : String(e)}`)
      }
    }

    // IPC: every call name, payloads that are wrong by construction.
    const names = Object.keys(calls)
    const fields = ['amountFen', 'authCode', 'outTradeNo', 'paytype', 'text', 'patch', 'pin', 'mode', 'body', 'limit', 'shiftId', 'scanner', 'mobile', 'code', '__proto__', 'constructor']
    const junk = (depth = 0): unknown => {
      switch (Math.floor(rand() * (depth > 2 ? 6 : 9))) {
        case 0: return null
        case 1: return rand() < 0.5
        case 2: return pick(rand, [-1, 0, 0.5, 1e308, -0, Number.MAX_SAFE_INTEGER + 2, 12.34])
        case 3: return 'x'.repeat(Math.floor(rand() * 64))
        case 4: return pick(rand, ['', '💥', '<script>', '../../etc/passwd', '1345678901234599990', "'; DROP TABLE orders;--"])
        case 5: return 'A'.repeat(200_000 + Math.floor(rand() * 800_000)) // huge string
        case 6: return Array.from({ length: Math.floor(rand() * 5) }, () => junk(depth + 1))
        default: return Object.fromEntries(Array.from({ length: 1 + Math.floor(rand() * 4) }, () => [pick(rand, fields), junk(depth + 1)]))
      }
    }
    const payloads = (): unknown[] => [
      junk(),
      { ...(junk(1) as object), extra: 1 },
      { amountFen: 100, authCode: validCode(rand), extra: true }, // valid for payByCode but for the extra field
      { amountFen: pick(rand, [-100, 0, 1.5, '100', 1e12, null]), authCode: validCode(rand) },
      { amountFen: 100, authCode: 'A'.repeat(100_000) },
    ]
    for (let round = 0; round < scale.ipcPerCall; round++) {
      for (const name of [...names, 'payment:payNow', '__proto__', 'constructor', 'payment:payByCode ']) {
        for (const payload of payloads()) {
          report.ipcPayloads++
          const before = moneyBefore()
          try {
            const r = await core.dispatch(name, payload)
            if (typeof r !== 'object' || r === null || typeof (r as { ok?: unknown }).ok !== 'boolean') report.crashes.push(`ipc ${name}: answer is not a Result`)
            else if (r.ok) report.acceptedIpc[name] = (report.acceptedIpc[name] ?? 0) + 1
            if (r.ok && name.startsWith('payment:pay')) report.leaks.push(`ipc ${name} accepted ${JSON.stringify(payload).slice(0, 80)}`)
          } catch (e) {
            report.crashes.push(`ipc ${name}: threw ${e instanceof Error ? e.message : String(e)}`)
          }
          await core.services.engine.idle()
          if (moneyBefore() !== before) report.leaks.push(`ipc ${name}: a money call reached the gateway`)
        }
      }
    }

    // Settings: every field with values it must refuse; nothing may change.
    const bad: Record<string, unknown[]> = {
      gatewayUrl: ['javascript:alert(1)', 'ftp://x', 'not a url', `https://${'a'.repeat(300)}.com`, 42, null],
      agentId: ['', 'a b', 'x'.repeat(33), '中文', 1],
      agentKey: ['short', 'k'.repeat(129), 7, ['k']],
      mchId: ['', '../x', 'x'.repeat(33), {}],
      merchantKey: ['abc', 'k'.repeat(129), false],
      storeId: ['', 'a/b', 'x'.repeat(33)],
      storeName: ['', 'n'.repeat(10_000), 5],
      deviceId: ['', 'dev ice', 'x'.repeat(33), '设备'],
      cashier: ['', 'c'.repeat(10_000), null],
      language: ['fr', '', 1],
      speakOnSuccess: ['yes', 1, null],
      unknownField: ['x'],
    }
    const before = JSON.stringify(await core.dispatch('settings:get', {}))
    for (const [field, values] of Object.entries(bad)) {
      for (const value of values) {
        for (const pin of [undefined, '1', 'abcd', '123456789']) {
          report.settingsValues++
          try {
            const r = await core.dispatch('settings:update', pin === undefined ? { patch: { [field]: value } } : { patch: { [field]: value }, pin })
            if (r.ok) report.leaks.push(`settings.${field} accepted ${JSON.stringify(value).slice(0, 40)}`)
          } catch (e) {
            report.crashes.push(`settings ${field}: threw ${e instanceof Error ? e.message : String(e)}`)
          }
        }
      }
    }
    for (const mode of ['prod', '', 5, null]) {
      report.settingsValues++
      const r = await core.dispatch('settings:setMode', { mode })
      if (r.ok) report.leaks.push(`settings:setMode accepted ${JSON.stringify(mode)}`)
    }
    if (JSON.stringify(await core.dispatch('settings:get', {})) !== before) report.leaks.push('settings changed after refused updates')
    report.payRequests = counter.counts.get('pay') ?? 0
    if (report.payRequests !== report.validControls) report.leaks.push(`pay requests at the sandbox ${report.payRequests} ≠ valid controls ${report.validControls}`)
  } finally {
    counter.stop()
    await core.close()
    await sandbox.close()
    dir.remove()
  }
  return report
}
