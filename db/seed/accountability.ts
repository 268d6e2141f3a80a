import type { Transaction } from 'kysely'
import type { CostKind, GateCriterion, TeamFunction } from '~/models/accountability/tables'
import type { DB } from '~/utils/db.types'
import type { DemoContext } from './demo'

// Accountability demo data from the article: the Daily Recommender's business case (hours saved and
// opportunities won, approved, with a revised version 2 in draft), the dealer remote-support and
// patient-support cases, a microlearning case awaiting the sponsor, cross-functional teams (one data
// scientist over-allocated across two initiatives), stage-gate history and a governance review.
// "AI coaching for account executives" is left without a case so a lead can build one from scratch.

type Assumption = [name: string, unit: string, value: number, source: string]
type Benefit = { name: string; startYear?: number; kpi?: string; assumptions: Assumption[] }
type Cost = [name: string, kind: CostKind, year: number, amount: number]
type CaseSpec = {
  initiative: string
  version: number
  status: 'draft' | 'submitted' | 'approved'
  author: string
  context: string
  approach: string
  customerValue: string
  segments: string[]
  systems: string[]
  discountRate?: number
  horizon?: number
  benefits: Benefit[]
  costs: Cost[]
}

const RECOMMENDER_BENEFITS: Benefit[] = [
  {
    name: 'Opportunities won from recommendations',
    kpi: 'qualified-opportunities',
    assumptions: [
      ['Recommendations acted on per year', 'recommendations', 12_000, 'Pilot: 250 reps × 48 per year'],
      ['Uplift in conversion to opportunity', 'ratio', 0.05, '1 in 3 vs 6–10% industry average, discounted'],
      ['Average opportunity value', 'USD', 20_000, 'CRM 2025 average, mid-market'],
      ['Win rate', 'ratio', 0.25, 'CRM 2025 win rate'],
    ],
  },
  {
    name: 'Time saved preparing calls',
    startYear: 2,
    // No KPI: time-with-customers belongs to the AI coaching initiative, whose page this case's readers
    // may not open (a benefit line names only its own initiative's or program-level KPIs).
    assumptions: [
      ['Hours saved per rep per year', 'h', 60, 'Pilot time study'],
      ['Reps', 'reps', 250, 'Enterprise and mid-market AEs'],
      ['Loaded hourly cost', 'USD', 85, 'Finance 2026 rate card'],
    ],
  },
]

