// Installs `window.pos` over the harness WebSocket when the page is not inside
// Electron. Built from the same contract as the preload, so the rest of the
// renderer cannot tell the two apart.
import { HARNESS_PATH, HARNESS_TOKEN_META, type ServerMessage } from '../../../electron/shared/harness-protocol'
import { buildPosApi, type PosApi, type PosTransport } from '../../../electron/shared/pos-api'
import { fail, type Result } from '../../../electron/shared/result'

export async function installHarnessPos(): Promise<PosApi> {
  // The server wrote this launch's token into the page; without it the socket is refused.
  const token = document.querySelector(`meta[name="${HARNESS_TOKEN_META}"]`)?.getAttribute('content') ?? ''
  const ws = new WebSocket(`ws://${location.host}${HARNESS_PATH}?token=${encodeURIComponent(token)}`)
  const pending = new Map<number, (r: Result<unknown>) => void>()
  const listeners = new Map<string, Set<(p: unknown) => void>>()
  let nextId = 1

  ws.addEventListener('message', (e) => {
    const msg = JSON.parse(String(e.data)) as ServerMessage
    if (msg.type === 'result') {
      pending.get(msg.id)?.(msg.result)
      pending.delete(msg.id)
    } else {
      for (const l of listeners.get(msg.event) ?? []) l(msg.payload)
    }
  })
  ws.addEventListener('close', () => {
    for (const resolve of pending.values()) resolve(fail('INTERNAL', '与收银核心的连接已断开 (connection to the core lost)'))
    pending.clear()
  })
  await new Promise<void>((resolve, reject) => {
    ws.addEventListener('open', () => resolve(), { once: true })
    ws.addEventListener('error', () => reject(new Error('harness connection failed')), { once: true })
  })

  const transport: PosTransport = {
    invoke(name, payload) {
      return new Promise((resolve) => {
        if (ws.readyState !== WebSocket.OPEN) return resolve(fail('INTERNAL', '与收银核心的连接已断开 (connection to the core lost)'))
        const id = nextId++
        pending.set(id, resolve)
        ws.send(JSON.stringify({ type: 'call', id, name, payload }))
      })
    },
    subscribe(name, listener) {
      const set = listeners.get(name) ?? new Set()
      listeners.set(name, set)
      set.add(listener)
      return () => set.delete(listener)
    },
  }
  const api = buildPosApi(transport)
  Object.defineProperty(window, 'pos', { value: api, configurable: false, writable: false })
  return api
}
