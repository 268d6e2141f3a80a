import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { SMTPServer } from 'smtp-server'
import type { TestProject } from 'vitest/node'
import { startOidcProvider, type TestProvider } from '../../support/oidc-provider'

// Starts one server for the e2e run on a free port with a brand-new embedded database (the demo
// loaded), and stops it afterwards. E2E_DEV=1 uses the dev server (no build needed). The server sends
// its mail to a real SMTP server run here on 127.0.0.1, which writes each message it accepts to
// <dataDir>/mail/<n>.eml for the tests to read (tests/e2e/support/mail.ts).

let server: ChildProcess | undefined
let identityProvider: TestProvider | undefined
let dataDir: string | undefined
let smtp: SMTPServer | undefined

async function startSmtp(mailDir: string) {
  fs.mkdirSync(mailDir, { recursive: true })
  let count = 0
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const name = path.join(mailDir, `${String(++count).padStart(5, '0')}.eml`)
        // Written whole, then renamed: a reader never sees half a message.
        fs.writeFileSync(`${name}.part`, Buffer.concat(chunks))
        fs.renameSync(`${name}.part`, name)
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => smtp!.listen(0, '127.0.0.1', resolve))
  return `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`
}

async function waitForServer(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (server?.exitCode !== null && server?.exitCode !== undefined)
      throw new Error(`The server exited with code ${server.exitCode}`)
    try {
      const response = await fetch(`${url}/healthz`)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`The server did not answer at ${url} within ${timeoutMs} ms`)
}

export default async function setup(project: TestProject) {
  const dev = process.env.E2E_DEV === '1'
  const buildDir = process.env.TENFOLD_BUILD_DIR ?? 'build'
  if (!dev && !fs.existsSync(path.join(buildDir, 'server/index.js')))
    throw new Error('Run "npm run build" before the e2e tests (or set E2E_DEV=1).')
  const port = Number(process.env.E2E_PORT ?? 4100 + Math.floor(Math.random() * 800))
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tenfold-e2e-'))
  const baseUrl = `http://127.0.0.1:${port}`
  // A real OpenID provider beside the server, so single sign-on is on (password sign-in stays on too).
  identityProvider = await startOidcProvider()
  identityProvider.register(baseUrl)
  identityProvider.accounts.set('sso-e2e', {
    email: 'sso.person@corp.example',
    email_verified: true,
    name: 'Sam Single-Sign-On',
    groups: ['Tenfold Leads'],
  })
  const smtpUrl = await startSmtp(path.join(dataDir, 'mail'))
  server = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/serve.ts', '--demo', ...(dev ? ['--dev'] : [])],
    {
      env: {
        ...process.env,
        NODE_ENV: dev ? 'development' : 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        PGLITE_DIR: path.join(dataDir, 'pglite'),
        DATABASE_URL: '',
        SMTP_URL: smtpUrl,
        MAIL_FROM: 'Tenfold <tenfold@example.test>',
        HMR_PORT: String(port + 1000),
        // One log line per request would bury the test report; warnings and errors still show.
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
        OIDC_ISSUER: identityProvider.issuer,
        OIDC_CLIENT_ID: identityProvider.clientId,
        OIDC_CLIENT_SECRET: identityProvider.clientSecret,
        OIDC_PROVIDER_NAME: 'Tenfold ID',
        OIDC_SCOPES: 'openid email profile groups',
        OIDC_ROLE_CLAIM: 'groups',
        OIDC_ROLE_MAP: 'Tenfold Leads=lead',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  )
  await waitForServer(baseUrl, 180_000)
  project.provide('baseUrl', baseUrl)
  project.provide('dataDir', dataDir)
  return async () => {
    server?.kill('SIGTERM')
    await new Promise((resolve) => server?.once('exit', resolve) ?? resolve(null))
    await identityProvider?.close()
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()))
    fs.rmSync(dataDir!, { recursive: true, force: true })
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    dataDir: string
  }
}