const CASES: CaseSpec[] = [
  {
    initiative: 'Daily Recommender',
    version: 1,
    status: 'approved',
    author: 'lead@tenfold.demo',
    context:
      'Account executives spend hours deciding whom to call; the industry converts 6–10% of leads into qualified opportunities.',
    approach:
      'A daily recommender gives each AE next-best actions with an explanation; reps accept or reject, and their choices retrain the models.',
    customerValue: 'Customers hear from us when they are likely to need more seats, with an offer that fits.',
    segments: ['Enterprise', 'Mid-market'],
    systems: ['CRM', 'Licensing data', 'Marketing engagement'],
    benefits: RECOMMENDER_BENEFITS,
    costs: [
      ['Data platform and model build', 'one_off', 1, 1_200_000],
      ['Run and retrain', 'recurring', 1, 300_000],
      ['Change management and training', 'one_off', 1, 250_000],
    ],
  },
  {
    initiative: 'Daily Recommender',
    version: 2,
    status: 'draft',
    author: 'lead@tenfold.demo',
    context:
      'Account executives spend hours deciding whom to call; the pilot converts one in three recommendations into a qualified opportunity.',
    approach: 'Scale the recommender to all regions; add a competitor-contact signal.',
    customerValue: 'Customers hear from us when they are likely to need more seats, with an offer that fits.',
    segments: ['Enterprise', 'Mid-market', 'SMB'],
    systems: ['CRM', 'Licensing data', 'Marketing engagement'],
    horizon: 4,
    benefits: [
      {
        ...RECOMMENDER_BENEFITS[0]!,
        assumptions: RECOMMENDER_BENEFITS[0]!.assumptions.map((a, i) =>
          i === 0 ? [a[0], a[1], 20_000, 'All regions: 420 reps × 48'] : a,
        ),
      },
      RECOMMENDER_BENEFITS[1]!,
    ],
    costs: [
      ['Data platform and model build', 'one_off', 1, 1_200_000],
      ['Regional roll-out', 'one_off', 2, 400_000],
      ['Run and retrain', 'recurring', 1, 360_000],
      ['Change management and training', 'one_off', 1, 250_000],
    ],
  },
  {
    initiative: 'Dealer remote-support service',
    version: 1,
    status: 'approved',
    author: 'lead2@tenfold.demo',
    context: 'Machines carry sensors; dealers can sell insight services and fix problems remotely.',
    approach:
      'A remote-support console for dealers, fed by machine sensor data; dealer training in digital skills.',
    customerValue: 'Less downtime: problems are seen and often fixed before the farmer notices.',
    segments: ['Dealers'],
    systems: ['Machine telemetry', 'CRM'],
    discountRate: 0.08,
    horizon: 5,
    benefits: [
      {
        name: 'Insight-service revenue',
        kpi: 'dealer-service-revenue',
        assumptions: [
          ['Dealers selling the service', 'dealers', 120, 'Dealer council commitment'],
          ['Contracts per dealer per year', 'contracts', 15, 'Pilot dealers, 2025'],
          ['Margin per contract', 'USD', 900, 'Pricing committee'],
        ],
      },
    ],
    costs: [
      ['Console and telemetry pipeline', 'one_off', 1, 1_400_000],
      ['Dealer digital-skills training', 'one_off', 1, 200_000],
      ['Operations', 'recurring', 1, 250_000],
    ],
  },
  {
    initiative: 'Launch analytics for the patient support program',
    version: 1,
    status: 'approved',
    author: 'lead@tenfold.demo',
    context: 'Launch data showed that low uptake came from patient affordability, not rep communication.',
    approach:
      'Move effort to the patient support program; rep-facing analytics for the right HCP, message and time.',
    customerValue: 'Patients who need the therapy can afford to start and stay on it.',
    segments: ['Neurology HCPs'],
    systems: ['CRM', 'Patient support program database'],
    horizon: 3,
    benefits: [
      {
        name: 'Additional patients on therapy',
        kpi: 'patient-support-enrolments',
        assumptions: [
          ['Additional enrolments per year', 'patients', 600, 'Launch analytics model'],
          ['Net revenue per patient-year', 'USD', 1_500, 'Market access'],
        ],
      },
    ],
    costs: [
      ['Analytics build', 'one_off', 1, 500_000],
      ['Support program operations', 'recurring', 1, 150_000],
    ],
  },
  {
    initiative: 'Microlearning in the daily workflow',
    version: 1,
    status: 'submitted',
    author: 'lead2@tenfold.demo',
    context: 'Reps do not use new tools they were trained on once, months ago.',
    approach: 'Five-minute lessons inside the sales workflow, triggered when a rep first meets a feature.',
    customerValue: 'Reps use the tools that help them serve customers better.',
    segments: ['Enterprise', 'Mid-market'],
    systems: ['Learning platform', 'CRM'],
    horizon: 3,
    benefits: [
      {
        name: 'Hours of classroom training avoided',
        kpi: 'lessons-completed',
        assumptions: [
          ['Classroom hours avoided per rep', 'h', 8, 'L&D 2025 calendar'],
          ['Reps', 'reps', 420, 'Sales force'],
          ['Loaded hourly cost', 'USD', 85, 'Finance 2026 rate card'],
        ],
      },
    ],
    costs: [
      ['Lesson production', 'one_off', 1, 180_000],
      ['Platform licence', 'recurring', 1, 60_000],
    ],
  },
]

