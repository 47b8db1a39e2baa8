// Settings as the renderer may see them (never a key: only "set / not set").
import { create } from 'zustand'
import type { AppMode, SettingsPatch, SettingsView } from '../../../electron/shared/contract'
import type { PosError, Result } from '../../../electron/shared/result'
import { useAppStore } from './app-store'

interface SettingsState {
  view: SettingsView | null
  error: PosError | null
  load(): Promise<void>
  update(patch: SettingsPatch, pin?: string): Promise<Result<SettingsView>>
  setMode(mode: AppMode, pin?: string): Promise<Result<SettingsView>>
  sendSms(mobile: string): Promise<Result<{ validMinutes: number }>>
  activateBySms(mobile: string, valid: string, pin?: string): Promise<Result<SettingsView>>
  activateByPassword(username: string, password: string, pin?: string): Promise<Result<SettingsView>>
  setPin(next: string, current?: string): Promise<Result<{ pinSet: true }>>
}

/** Keeps the store in step with whatever a call returned. */
function keep(r: Result<SettingsView>): Result<SettingsView> {
  if (r.ok) apply(r.value)
  return r
}

function apply(view: SettingsView) {
  useSettingsStore.setState({ view, error: null })
  useAppStore.setState({ language: view.language })
}

export const useSettingsStore = create<SettingsState>()(() => ({
  view: null,
  error: null,
  async load() {
    const r = await window.pos.settings.get({})
    if (r.ok) apply(r.value)
    else useSettingsStore.setState({ error: r.error })
  },
  update: async (patch, pin) => keep(await window.pos.settings.update(pin ? { patch, pin } : { patch })),
  setMode: async (mode, pin) => keep(await window.pos.settings.setMode(pin ? { mode, pin } : { mode })),
  sendSms: (mobile) => window.pos.settings.sendSms({ mobile }),
  activateBySms: async (mobile, valid, pin) => keep(await window.pos.settings.activate(pin ? { mobile, valid, pin } : { mobile, valid })),
  activateByPassword: async (username, password, pin) =>
    keep(await window.pos.settings.activate(pin ? { username, password, pin } : { username, password })),
  async setPin(next, current) {
    const r = await window.pos.settings.setPin(current ? { current, next } : { next })
    if (r.ok) await useSettingsStore.getState().load()
    return r
  },
}))

window.pos.onSettingsChanged(apply)

/** Header toggle: switch now, and remember it in settings when allowed (no PIN needed for this). */
export function switchLanguage(language: 'zh-CN' | 'en'): void {
  useAppStore.setState({ language })
  void window.pos.settings.update({ patch: { language } })
}
