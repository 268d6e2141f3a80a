// A second "app server" for the delivery tests: one delivery round against DATABASE_URL through the
// SMTP server at SMTP_URL, then exit. The parent kills it with SIGKILL mid-delivery.
import { db } from '~/utils/db.server'
import { deliverDue, postJson, smtpTransport } from '~/models/attention/worker.server'

const outcome = await deliverDue(db, {
  transports: {
    email: smtpTransport(process.env.SMTP_URL!, 'Tenfold <tenfold@example.test>'),
    post: postJson,
  },
  batch: Number(process.env.BATCH ?? 20),
})
process.stdout.write(`${JSON.stringify(outcome)}\n`)
await db.destroy()
