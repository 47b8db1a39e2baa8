// Settings as the renderer may see them (never a key: only "set / not set").
import { create } from 'zustand'
import { asProof, type AppMode, type ProofInput, type SettingsPatch, type SettingsView } from '../../../electron/shared/contract'
import type { PosError, Result } from '../../../electron/shared/result'
import { useAppStore } from './app-store'

type Language = SettingsView['language']

interface SettingsState {
  view: SettingsView | null
  error: PosError | null
  load(): Promise<void>
  update(patch: SettingsPatch, pin?: ProofInput): Promise<Result<SettingsView>>
  setMode(mode: AppMode, pin?: ProofInput, acceptPlainSecrets?: boolean): Promise<Result<SettingsView>>
  sendSms(mobile: string): Promise<Result<{ validMinutes: number }>>
  activateBySms(mobile: string, valid: string, pin?: ProofInput): Promise<Result<SettingsView>>
  activateByPassword(username: string, password: string, pin?: ProofInput): Promise<Result<SettingsView>>
  finishSetup(): Promise<Result<SettingsView>>
  register(req: { mchName: string; mchShortName?: string; mobile: string }, pin?: ProofInput): Promise<Result<SettingsView>>
  setPin(next: string, current?: string): Promise<Result<{ pinSet: true }>>
}

/** Keeps the store in step with whatever a call returned. */
function keep(r: Result<SettingsView>): Result<SettingsView> {
  if (r.ok) apply(r.value)
  return r
}

function apply(view: SettingsView) {
  useSettingsStore.setState({ view, error: null })
  useAppStore.setState({ language: sessionLanguage() ?? view.language })
}

// The header's language button is a per-window, per-session choice (kept across a
// reload, gone on restart) and never needs the PIN; the counter's default language
// is a setting (Settings screen, PIN-guarded once a PIN is set).
const SESSION_LANGUAGE = 'counter.sessionLanguage'

function sessionLanguage(): Language | null {
  try {
    const v = sessionStorage.getItem(SESSION_LANGUAGE)
    return v === 'en' || v === 'zh-CN' ? v : null
  } catch {
    return null
  }
}

export const useSettingsStore = create<SettingsState>()(() => ({
  view: null,
  error: null,
  async load() {
    const r = await window.pos.settings.get({})
    if (r.ok) apply(r.value)
    else useSettingsStore.setState({ error: r.error })
  },
  update: async (patch, pin) => keep(await window.pos.settings.update({ patch, ...asProof(pin) })),
  setMode: async (mode, pin, acceptPlainSecrets) =>
    keep(await window.pos.settings.setMode({ mode, ...asProof(pin), ...(acceptPlainSecrets ? { acceptPlainSecrets: true as const } : {}) })),
  sendSms: (mobile) => window.pos.settings.sendSms({ mobile }),
  activateBySms: async (mobile, valid, pin) => keep(await window.pos.settings.activate({ mobile, valid, ...asProof(pin) })),
  activateByPassword: async (username, password, pin) =>
    keep(await window.pos.settings.activate({ username, password, ...asProof(pin) })),
  finishSetup: async () => keep(await window.pos.settings.setupDone({})),
  register: async (req, pin) => keep(await window.pos.settings.register({ ...req, ...asProof(pin) })),
  async setPin(next, current) {
    const r = await window.pos.settings.setPin({ next, ...(current ? { current } : {}) })
    if (r.ok) await useSettingsStore.getState().load()
    return r
  },
}))

window.pos.onSettingsChanged(apply)

/** Header toggle: this window, this session only (no PIN, settings untouched). */
export function switchLanguage(language: Language): void {
  try {
    sessionStorage.setItem(SESSION_LANGUAGE, language)
  } catch {
    // storage unavailable: the switch still holds until the next settings change
  }
  useAppStore.setState({ language })
}

/** Settings screen: the counter's default language; on success this window follows it (the session choice ends). */
export async function setDefaultLanguage(language: Language, pin?: ProofInput): Promise<Result<SettingsView>> {
  const r = await useSettingsStore.getState().update({ language }, pin)
  if (r.ok) {
    try {
      sessionStorage.removeItem(SESSION_LANGUAGE)
    } catch {
      // nothing stored
    }
    useAppStore.setState({ language: r.value.language })
  }
  return r
}