const TEAMS: Record<string, [name: string, email: string | null, fn: TeamFunction, allocation: number][]> = {
  'Daily Recommender': [
    ['Maya Lin', 'lead@tenfold.demo', 'project_manager', 50],
    ['Priya Raman', 'priya.raman@example.com', 'data_scientist', 80],
    ['Tom Okafor', 'tom.okafor@example.com', 'scrum_master', 50],
    ['Lena Park', 'lena.park@example.com', 'ux', 60],
    ['Jorge Silva', 'jorge.silva@example.com', 'software_architect', 40],
    ['Hannah Cho', 'hannah.cho@example.com', 'sales', 30],
    ['Omar Haddad', 'omar.haddad@example.com', 'marketing', 20],
    ['Ruth Becker', 'ruth.becker@example.com', 'change_management', 40],
    ['Ivan Petrov', 'ivan.petrov@example.com', 'sales_operations', 30],
    ['Mei Tan', 'mei.tan@example.com', 'finance', 10],
  ],
  'AI coaching for account executives': [
    ['Priya Raman', 'priya.raman@example.com', 'data_scientist', 40],
    ['Hannah Cho', 'hannah.cho@example.com', 'sales', 20],
    ['Tom Okafor', 'tom.okafor@example.com', 'scrum_master', 30],
  ],
  'Dealer remote-support service': [
    ['Daniel Wu', 'lead2@tenfold.demo', 'project_manager', 60],
    ['Carlos Mendes', 'carlos.mendes@example.com', 'software_architect', 70],
    ['Aiko Sato', 'aiko.sato@example.com', 'sales', 40],
    ['Ruth Becker', 'ruth.becker@example.com', 'change_management', 30],
  ],
}

const GATES: {
  initiative: string
  from: string
  to: 'design' | 'pilot'
  met: string[]
  status: 'approved' | 'pending'
  date?: string
  note: string
}[] = [
  {
    initiative: 'Daily Recommender',
    from: 'frame',
    to: 'design',
    met: ['problemDefined', 'sponsorAssigned', 'teamFormed'],
    status: 'approved',
    date: '2026-04-10',
    note: 'Problem defined in the first 10 hours; sponsor in place.',
  },
  {
    initiative: 'Daily Recommender',
    from: 'design',
    to: 'pilot',
    met: ['caseApproved', 'kpisDefined', 'eetRecruited', 'mvpReady'],
    status: 'approved',
    date: '2026-06-15',
    note: 'MVP ready; EET of 30 reps across regions.',
  },
  {
    initiative: 'AI coaching for account executives',
    from: 'design',
    to: 'pilot',
    met: ['kpisDefined'],
    status: 'pending',
    note: 'Business case in preparation; asking early to book the EET.',
  },
]

