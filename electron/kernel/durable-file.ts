// Small files that must survive a power cut whole (secrets, the journal
// marker): write a temp file, fsync it, rename it over the old one, fsync the
// folder so the rename itself is on disk. A reader sees the old file or the
// new one, never half of either.
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs'
import { open, rename } from 'node:fs/promises'
import { dirname } from 'node:path'

function fsyncFolder(folder: string): void {
  // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return
  const fd = openSync(folder, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

export function writeFileDurably(path: string, data: string | Buffer, mode = 0o600): void {
  mkdirSync(dirname(path), { recursive: true })
  const tmp = `${path}.tmp`
  const fd = openSync(tmp, 'w', mode)
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(tmp, path)
  fsyncFolder(dirname(path))
}

/** The same, off the event loop (libuv's thread pool does the fsyncs): for writes on the sale path's doorstep. */
export async function writeFileDurablyAsync(path: string, data: string, mode = 0o600): Promise<void> {
  const tmp = `${path}.tmp`
  const file = await open(tmp, 'w', mode)
  try {
    await file.writeFile(data, 'utf8')
    await file.sync()
  } finally {
    await file.close()
  }
  await rename(tmp, path)
  if (process.platform === 'win32') return
  const folder = await open(dirname(path), 'r')
  try {
    await folder.sync()
  } finally {
    await folder.close()
  }
}
