// Hooks the shared keyboard-wedge detector (electron/shared/wedge.ts) to a
// capture-phase keydown listener for the whole window. Scanner bursts are
// swallowed so they never land in a focused field (amount, note, search box);
// keys that turn out to be typing are replayed where they were going. A scanned
// code goes to the core (devices:wedgeScan, the same path as device scans) and
// the checkout answers it (pays, or says 不是付款码).
//
// Only key-event timestamps decide. The flush timer merely shows a lone typed
// key early; when the page was busy and keys of the same burst were still
// queued, the detector says `retract` and what the timer replayed is undone
// (field value, or the amount in the store) before the burst goes on.
import { useEffect } from 'react'
import { WedgeDetector } from '../../../electron/shared/wedge'
import { useDevicesStore } from '../state/devices-store'
import { payScanned, scanRefused, usePaymentStore } from '../state/payment-store'

// Keys we re-dispatch after deciding they were typed by a person.
const replayed = new WeakSet<Event>()

function isPasswordField(el: Element | null): boolean {
  return el instanceof HTMLInputElement && el.type === 'password'
}

function isTextField(el: Element | null): el is HTMLInputElement | HTMLTextAreaElement {
  return (el instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(el.type)) || el instanceof HTMLTextAreaElement
}

/** Delivers held keys: typed into the focused field, or as keydowns for the keypad shortcuts. */
function replay(text: string) {
  const target = document.activeElement
  for (const key of text) {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })
    replayed.add(event)
    const delivered = (target ?? document.body).dispatchEvent(event)
    // A synthetic keydown does not type: insert the text the way typing would (React sees an input event).
    if (delivered && isTextField(target)) document.execCommand('insertText', false, key)
  }
}

/** What a provisional replay may change, so a retract can put it back exactly. */
interface Snapshot {
  field: { el: HTMLInputElement | HTMLTextAreaElement; value: string; start: number | null; end: number | null } | null
  payment: Pick<ReturnType<typeof usePaymentStore.getState>, 'amountText' | 'amountRefused' | 'note' | 'current' | 'stopResult' | 'error' | 'armed' | 'background'>
}

function snapshot(): Snapshot {
  const el = document.activeElement
  const p = usePaymentStore.getState()
  return {
    field: isTextField(el) ? { el, value: el.value, start: el.selectionStart, end: el.selectionEnd } : null,
    payment: { amountText: p.amountText, amountRefused: p.amountRefused, note: p.note, current: p.current, stopResult: p.stopResult, error: p.error, armed: p.armed, background: p.background },
  }
}

function restore(snap: Snapshot) {
  const f = snap.field
  if (f && f.el.isConnected && f.el.value !== f.value) {
    // Through the native setter + an input event, so React's controlled value follows.
    const proto = f.el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(f.el, f.value)
    f.el.dispatchEvent(new Event('input', { bubbles: true }))
    if (f.start !== null && f.end !== null) f.el.setSelectionRange(f.start, f.end)
  }
  // Only what typing can change; an order update that arrived meanwhile stays.
  const { current, stopResult, background, ...typed } = snap.payment
  const cleared = current !== null && usePaymentStore.getState().current === null
  usePaymentStore.setState(cleared ? { ...typed, current, stopResult, background } : typed)
}

async function scanned(code: string) {
  const r = await useDevicesStore.getState().wedgeScan(code)
  if (r.ok) payScanned(r.value)
  else scanRefused({ message: r.error.message, reason: r.error.params?.['reason'] })
}

export function useWedgeScanner(): void {
  useEffect(() => {
    const detector = new WedgeDetector()
    let timer: ReturnType<typeof setTimeout> | undefined
    // Set while keys the timer replayed may still be retracted.
    let provisional: Snapshot | null = null
    const settle = () => {
      const before = snapshot()
      const d = detector.flush(performance.now())
      if (d.replay) {
        provisional = before
        replay(d.replay)
      }
      if (d.scan) void scanned(d.scan)
      if (detector.holding()) timer = setTimeout(settle, detector.flushAfterMs)
    }
    const onKeyDown = (e: KeyboardEvent) => {
      if (replayed.has(e) || e.isComposing || e.ctrlKey || e.altKey || e.metaKey) return
      if (isPasswordField(document.activeElement) && !detector.holding()) return
      const d = detector.feed(e.key, e.timeStamp)
      if (d.retract > 0 && provisional) restore(provisional)
      provisional = null
      if (d.replay) replay(d.replay)
      if (d.swallow) {
        e.preventDefault()
        e.stopImmediatePropagation()
      }
      if (d.scan) void scanned(d.scan)
      clearTimeout(timer)
      if (detector.holding()) timer = setTimeout(settle, detector.flushAfterMs + 5)
    }
    window.addEventListener('keydown', onKeyDown, { capture: true })
    return () => {
      window.removeEventListener('keydown', onKeyDown, { capture: true })
      clearTimeout(timer)
    }
  }, [])
}
