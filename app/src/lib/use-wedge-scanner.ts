// Hooks the WedgeGate to a capture-phase keydown listener for the whole window.
// Scanned codes go to the core (devices:wedgeScan, the same path as device
// scans) and, when they are payment codes, pay the amount on the checkout.
import { useEffect } from 'react'
import { usePaymentStore, payScanned } from '../state/payment-store'
import { useDevicesStore } from '../state/devices-store'
import { WedgeGate } from './wedge-gate'

// Keys we re-dispatch after deciding they were typed by a person.
const replayed = new WeakSet<Event>()

function isPasswordField(el: Element | null): boolean {
  return el instanceof HTMLInputElement && el.type === 'password'
}

function isTextField(el: Element | null): el is HTMLInputElement | HTMLTextAreaElement {
  return (el instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(el.type)) || el instanceof HTMLTextAreaElement
}

function replay(keys: string[]) {
  const target = document.activeElement
  for (const key of keys) {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })
    replayed.add(event)
    const delivered = (target ?? document.body).dispatchEvent(event)
    // A synthetic keydown does not type into a field: insert the text the way typing would.
    if (delivered && isTextField(target)) document.execCommand('insertText', false, key)
  }
}

async function scanned(code: string) {
  const r = await useDevicesStore.getState().wedgeScan(code)
  if (r.ok) payScanned(r.value)
  else usePaymentStore.setState({ error: r.error })
}

export function useWedgeScanner(): void {
  useEffect(() => {
    const gate = new WedgeGate({
      replay,
      complete: (code) => void scanned(code),
      schedule: (ms, fn) => {
        const timer = setTimeout(fn, ms)
        return () => clearTimeout(timer)
      },
    })
    const onKeyDown = (e: KeyboardEvent) => {
      if (replayed.has(e) || e.isComposing || e.ctrlKey || e.altKey || e.metaKey) return
      if (isPasswordField(document.activeElement)) return
      if (gate.key(e.key, e.timeStamp) === 'swallow') {
        e.preventDefault()
        e.stopImmediatePropagation()
      }
    }
    window.addEventListener('keydown', onKeyDown, { capture: true })
    return () => {
      window.removeEventListener('keydown', onKeyDown, { capture: true })
      gate.reset()
    }
  }, [])
}
