// The last cash tender (amount given and change), for the customer display:
// its own small store because that window gets only the customer slice of
// window.pos (cash:tendered is in it; the drawer and print events are not).
import { create } from 'zustand'
import type { CashTendered } from '../../../electron/shared/contract'

export const useTenderedStore = create<{ last: CashTendered | null }>()(() => ({ last: null }))

window.pos.onCashTendered((t) => useTenderedStore.setState({ last: t }))
