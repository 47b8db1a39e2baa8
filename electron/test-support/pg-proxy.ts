// Test support: a TCP proxy in front of PostgreSQL that can be shut, so a
// counter's store becomes unreachable while the database goes on for the others.
import { createServer, Socket, type Server } from 'node:net'

export async function startPgProxy(target: URL): Promise<{ port: number; url: string; close(): Promise<void> }> {
  const open = new Set<Socket>()
  const server: Server = createServer((client) => {
    const up = new Socket()
    open.add(client).add(up)
    client.on('error', () => up.destroy())
    up.on('error', () => client.destroy())
    up.connect(Number(target.port || 5432), target.hostname, () => {
      client.pipe(up)
      up.pipe(client)
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as { port: number }).port
  const via = new URL(target.toString())
  via.host = `127.0.0.1:${port}`
  return {
    port,
    url: via.toString(),
    close: async () => {
      for (const s of open) s.destroy()
      await new Promise<void>((r) => server.close(() => r()))
    },
  }
}
