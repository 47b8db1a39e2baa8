import type { PosApi } from '../../electron/shared/pos-api'

declare global {
  interface Window {
    pos: PosApi
  }
}

export {}
