import { db } from '~/utils/db.server'
import { env } from '~/utils/env.server'
import { logger } from '~/utils/logger.server'
import { runSchedule } from './scheduler.server'
import { deliverDue } from './worker.server'

// The in-process background loop, started by the server (app/entry.server.tsx): each task runs every
// `everyMs`, never two rounds of one task at once in one process. On PostgreSQL every app server runs
// it: the outbox claims (for update skip locked) keep servers from delivering a message twice, and the
// scheduler's advisory lock lets one server do a round. TENFOLD_WORKER=0 turns it off.

type Task = { name: string; everyMs: number; run: () => Promise<unknown> }

const TASKS: Task[] = [
  {
    name: 'outbox',
    everyMs: 10_000,
    run: async () => {
      const outcome = await deliverDue(db)
      if (outcome.sent || outcome.kept || outcome.retried || outcome.dead)
        logger.info({ outbox: outcome }, 'outbox round')
      if (outcome.dead) logger.warn({ dead: outcome.dead }, 'outbox messages dead-lettered')
    },
  },
  {
    name: 'scheduler',
    everyMs: 60_000,
    run: async () => {
      const outcome = await runSchedule(db)
      if (outcome && (outcome.arisen || outcome.reminders || outcome.digests || outcome.reports))
        logger.info({ scheduler: outcome }, 'scheduler round')
    },
  },
]

const timers: NodeJS.Timeout[] = []
const running = new Map<string, Promise<unknown>>()

export function startDeliveryWorker() {
  if (timers.length || !env().TENFOLD_WORKER) return
  for (const task of TASKS) {
    const timer = setInterval(() => {
      if (running.has(task.name)) return
      running.set(
        task.name,
        task
          .run()
          .catch((error: unknown) => logger.warn({ err: error }, `${task.name} round failed`))
          .finally(() => running.delete(task.name)),
      )
    }, task.everyMs)
    timer.unref()
    timers.push(timer)
  }
}

export async function stopDeliveryWorker() {
  for (const timer of timers.splice(0)) clearInterval(timer)
  await Promise.all(running.values())
}
