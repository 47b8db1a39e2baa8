// "收款成功 N 元": a short chime (WebAudio) and, when enabled, speech.
import { formatFen, type Fen } from '../../../electron/shared/money'

let audio: AudioContext | null = null

function chime() {
  try {
    audio ??= new AudioContext()
    const ctx = audio
    const t = ctx.currentTime
    for (const [i, freq] of [880, 1320].entries()) {
      const osc = ctx.createOscillator()
      const gain = ctx.createGain()
      osc.frequency.value = freq
      gain.gain.setValueAtTime(0.0001, t + i * 0.12)
      gain.gain.exponentialRampToValueAtTime(0.25, t + i * 0.12 + 0.02)
      gain.gain.exponentialRampToValueAtTime(0.0001, t + i * 0.12 + 0.2)
      osc.connect(gain).connect(ctx.destination)
      osc.start(t + i * 0.12)
      osc.stop(t + i * 0.12 + 0.22)
    }
  } catch {
    // No audio device: the panel still shows the result.
  }
}

/** Spoken text for an amount, e.g. 1230 → "收款成功 12.3 元". */
export function successSpeech(amountFen: Fen): string {
  const [yuan = '0', cents = ''] = formatFen(amountFen).split('.')
  const trimmed = cents.replace(/0+$/, '')
  return `收款成功 ${trimmed ? `${yuan}.${trimmed}` : yuan} 元`
}

export function announceSuccess(amountFen: Fen, speak: boolean): void {
  chime()
  if (!speak || typeof speechSynthesis === 'undefined') return
  try {
    const u = new SpeechSynthesisUtterance(successSpeech(amountFen))
    u.lang = 'zh-CN'
    speechSynthesis.speak(u)
  } catch {
    // Speech is a nicety; never let it break the checkout.
  }
}
