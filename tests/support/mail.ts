import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

// A real SMTP server and a webhook receiver on 127.0.0.1 (random ports) for delivery tests.

export type TestSmtp = {
  url: string
  mails: ParsedMail[]
  close: () => Promise<void>
  hold: (ms: number) => void
  /** Resolves when the server has received a message's data (before it answers). */
  received: () => Promise<void>
}

export async function startSmtp(): Promise<TestSmtp> {
  const mails: ParsedMail[] = []
  let holdMs = 0
  const closed = new Set<string>()
  const waiting: (() => void)[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onClose(session) {
      closed.add(session.id)
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          for (const resolve of waiting.splice(0)) resolve()
          // A held server keeps the message unanswered: the sender is "mid-delivery". A message whose
          // sender went away before the answer is not accepted (as a server that commits on reply).
          setTimeout(() => {
            if (closed.has(session.id)) return callback(new Error('sender gone'))
            mails.push(mail)
            callback()
          }, holdMs)
        })
        .catch(callback)
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    received: () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve)
      }),
    hold: (ms) => {
      holdMs = ms
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

export type TestReceiver = {
  url: string
  received: { path: string; body: unknown }[]
  failNext: (count: number) => void
  close: () => Promise<void>
}

export async function startReceiver(): Promise<TestReceiver> {
  const received: TestReceiver['received'] = []
  let failures = 0
  const server = http.createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      if (failures > 0) {
        failures--
        response.writeHead(500).end()
        return
      }
      received.push({ path: request.url ?? '', body: JSON.parse(body) })
      response.writeHead(200).end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    failNext: (count) => {
      failures = count
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
