// The cashier window's preload (sandboxed, CommonJS): installs `window.pos`,
// built from the whole contract by buildPosApi over ipcRenderer.
import { contextBridge } from 'electron'
import { buildPosApi } from '../shared/pos-api'
import { ipcTransport } from './ipc-transport'

export { ipcTransport }

contextBridge.exposeInMainWorld('pos', buildPosApi(ipcTransport))
