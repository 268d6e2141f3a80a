import { db } from '~/utils/db.server'
import { env } from '~/utils/env.server'
import { logger } from '~/utils/logger.server'
import { deliverDue } from './worker.server'

// The in-process delivery worker, started by the server (app/entry.server.tsx): a round every
// INTERVAL_MS, never two at once in one process. On PostgreSQL every app server runs one; the claims
// (for update skip locked) keep them from delivering a message twice. TENFOLD_WORKER=0 turns it off.

const INTERVAL_MS = 10_000
let timer: NodeJS.Timeout | undefined
let running: Promise<unknown> | undefined

export function startDeliveryWorker() {
  if (timer || !env().TENFOLD_WORKER) return
  timer = setInterval(() => {
    if (running) return
    running = deliverDue(db)
      .then((outcome) => {
        if (outcome.sent || outcome.kept || outcome.retried || outcome.dead)
          logger.info({ outbox: outcome }, 'outbox round')
        if (outcome.dead) logger.warn({ dead: outcome.dead }, 'outbox messages dead-lettered')
      })
      .catch((error: unknown) => logger.warn({ err: error }, 'outbox round failed'))
      .finally(() => {
        running = undefined
      })
  }, INTERVAL_MS)
  timer.unref()
}

export async function stopDeliveryWorker() {
  clearInterval(timer)
  timer = undefined
  await running
}
