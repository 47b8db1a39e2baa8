// Hooks the shared keyboard-wedge detector (electron/shared/wedge.ts) to a
// capture-phase keydown listener for the whole window. Scanner bursts are
// swallowed so they never land in a focused field (e.g. the note); keys that
// turn out to be typing are replayed where they were going. A scanned code
// goes to the core (devices:wedgeScan, the same path as device scans) and,
// when it is a payment code, pays the amount on the checkout.
import { useEffect } from 'react'
import { WedgeDetector } from '../../../electron/shared/wedge'
import { useDevicesStore } from '../state/devices-store'
import { payScanned, usePaymentStore } from '../state/payment-store'

// Keys we re-dispatch after deciding they were typed by a person.
const replayed = new WeakSet<Event>()

function isPasswordField(el: Element | null): boolean {
  return el instanceof HTMLInputElement && el.type === 'password'
}

function isTextField(el: Element | null): boolean {
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

async function scanned(code: string) {
  const r = await useDevicesStore.getState().wedgeScan(code)
  if (r.ok) payScanned(r.value)
  else usePaymentStore.setState({ error: r.error })
}

export function useWedgeScanner(): void {
  useEffect(() => {
    const detector = new WedgeDetector()
    let timer: ReturnType<typeof setTimeout> | undefined
    const settle = () => {
      const d = detector.flush(performance.now())
      if (d.replay) replay(d.replay)
      if (d.scan) void scanned(d.scan)
      if (detector.holding()) timer = setTimeout(settle, detector.flushAfterMs)
    }
    const onKeyDown = (e: KeyboardEvent) => {
      if (replayed.has(e) || e.isComposing || e.ctrlKey || e.altKey || e.metaKey) return
      if (isPasswordField(document.activeElement) && !detector.holding()) return
      const d = detector.feed(e.key, e.timeStamp)
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
