import { beforeAll, expect, test } from 'vitest'
import {
  addPause,
  closePhase,
  endPause,
  listCycles,
  logHours,
  startCycle,
} from '~/models/delivery/cycle.server'
import { DomainError } from '~/utils/domain-error'
import { currentPhase } from '~/models/delivery/reporting.server'
import { saveDeliverySettings } from '~/models/delivery/settings.server'
import { db } from '~/utils/db.server'
import { createInitiative, createProgram, createUser } from '#tests/factories'

// A lead runs a cycle through its three phases with logged time and sees the warnings.

let lead: Awaited<ReturnType<typeof createUser>>
let admin: Awaited<ReturnType<typeof createUser>>
let initiative: { id: string; program_id: string }

beforeAll(async () => {
  admin = await createUser({ role: 'admin' })
  lead = await createUser({ role: 'lead' })
  const program = await createProgram()
  initiative = await createInitiative({ programId: program.id, leadId: lead.id })
})

test('frame → design → pilot with hours, pauses, warnings, overrun and a decision', async () => {
  expect(await currentPhase(db, initiative.id, '2026-11-02')).toBeNull()
  await startCycle(db, lead, initiative, '2026-11-02')
  await expect(startCycle(db, lead, initiative, '2026-11-02')).rejects.toMatchObject({
    code: 'delivery.error.cycleOpen',
  })

  // Framing: 10 hours. 6 + 2 = 8 hours is the 80% warning; 3 more overrun.
  await logHours(db, lead, initiative.id, { worked_on: '2026-11-02', hours: 6, note: 'Interviews' })
  expect(await currentPhase(db, initiative.id, '2026-11-02')).toMatchObject({
    phase: 'frame',
    used: 6,
    warning: false,
  })
  await logHours(db, lead, initiative.id, { worked_on: '2026-11-03', hours: 2, note: '' })
  expect(await currentPhase(db, initiative.id, '2026-11-03')).toMatchObject({
    used: 8,
    warning: true,
    overrun: false,
  })
  await logHours(db, lead, initiative.id, { worked_on: '2026-11-03', hours: 3, note: '' })
  expect(await currentPhase(db, initiative.id, '2026-11-03')).toMatchObject({
    used: 11,
    remaining: 0,
    overrun: true,
  })
  await expect(
    addPause(db, lead, initiative.id, { from_date: '2026-11-03', reason: 'Holiday' }),
  ).rejects.toMatchObject({ code: 'delivery.error.noPauseInFrame' })
  await closePhase(db, lead, initiative, { outcome: 'Reps miss cross-sell moments.' }, '2026-11-04')

  // Design: 10 working days from Wednesday 4 November; the admin changes the program budget meanwhile,
  // which does not touch the running phase.
  await saveDeliverySettings(db, admin, {
    program_id: initiative.program_id,
    frame_hours: 10,
    design_working_days: 10,
    pilot_weeks: 4,
    sprint_length_days: 14,
  })
  await expect(
    logHours(db, lead, initiative.id, { worked_on: '2026-11-04', hours: 1, note: '' }),
  ).rejects.toMatchObject({ code: 'delivery.error.hoursOnlyFrame' })
  expect(await currentPhase(db, initiative.id, '2026-11-17')).toMatchObject({
    phase: 'design',
    unit: 'working_days',
    used: 10,
    warning: true,
  })
  expect(await currentPhase(db, initiative.id, '2026-11-18')).toMatchObject({ used: 11, overrun: true })
  // A recorded pause (two working days) gives the days back.
  await addPause(db, lead, initiative.id, {
    from_date: '2026-11-09',
    to_date: '2026-11-10',
    reason: 'Data access',
  })
  expect(await currentPhase(db, initiative.id, '2026-11-18')).toMatchObject({
    used: 9,
    warning: true,
    overrun: false,
  })
  await addPause(db, lead, initiative.id, { from_date: '2026-11-19', reason: 'Waiting for the data team' })
  const [cycle] = await listCycles(db, initiative.id, '2026-11-20')
  const design = cycle!.phases.find((p) => p.phase === 'design')!
  await expect(
    addPause(db, lead, initiative.id, { from_date: '2026-11-20', reason: 'Again' }),
  ).rejects.toMatchObject({ code: 'delivery.error.pauseOpen' })
  await endPause(db, lead, initiative.id, { pause_id: design.pauses[1]!.id, to_date: '2026-11-20' })
  await closePhase(db, lead, initiative, { outcome: 'Propensity model with explanations.' }, '2026-11-23')

  // Pilot: the new program budget (4 weeks = 28 days) applies to the phase that starts now.
  expect(await currentPhase(db, initiative.id, '2026-12-14')).toMatchObject({
    phase: 'pilot',
    budget: 28,
    used: 22,
    warning: false,
  })
  expect(await currentPhase(db, initiative.id, '2026-12-16')).toMatchObject({ used: 24, warning: true })
  await expect(closePhase(db, lead, initiative, { outcome: 'Worked.' }, '2026-12-20')).rejects.toMatchObject({
    code: 'delivery.error.decisionRequired',
    field: 'decision',
  })
  await closePhase(db, lead, initiative, { outcome: '1 in 3 accepted.', decision: 'scale' }, '2026-12-20')
  expect(await currentPhase(db, initiative.id, '2026-12-21')).toBeNull()

  const [closed] = await listCycles(db, initiative.id, '2027-01-31')
  expect(closed).toMatchObject({ number: 1, closed_on: '2026-12-20' })
  expect(closed!.phases.map((p) => [p.phase, p.clock.used, p.clock.level])).toEqual([
    ['frame', 11, 'overrun'],
    // 14 working days from Wed 4 to Mon 23 November, minus 2 + 2 paused
    ['design', 10, 'warning'],
    ['pilot', 28, 'warning'],
  ])
  expect(closed!.phases[2]).toMatchObject({ decision: 'scale', outcome: '1 in 3 accepted.' })

  const second = await startCycle(db, lead, initiative, '2027-01-04')
  expect(second.number).toBe(2)
  const audit = await db
    .selectFrom('audit_log')
    .select('action')
    .where('entity_id', '=', initiative.id)
    .where('action', 'like', 'delivery.%')
    .execute()
  // start, 3 × hours, close, 2 × pause, resume, close, close, start
  expect(audit.length).toBe(11)
})

test('refusals are DomainErrors with a catalogue key', async () => {
  const other = await createInitiative({ leadId: lead.id })
  await expect(
    logHours(db, lead, other.id, { worked_on: '2026-11-02', hours: 1, note: '' }),
  ).rejects.toBeInstanceOf(DomainError)
})
