// The kernel pty pair the serial benchmark uses: bytes written to the master
// come out of the slave, opened by serialport as a serial port.
import { SerialPort } from 'serialport'
import { describe, expect, it } from 'vitest'
import { PtyPair } from './pty-pair'

describe('PtyPair', () => {
  it('carries bytes from the master to serialport on the slave', async () => {
    const pty = new PtyPair()
    expect(pty.path).toMatch(/^\/dev\/pts\/\d+$/)
    const port = new SerialPort({ path: pty.path, baudRate: 115200, autoOpen: false })
    await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())))
    const got = new Promise<string>((resolve) => port.once('data', (d: Buffer) => resolve(d.toString('utf8'))))
    pty.write('134567890123456789\r')
    expect(await got).toBe('134567890123456789\r')
    await new Promise<void>((resolve) => port.close(() => resolve()))
    pty.close()
    expect(() => pty.write('x')).toThrow(/closed/)
  })
})
