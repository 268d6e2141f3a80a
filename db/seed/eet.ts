import type { Transaction } from 'kysely'
import { syncEetAccess } from '~/models/eet/eet.server'
import { addDays } from '~/utils/calendar'
import type { DB, TechAffinity } from '~/utils/db.types'
import type { FeedbackKind, FeedbackStatus } from '~/models/eet/tables'

// Demo roster, EET and pilot feedback. A sales force of a few hundred reps in four regions and four
// segments, teams under frontline managers; the Daily Recommender's EET is deliberately NOT
// representative at first (mostly enthusiasts, no East region, no public sector) so the panel has
// something to say; feedback in English and Traditional Chinese at every status, the oldest two being
// the items the delivery seed's sprint plans cite. Deterministic (seeded PRNG).

type SeedContext = { programId: string; initiatives: Record<string, string>; users: Record<string, string> }

function prng(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

const REGIONS = ['North', 'Central', 'South', 'East'] as const
const REGION_WEIGHT = [0.38, 0.27, 0.25, 0.1]
const SEGMENTS = ['Enterprise', 'Mid-market', 'SMB', 'Public sector'] as const
const SEGMENT_WEIGHT = [0.3, 0.3, 0.28, 0.12]
const AFFINITY: [TechAffinity, number][] = [
  ['avoider', 0.24],
  ['reluctant', 0.44],
  ['enthusiast', 0.2],
  ['unknown', 0.12],
]
const SURNAMES = ['Chen', 'Lin', 'Huang', 'Chang', 'Lee', 'Wang', 'Wu', 'Liu', 'Tsai', 'Yang', 'Hsu', 'Cheng']
const GIVEN = [
  'Mei',
  'Jason',
  'Yu-Ting',
  'Kevin',
  'Shu-Fen',
  'Eric',
  'Ya-Wen',
  'Brian',
  'Hui-Chun',
  'Tony',
  'Pei-Shan',
  'Allen',
  'Chia-Hao',
  'Irene',
  'Wei-Lun',
  'Sandy',
]
const ZH_NAMES = [
  '陳怡君',
  '林志明',
  '黃淑芬',
  '張家豪',
  '李雅婷',
  '王建宏',
  '吳佩珊',
  '劉冠宇',
  '蔡宜蓁',
  '楊俊傑',
]

function pick<T>(random: () => number, values: readonly T[], weights?: readonly number[]) {
  if (!weights) return values[Math.floor(random() * values.length)]!
  let roll = random()
  for (let i = 0; i < values.length; i++) {
    roll -= weights[i]!
    if (roll < 0) return values[i]!
  }
  return values[values.length - 1]!
}

function isoDaysAgo(days: number) {
  return addDays('2026-11-27', -days)
}

type Rep = {
  seller_id: string
  name: string
  email: string
  region: string
  segment: string
  team: string
  manager_id: string | null
  hire_date: string
  role: string
  tech_affinity: TechAffinity
  eligible: boolean
}

function buildRoster(random: () => number) {
  const reps: Rep[] = []
  let n = 0
  const id = (prefix: string) => `${prefix}-${String(++n).padStart(4, '0')}`
  const personName = () =>
    random() < 0.3 ? pick(random, ZH_NAMES) : `${pick(random, GIVEN)} ${pick(random, SURNAMES)}`
  for (const region of REGIONS) {
    const director: Rep = {
      seller_id: id('RD'),
      name: personName(),
      email: '',
      region,
      segment: 'Enterprise',
      team: `${region} leadership`,
      manager_id: null,
      hire_date: isoDaysAgo(3650 + Math.floor(random() * 3000)),
      role: 'Regional director',
      tech_affinity: pick(random, ['reluctant', 'enthusiast'] as const),
      eligible: false,
    }
    reps.push(director)
    const teams = Math.round(REGION_WEIGHT[REGIONS.indexOf(region)]! * 12) + 1
    for (let t = 1; t <= teams; t++) {
      const team = `${region} ${t}`
      const manager: Rep = {
        ...director,
        seller_id: id('FM'),
        name: personName(),
        team,
        manager_id: director.seller_id,
        segment: pick(random, SEGMENTS, SEGMENT_WEIGHT),
        hire_date: isoDaysAgo(1500 + Math.floor(random() * 4000)),
        role: 'Frontline manager',
        tech_affinity: pick(
          random,
          AFFINITY.map(([a]) => a),
          AFFINITY.map(([, w]) => w),
        ),
        eligible: true,
      }
      reps.push(manager)
      const size = 16 + Math.floor(random() * 10)
      for (let r = 0; r < size; r++) {
        const role =
          random() < 0.7 ? 'Account executive' : random() < 0.6 ? 'Inside sales rep' : 'Key account manager'
        reps.push({
          seller_id: id('AE'),
          name: personName(),
          email: '',
          region,
          segment: pick(random, SEGMENTS, SEGMENT_WEIGHT),
          team,
          manager_id: manager.seller_id,
          hire_date: isoDaysAgo(Math.floor(random() ** 1.6 * 7300) + 20),
          role,
          tech_affinity: pick(
            random,
            AFFINITY.map(([a]) => a),
            AFFINITY.map(([, w]) => w),
          ),
          eligible: random() < 0.93,
        })
      }
    }
  }
  for (const rep of reps) rep.email = `${rep.seller_id.toLowerCase()}@sales.tenfold.demo`
  // The demo manager account leads the first frontline team (the roster links a manager by email).
  const demoManager = reps.find((rep) => rep.role === 'Frontline manager')
  if (demoManager) demoManager.email = 'manager@tenfold.demo'
  return reps
}

type FeedbackSeed = {
  by: string
  release: string
  kind: FeedbackKind
  scores: [number, number, number]
  title: string
  body: string
  path: FeedbackStatus[]
  reason?: string
  daysAgo: number
  votes?: string[]
}

export async function seedEet(trx: Transaction<DB>, ctx: SeedContext) {
  const random = prng(20180301)
  const roster = buildRoster(random)
  // Kevin Huang (eet@tenfold.demo) is a North enterprise account executive, an enthusiast.
  const kevin: Rep = {
    ...roster.find((rep) => rep.role === 'Account executive' && rep.region === 'North')!,
    seller_id: 'AE-0900',
    name: 'Kevin Huang',
    email: 'eet@tenfold.demo',
    segment: 'Enterprise',
    tech_affinity: 'enthusiast',
    hire_date: '2021-04-12',
    eligible: true,
  }
  roster.push(kevin)
  const inserted: { id: string; seller_id: string }[] = []
  for (let start = 0; start < roster.length; start += 500)
    inserted.push(
      ...(await trx
        .insertInto('sellers')
        .values(roster.slice(start, start + 500))
        .returning(['id', 'seller_id'])
        .execute()),
    )
  const uuidOf = new Map(inserted.map((row) => [row.seller_id, row.id]))
  // A few reps left the company this year (never deleted).
  const leavers = roster.filter((rep) => rep.role === 'Account executive').filter(() => random() < 0.04)
  if (leavers.length)
    await trx
      .updateTable('sellers')
      .set({ left_at: new Date(Date.UTC(2026, 7, 31)) })
      .where(
        'seller_id',
        'in',
        leavers.map((rep) => rep.seller_id),
      )
      .execute()
  const leftIds = new Set(leavers.map((rep) => rep.seller_id))

  const recommender = ctx.initiatives['Daily Recommender']
  const lead = ctx.users['lead@tenfold.demo'] ?? null
  const kevinUser = ctx.users['eet@tenfold.demo'] ?? null
  if (!recommender) return
  await trx
    .updateTable('sellers')
    .set({ user_id: kevinUser })
    .where('seller_id', '=', kevin.seller_id)
    .execute()

  // The pilot EET: chosen by enthusiasm, as first EETs often are — 18 reps, 11 enthusiasts, nobody from
  // the East region or the public sector.
  const pool = roster.filter(
    (rep) =>
      rep.eligible &&
      !leftIds.has(rep.seller_id) &&
      rep.role !== 'Regional director' &&
      rep.region !== 'East' &&
      rep.segment !== 'Public sector' &&
      rep.seller_id !== kevin.seller_id,
  )
  const enthusiasts = pool.filter((rep) => rep.tech_affinity === 'enthusiast').slice(0, 10)
  const others = pool
    .filter((rep) => rep.tech_affinity === 'reluctant' || rep.tech_affinity === 'avoider')
    .slice(0, 9)
  const team = [kevin, ...enthusiasts, ...others.slice(0, 7)]
  const formerMembers = others.slice(7, 9)

  // Four EET reps sign in to the portal as themselves (accounts without a password in the demo).
  // (Not the demo manager, who signs in as manager@tenfold.demo with the manager role.)
  const notManager = (rep: Rep) => rep.email !== 'manager@tenfold.demo'
  const portalReps = [...enthusiasts.filter(notManager).slice(0, 2), ...others.filter(notManager).slice(0, 2)]
  const portalUsers = await trx
    .insertInto('users')
    .values(portalReps.map((rep) => ({ email: rep.email, name: rep.name, role: 'eet_member' as const })))
    .returning(['id', 'email'])
    .execute()
  for (const [index, rep] of portalReps.entries())
    await trx
      .updateTable('sellers')
      .set({ user_id: portalUsers[index]!.id })
      .where('seller_id', '=', rep.seller_id)
      .execute()
  const userOfRep = new Map(portalReps.map((rep, index) => [rep.seller_id, portalUsers[index]!.id]))
  userOfRep.set(kevin.seller_id, kevinUser!)

  await trx
    .insertInto('eet_members')
    .values([
      ...team.map((rep, index) => ({
        initiative_id: recommender,
        seller_id: uuidOf.get(rep.seller_id)!,
        joined_on: index < 12 ? '2026-03-02' : '2026-06-15',
        added_by: lead,
      })),
      ...formerMembers.map((rep) => ({
        initiative_id: recommender,
        seller_id: uuidOf.get(rep.seller_id)!,
        joined_on: '2026-03-02',
        left_on: '2026-07-31',
        added_by: lead,
      })),
    ])
    .execute()
  await syncEetAccess(trx, recommender, [...userOfRep.values()])

  await trx
    .insertInto('pilot_releases')
    .values([
      {
        initiative_id: recommender,
        version: '0.3',
        released_on: '2026-04-01',
        notes: 'First pilot build: daily list of next-best actions.',
      },
      {
        initiative_id: recommender,
        version: '0.4',
        released_on: '2026-06-15',
        notes: 'Reasons shown next to each recommendation; accept/reject with a reason.',
      },
      {
        initiative_id: recommender,
        version: '0.5',
        released_on: '2026-09-01',
        notes: '推薦清單整合至 CRM 首頁；新增稍後提醒功能。',
      },
    ])
    .execute()

  const [mei, jason, yuting, eric] = portalUsers.map((user) => user.id)
  const items: FeedbackSeed[] = [
    {
      by: kevinUser!,
      release: '0.3',
      kind: 'idea',
      scores: [3, 4, 7],
      daysAgo: 230,
      title: 'Tell me why a customer is recommended',
      body: 'Without a reason I do not trust the list, so I do not call. Something like "customers with similar purchase patterns bought this".',
      path: ['under_review', 'planned'],
      votes: [mei!, jason!, eric!],
    },
    {
      by: mei!,
      release: '0.3',
      kind: 'usability',
      scores: [4, 3, 8],
      daysAgo: 225,
      title: 'Let me snooze a recommendation until after my customer visit',
      body: 'Some recommendations are right but the timing is wrong.',
      path: ['under_review', 'planned'],
      votes: [kevinUser!],
    },
    {
      by: jason!,
      release: '0.3',
      kind: 'bug',
      scores: [2, 2, 4],
      daysAgo: 215,
      title: 'Recommendations list customers who left last quarter',
      body: 'Three of my ten recommendations were for churned accounts.',
      path: ['under_review', 'planned', 'shipped'],
    },
    {
      by: yuting!,
      release: '0.4',
      kind: 'recommendation_quality',
      scores: [2, 4, 5],
      daysAgo: 140,
      title: '推薦的產品和客戶目前的授權方案不符',
      body: '客戶已經購買進階版授權，系統仍推薦基本版升級。',
      path: ['under_review', 'planned', 'shipped'],
      votes: [kevinUser!, eric!],
    },
    {
      by: eric!,
      release: '0.4',
      kind: 'training_need',
      scores: [3, 2, 6],
      daysAgo: 120,
      title: 'A five-minute video on accepting and rejecting recommendations',
      body: 'Half my team does not know that rejecting with a reason improves the list.',
      path: ['under_review', 'declined'],
      reason: 'Covered by the microlearning initiative: its first lessons start in December.',
    },
    {
      by: kevinUser!,
      release: '0.4',
      kind: 'recommendation_quality',
      scores: [5, 4, 10],
      daysAgo: 100,
      title: 'The competitor-contact signal is spot on',
      body: 'Two opportunities this month came from "a competitor has been in touch" recommendations.',
      path: ['under_review', 'shipped'],
    },
    {
      by: mei!,
      release: '0.5',
      kind: 'usability',
      scores: [4, 5, 9],
      daysAgo: 60,
      title: '希望能在手機上直接接受或拒絕推薦',
      body: '拜訪客戶途中常常沒有筆電，希望手機版也能操作。',
      path: ['under_review'],
      votes: [kevinUser!, jason!, yuting!],
    },
    {
      by: jason!,
      release: '0.5',
      kind: 'bug',
      scores: [3, 3, 6],
      daysAgo: 40,
      title: 'The CRM home page loads the list twice',
      body: 'After the 0.5 update the recommendations appear, disappear and come back.',
      path: [],
    },
    {
      by: eric!,
      release: '0.5',
      kind: 'idea',
      scores: [3, 3, 7],
      daysAgo: 21,
      title: 'Show my frontline manager which recommendations I acted on',
      body: 'Our weekly one-on-one would be faster.',
      path: ['under_review', 'declined'],
      reason: 'Reps told us this would feel like surveillance; we will show team-level figures instead.',
    },
    {
      by: yuting!,
      release: '0.5',
      kind: 'training_need',
      scores: [4, 4, 8],
      daysAgo: 12,
      title: '新進業務需要推薦工具的入門教學',
      body: '今年新加入的同事不知道推薦理由代表什麼。',
      path: [],
    },
    {
      by: kevinUser!,
      release: '0.5',
      kind: 'usability',
      scores: [4, 4, 9],
      daysAgo: 5,
      title: 'Snoozed recommendations should come back on the morning of the visit',
      body: 'Right now they come back at midnight and get lost among the new ones.',
      path: ['under_review'],
    },
  ]

  const created: string[] = []
  for (const item of items) {
    const createdAt = new Date(Date.UTC(2026, 10, 27, 9) - item.daysAgo * 86_400_000)
    const stepAt = (step: number) => new Date(createdAt.getTime() + (step + 1) * (18 + step * 30) * 3_600_000)
    const status: FeedbackStatus = item.path.at(-1) ?? 'new'
    const closed = status === 'shipped' || status === 'declined'
    const row = await trx
      .insertInto('pilot_feedback')
      .values({
        initiative_id: recommender,
        submitter_id: item.by,
        release: item.release,
        kind: item.kind,
        usefulness: item.scores[0],
        ease: item.scores[1],
        recommend: item.scores[2],
        title: item.title,
        body: item.body,
        status,
        decline_reason: status === 'declined' ? item.reason! : null,
        first_response_at: item.path.length ? stepAt(0) : null,
        closed_at: closed ? stepAt(item.path.length - 1) : null,
        created_at: createdAt,
        updated_at: item.path.length ? stepAt(item.path.length - 1) : createdAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    created.push(row.id)
    let from: FeedbackStatus = 'new'
    const events = [
      {
        feedback_id: row.id,
        actor_id: item.by,
        from_status: null,
        to_status: 'new' as const,
        note: '',
        at: createdAt,
      },
    ]
    const notices = []
    for (const [step, to] of item.path.entries()) {
      const note = to === 'declined' ? item.reason! : to === 'planned' ? 'In the next sprint plan.' : ''
      events.push({
        feedback_id: row.id,
        actor_id: lead!,
        from_status: from as never,
        to_status: to as never,
        note,
        at: stepAt(step),
      })
      notices.push({
        user_id: item.by,
        kind: 'feedback.status',
        payload: JSON.stringify({
          title: item.title,
          initiative: 'Daily Recommender',
          from,
          status: to,
          reason: to === 'declined' ? item.reason : null,
        }),
        link: `/initiatives/${recommender}/feedback/${row.id}`,
        entity_type: 'pilot_feedback',
        entity_id: row.id,
        created_at: stepAt(step),
        // Older news has been read; the last fortnight's is still unread.
        read_at: item.daysAgo > 30 ? stepAt(step + 1) : null,
      })
      from = to
    }
    await trx.insertInto('pilot_feedback_events').values(events).execute()
    if (notices.length) await trx.insertInto('notifications').values(notices).execute()
    if (item.votes?.length)
      await trx
        .insertInto('pilot_feedback_votes')
        .values(
          item.votes
            .filter((voter) => voter !== item.by)
            .map((voter) => ({ feedback_id: row.id, user_id: voter })),
        )
        .execute()
  }

  // A duplicate merged into the first item; its submitter's vote is already counted there.
  const duplicate = await trx
    .insertInto('pilot_feedback')
    .values({
      initiative_id: recommender,
      submitter_id: eric!,
      release: '0.3',
      kind: 'recommendation_quality',
      usefulness: 2,
      ease: 4,
      recommend: 5,
      title: '為什麼推薦這位客戶？請說明原因',
      body: '沒有理由的推薦很難說服客戶。',
      merged_into: created[0]!,
      first_response_at: new Date(Date.UTC(2026, 4, 21)),
      created_at: new Date(Date.UTC(2026, 4, 20)),
      updated_at: new Date(Date.UTC(2026, 4, 21)),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await trx
    .insertInto('pilot_feedback_events')
    .values({
      feedback_id: duplicate.id,
      actor_id: lead,
      from_status: 'new',
      to_status: 'new',
      note: `merged:${created[0]}`,
      at: new Date(Date.UTC(2026, 4, 21)),
    })
    .execute()
}
