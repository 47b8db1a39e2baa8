// Raw TCP to a network printer (port 9100). One socket per job: printers
// commonly drop idle sockets, and a fresh connect per receipt is cheap on a LAN.
import { Socket } from 'node:net'
import { PrinterError, type PrinterConnection } from './types'

export interface TcpPrinterOptions {
  host: string
  port?: number
  connectTimeoutMs?: number
}

export class TcpPrinterConnection implements PrinterConnection {
  readonly describe: string
  private readonly port: number

  constructor(private readonly opts: TcpPrinterOptions) {
    this.port = opts.port ?? 9100
    this.describe = `tcp ${opts.host}:${this.port}`
  }

  async write(bytes: Uint8Array, timeoutMs: number): Promise<void> {
    const socket = await this.connect(timeoutMs)
    try {
      await withTimeout(
        new Promise<void>((resolve, reject) => {
          socket.once('error', (e) => reject(new PrinterError('io', `printer connection failed: ${e.message}`)))
          socket.once('close', () => reject(new PrinterError('closed', 'printer closed the connection mid-job')))
          // end() resolves only when the printer has taken every byte (FIN sent after the data).
          socket.end(bytes, () => resolve())
        }),
        timeoutMs,
        'printer did not take the job in time',
      )
    } finally {
      socket.destroy()
    }
  }

  async request(bytes: Uint8Array, expect: number, timeoutMs: number): Promise<Uint8Array | null> {
    const socket = await this.connect(timeoutMs)
    try {
      return await readAnswer(socket, bytes, expect, timeoutMs)
    } finally {
      socket.destroy()
    }
  }

  async close(): Promise<void> {}

  private connect(timeoutMs: number): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const socket = new Socket()
      const timer = setTimeout(() => {
        socket.destroy()
        reject(new PrinterError('timeout', `printer ${this.describe} did not answer the connection`))
      }, this.opts.connectTimeoutMs ?? timeoutMs)
      socket.once('error', (e: NodeJS.ErrnoException) => {
        clearTimeout(timer)
        reject(new PrinterError(e.code === 'ECONNREFUSED' ? 'refused' : 'io', `printer ${this.describe}: ${e.code ?? e.message}`))
      })
      socket.connect(this.port, this.opts.host, () => {
        clearTimeout(timer)
        socket.removeAllListeners('error')
        resolve(socket)
      })
    })
  }
}

/** Writes a request and collects `expect` bytes; null when the printer stays silent. */
export function readAnswer(stream: Socket, bytes: Uint8Array, expect: number, timeoutMs: number): Promise<Uint8Array | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let got = 0
    const done = (value: Uint8Array | null) => {
      clearTimeout(timer)
      stream.removeListener('data', onData)
      resolve(value)
    }
    const onData = (chunk: Buffer) => {
      chunks.push(chunk)
      got += chunk.length
      if (got >= expect) done(new Uint8Array(Buffer.concat(chunks).subarray(0, expect)))
    }
    const timer = setTimeout(() => done(null), timeoutMs)
    stream.on('data', onData)
    stream.once('error', () => done(null))
    stream.write(bytes)
  })
}

export function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new PrinterError('timeout', message)), ms)
    p.then(
      (v) => {
        clearTimeout(timer)
        resolve(v)
      },
      (e: unknown) => {
        clearTimeout(timer)
        reject(e instanceof Error ? e : new Error(String(e)))
      },
    )
  })
}
