// The customer display's preload (sandboxed, CommonJS, its own bundle): the
// page faces the customer, so it gets the read-only customer slice only (see
// shared/customer-slice.ts). Anything else answers FORBIDDEN here without
// sending IPC, and main refuses it again for this window.
import { contextBridge } from 'electron'
import { customerTransport } from '../shared/customer-slice'
import { buildPosApi } from '../shared/pos-api'
import { ipcTransport } from './ipc-transport'

contextBridge.exposeInMainWorld('pos', buildPosApi(customerTransport(ipcTransport)))
