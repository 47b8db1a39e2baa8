// A pseudo-terminal pair made directly by the kernel (posix_openpt through
// koffi, no relay process): the adapter opens the slave (`path`) as its serial
// port, the test or benchmark writes the scanner's bytes into the master fd.
// Closer to a real serial port than SocatPair (whose bytes cross socat's
// process first); SocatPair stays for unplug/replug, which needs the relay.
import { closeSync, writeSync } from 'node:fs'
import koffi from 'koffi'

const O_RDWR = 0o2
const O_NOCTTY = 0o400

let libc: { openpt: (flags: number) => number; grant: (fd: number) => number; unlock: (fd: number) => number; name: (fd: number) => string | null } | null = null
function lib() {
  if (!libc) {
    const c = koffi.load('libc.so.6')
    libc = {
      openpt: c.func('int posix_openpt(int flags)'),
      grant: c.func('int grantpt(int fd)'),
      unlock: c.func('int unlockpt(int fd)'),
      name: c.func('const char *ptsname(int fd)'),
    }
  }
  return libc
}

export class PtyPair {
  /** The slave end: what a serial adapter opens. */
  readonly path: string
  private fd: number | null

  constructor() {
    const c = lib()
    const fd = c.openpt(O_RDWR | O_NOCTTY)
    if (fd < 0) throw new Error('posix_openpt failed')
    if (c.grant(fd) !== 0 || c.unlock(fd) !== 0) {
      closeSync(fd)
      throw new Error('grantpt/unlockpt failed')
    }
    const name = c.name(fd)
    if (!name) {
      closeSync(fd)
      throw new Error('ptsname failed')
    }
    this.fd = fd
    this.path = name
  }

  /** Writes bytes into the master (they come out of `path`). */
  write(data: string | Uint8Array): void {
    if (this.fd === null) throw new Error('pty pair closed')
    writeSync(this.fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data)
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd)
    this.fd = null
  }
}
