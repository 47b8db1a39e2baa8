// Chromium's own controls (the date input's mm/dd/yyyy on 对账, a select's or a
// file dialog's buttons) speak the locale the browser process started with, not
// the page's `lang`: Electron takes it from the `--lang` switch, which has to be
// set before 'ready' and holds for the whole run. The UI language is a setting
// in the journal, which the core opens only after 'ready'; so main keeps a
// one-word copy of it in userData (`ui-language`, rewritten whenever the
// settings change) and reads that at start. A language switched in the app
// reaches Chromium's controls from the next start; no copy yet: Chinese, the
// default UI language.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { writeFileDurably } from '../kernel/durable-file'

export type UiLanguage = 'zh-CN' | 'en'

const FILE = 'ui-language'

function readCopy(userDataDir: string): string | null {
  try {
    return readFileSync(join(userDataDir, FILE), 'utf8').trim()
  } catch {
    return null
  }
}

export function readUiLanguage(userDataDir: string): UiLanguage {
  return readCopy(userDataDir) === 'en' ? 'en' : 'zh-CN'
}

/** Keeps the copy in step with the setting (written only when it differs). */
export function rememberUiLanguage(userDataDir: string, language: UiLanguage): void {
  if (readCopy(userDataDir) !== language) writeFileDurably(join(userDataDir, FILE), language, 0o644)
}

/** The `--lang` value for a UI language (Chromium's locale names). */
export function chromiumLocale(language: UiLanguage): string {
  return language === 'en' ? 'en-US' : 'zh-CN'
}
