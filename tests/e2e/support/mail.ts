import fs from 'node:fs'
import path from 'node:path'
import { simpleParser, type ParsedMail } from 'mailparser'
import { inject } from 'vitest'

// The mail the e2e server sent, as the SMTP server of the e2e setup received it (support/server.ts).

export async function mailsTo(address: string): Promise<ParsedMail[]> {
  const dir = path.join(inject('dataDir'), 'mail')
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((name) => name.endsWith('.eml'))
        .sort()
    : []
  const mails = await Promise.all(files.map((name) => simpleParser(fs.readFileSync(path.join(dir, name)))))
  return mails.filter((mail) => mail.to && 'text' in mail.to && mail.to.text.includes(address))
}