export async function seedAccountability(trx: Transaction<DB>, ctx: DemoContext) {
  const user = (email: string) => ctx.users[email] ?? null
  const sponsor = user('sponsor@tenfold.demo')
  const kpis = await trx
    .selectFrom('kpis')
    .select(['id', 'key'])
    .where('program_id', '=', ctx.programId)
    .execute()
  const kpiId = (key?: string) => kpis.find((kpi) => kpi.key === key)?.id ?? null

  for (const spec of CASES) {
    const initiativeId = ctx.initiatives[spec.initiative]
    if (!initiativeId) continue
    const decided = spec.status === 'approved'
    const { id: caseId } = await trx
      .insertInto('business_cases')
      .values({
        initiative_id: initiativeId,
        version: spec.version,
        status: spec.status,
        context: spec.context,
        approach: spec.approach,
        customer_value: spec.customerValue,
        target_segments: spec.segments,
        data_systems: spec.systems,
        discount_rate: spec.discountRate ?? 0.1,
        horizon_years: spec.horizon ?? 3,
        author_id: user(spec.author),
        submitted_by: spec.status === 'draft' ? null : user(spec.author),
        submitted_at: spec.status === 'draft' ? null : new Date(),
        decided_by: decided ? sponsor : null,
        decided_at: decided ? new Date() : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    for (const [position, benefit] of spec.benefits.entries()) {
      const { id: benefitId } = await trx
        .insertInto('business_case_benefits')
        .values({
          case_id: caseId,
          position,
          name: benefit.name,
          start_year: benefit.startYear ?? 1,
          kpi_id: kpiId(benefit.kpi),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await trx
        .insertInto('business_case_assumptions')
        .values(
          benefit.assumptions.map(([name, unit, value, source], index) => ({
            benefit_id: benefitId,
            position: index,
            name,
            unit,
            value,
            source,
          })),
        )
        .execute()
    }
    await trx
      .insertInto('business_case_costs')
      .values(
        spec.costs.map(([name, kind, year, amount], position) => ({
          case_id: caseId,
          position,
          name,
          kind,
          year,
          amount,
        })),
      )
      .execute()
    if (spec.status !== 'draft')
      await trx
        .insertInto('business_case_comments')
        .values({ case_id: caseId, author_id: user(spec.author), kind: 'submitted' })
        .execute()
    if (decided)
      await trx
        .insertInto('business_case_comments')
        .values({
          case_id: caseId,
          author_id: sponsor,
          kind: 'approved',
          body: 'Approved: the assumptions are sourced and the payback is credible.',
        })
        .execute()
  }

  for (const [initiative, members] of Object.entries(TEAMS)) {
    const initiativeId = ctx.initiatives[initiative]
    if (!initiativeId) continue
    await trx
      .insertInto('team_members')
      .values(
        members.map(([person_name, person_email, fn, allocation]) => ({
          initiative_id: initiativeId,
          person_name,
          person_email,
          function: fn,
          allocation,
        })),
      )
      .execute()
  }

  const backgrounds = {
    'Daily Recommender': 'both',
    'Dealer remote-support service': 'technology',
    'AI coaching for account executives': 'sales_marketing',
  } as const
  for (const [initiative, background] of Object.entries(backgrounds)) {
    const initiativeId = ctx.initiatives[initiative]
    if (initiativeId)
      await trx
        .insertInto('initiative_leadership')
        .values({ initiative_id: initiativeId, spanner_background: background })
        .execute()
  }

  for (const gate of GATES) {
    const initiativeId = ctx.initiatives[gate.initiative]
    if (!initiativeId) continue
    const criteria: GateCriterion[] = (
      {
        design: ['problemDefined', 'sponsorAssigned', 'teamFormed'],
        pilot: ['caseApproved', 'kpisDefined', 'eetRecruited', 'mvpReady'],
      } as const
    )[gate.to].map((key) => ({ key, met: gate.met.includes(key) }))
    await trx
      .insertInto('stage_gates')
      .values({
        initiative_id: initiativeId,
        from_stage: gate.from,
        to_stage: gate.to,
        criteria: JSON.stringify(criteria),
        request_note: gate.note,
        requested_by: user('lead@tenfold.demo'),
        status: gate.status,
        decided_by: gate.status === 'approved' ? sponsor : null,
        decision_date: gate.date ?? null,
        decision_notes: gate.status === 'approved' ? 'Criteria met.' : '',
      })
      .execute()
  }

  const recommender = ctx.initiatives['Daily Recommender']
  const coaching = ctx.initiatives['AI coaching for account executives']
  if (recommender && coaching) {
    await trx
      .insertInto('governance_reviews')
      .values({
        overlap_kind: 'person',
        subject: 'Priya Raman',
        initiative_ids: [recommender, coaching],
        action: 'sequence',
        decision:
          'Priya stays on the recommender until its pilot closes; coaching hires a second data scientist.',
        owner_id: user('lead@tenfold.demo'),
        due_date: '2026-12-15',
        created_by: sponsor,
      })
      .execute()
  }
}
