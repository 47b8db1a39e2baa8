// Which face SDK library the app may load. Loading a library runs its native
// code with the app's rights, so a library must sit inside an allowed folder
// (the vendor SDK's install folder by default; the supervisor may change the
// list) and, when the supervisor pinned one, match its SHA-256. Checked when it
// is chosen and again before every worker start (the worker re-hashes the file
// right before it loads it).
import { createHash } from 'node:crypto'
import { readFileSync, realpathSync, statSync } from 'node:fs'
import { extname, isAbsolute, join, relative, sep } from 'node:path'
import { z } from 'zod'
import { PosFailure } from '../shared/result'

/** Library file types the platform loaders take. */
const LIBRARY_EXTENSIONS = new Set(['.dll', '.so', '.dylib'])

/**
 * The vendor SDK's install folder: set at install time through COUNTER_FACE_SDK_DIR,
 * otherwise where the WeChat face-pay SDK installs itself.
 */
export function defaultFaceSdkFolders(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string[] {
  if (env.COUNTER_FACE_SDK_DIR) return [env.COUNTER_FACE_SDK_DIR]
  if (platform === 'win32') return [join(env.ProgramFiles ?? 'C:\\Program Files', 'WxpayFaceSDK'), join(env['ProgramFiles(x86)'] ?? 'C:\\Program Files (x86)', 'WxpayFaceSDK')]
  return ['/opt/wxpayface']
}

/** The stored folder list (journal settings row), validated when read back. */
export const FaceSdkFolders = z.array(z.string().min(1).max(512)).min(1).max(8)

export function sha256OfFile(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex')
}

function realOrNull(path: string): string | null {
  try {
    return realpathSync(path)
  } catch {
    return null
  }
}

type Refusal = 'face-sdk-path-not-absolute' | 'face-sdk-not-a-library' | 'face-sdk-file-missing' | 'face-sdk-outside-folders' | 'face-sdk-hash-mismatch'

function refuse(reason: Refusal, words: string, params: Record<string, string> = {}): never {
  throw new PosFailure('DEVICE', `刷脸 SDK 库未被允许加载：${words}`, { reason, ...params })
}

/**
 * Throws a DEVICE failure unless `libraryPath` is an existing library file whose
 * real path (symlinks and `..` resolved) lies inside one of `folders`, and, when
 * `sha256` is given, whose contents hash to it. Returns the real path and hash.
 */
export function checkFaceLibrary(libraryPath: string, folders: readonly string[], sha256?: string): { realPath: string; sha256: string } {
  if (!isAbsolute(libraryPath)) refuse('face-sdk-path-not-absolute', '须为完整路径 (path must be absolute)')
  if (!LIBRARY_EXTENSIONS.has(extname(libraryPath).toLowerCase())) refuse('face-sdk-not-a-library', '不是动态库文件 (.dll/.so/.dylib)')
  const real = realOrNull(libraryPath)
  if (!real || !statSync(real).isFile()) refuse('face-sdk-file-missing', '文件不存在 (file not found)')
  const inside = folders.some((folder) => {
    const root = realOrNull(folder)
    if (!root) return false
    const rel = relative(root, real)
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && !rel.split(sep).includes('..')
  })
  if (!inside) refuse('face-sdk-outside-folders', `不在允许的 SDK 文件夹内 (not inside an allowed folder: ${folders.join(', ')})`, { folders: folders.join('; ') })
  const actual = sha256OfFile(real)
  if (sha256 && actual !== sha256.toLowerCase()) refuse('face-sdk-hash-mismatch', '文件的 SHA-256 与主管登记的不一致 (SHA-256 does not match the pinned value)')
  return { realPath: real, sha256: actual }
}
