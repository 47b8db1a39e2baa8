// The PosTransport over ipcRenderer, shared by both preloads. The page never
// sees ipcRenderer or an IPC event object: calls return plain Results,
// listeners get the payload only.
import { ipcRenderer, type IpcRendererEvent } from 'electron'
import type { PosTransport } from '../shared/pos-api'
import { fail, type Result } from '../shared/result'

export const ipcTransport: PosTransport = {
  async invoke(name, payload) {
    try {
      return (await ipcRenderer.invoke(name, payload)) as Result<unknown>
    } catch {
      // Only when main has no handler or the payload cannot be cloned (e.g. a function).
      return fail('INTERNAL', `调用失败 (${name} could not be sent)`, { call: name })
    }
  },
  subscribe(name, listener) {
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
    ipcRenderer.on(name, forward)
    return () => {
      ipcRenderer.removeListener(name, forward)
    }
  },
}
