import type { ColumnType, Generated } from 'kysely'

// Tables of the accountability capability (db/migrations/2026_11_27_1730_create_accountability.ts).

type CreatedAt = ColumnType<Date, Date | string | undefined, never>
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type DateString = string
type Json<T = unknown> = ColumnType<T, string, string>

export type CaseStatus = 'draft' | 'submitted' | 'approved' | 'changes_requested' | 'rejected'
export type CostKind = 'one_off' | 'recurring'
export type TeamFunction =
  | 'sales'
  | 'marketing'
  | 'data_scientist'
  | 'scrum_master'
  | 'ux'
  | 'software_architect'
  | 'project_manager'
  | 'change_management'
  | 'sales_operations'
  | 'finance'
export type SpannerBackground = 'sales_marketing' | 'technology' | 'both'
export type GateStatus = 'pending' | 'approved' | 'rejected' | 'changes_requested'
/**
 * One criterion of a gate as judged: from the data (with the facts behind the verdict and where to
 * look) or attested by the lead with a note. Gates requested before criteria were judged from data
 * hold only key and met.
 */
export type GateCriterion = {
  key: string
  met: boolean
  source?: 'data' | 'attested'
  detail?: Record<string, string | number>
  evidence?: string
  note?: string
}
export type OverlapKind = 'kpi' | 'segment' | 'system' | 'person' | 'other'
export type GovernanceAction = 'share' | 'merge' | 'sequence' | 'none'

export interface BusinessCasesTable {
  id: Generated<string>
  initiative_id: string
  version: number
  status: Generated<CaseStatus>
  context: Generated<string>
  approach: Generated<string>
  customer_value: Generated<string>
  target_segments: ColumnType<string[], string[] | undefined, string[]>
  data_systems: ColumnType<string[], string[] | undefined, string[]>
  discount_rate: Generated<number>
  horizon_years: Generated<number>
  author_id: string | null
  submitted_by: string | null
  submitted_at: Date | null
  decided_by: string | null
  decided_at: Date | null
  created_at: CreatedAt
  updated_at: Timestamp
}

export interface BusinessCaseBenefitsTable {
  id: Generated<string>
  case_id: string
  position: number
  name: string
  start_year: Generated<number>
  kpi_id: string | null
  /** Position of the assumption the proving KPI measures; null when not chosen. */
  proven_assumption: ColumnType<number | null, number | null | undefined, number | null>
}

export interface BusinessCaseAssumptionsTable {
  id: Generated<string>
  benefit_id: string
  position: number
  name: string
  unit: Generated<string>
  value: number
  source: Generated<string>
}

export interface BusinessCaseCostsTable {
  id: Generated<string>
  case_id: string
  position: number
  name: string
  kind: CostKind
  year: number
  amount: number
}

export interface BusinessCaseCommentsTable {
  id: Generated<string>
  case_id: string
  author_id: string | null
  kind: 'comment' | 'submitted' | 'approved' | 'changes_requested' | 'rejected'
  body: Generated<string>
  created_at: CreatedAt
}

export interface TeamMembersTable {
  id: Generated<string>
  initiative_id: string
  person_name: string
  person_email: string | null
  function: TeamFunction
  allocation: number
  created_at: CreatedAt
}

export interface InitiativeLeadershipTable {
  initiative_id: string
  spanner_background: SpannerBackground | null
  updated_at: Timestamp
}

export interface StageGatesTable {
  id: Generated<string>
  initiative_id: string
  from_stage: string
  to_stage: 'frame' | 'design' | 'pilot' | 'scale' | 'sustain'
  criteria: Json<GateCriterion[]>
  request_note: Generated<string>
  requested_by: string | null
  requested_at: CreatedAt
  status: Generated<GateStatus>
  decided_by: string | null
  decision_date: DateString | null
  decision_notes: Generated<string>
  /** The criteria as judged when the decision was taken. */
  decided_criteria: Json<GateCriterion[]> | null
  /** Why the sponsor approved although a criterion was unmet (null: no override). */
  override_reason: string | null
  decided_at: Date | null
}

export interface GovernanceReviewsTable {
  id: Generated<string>
  overlap_kind: OverlapKind
  subject: string
  initiative_ids: ColumnType<string[], string[] | undefined, string[]>
  action: GovernanceAction
  decision: string
  owner_id: string | null
  due_date: DateString | null
  done_at: Date | null
  created_by: string | null
  created_at: CreatedAt
}

export interface ChecklistAttestationsTable {
  initiative_id: string
  item: string
  met: boolean
  note: Generated<string>
  evidence_url: string | null
  attested_by: string | null
  attested_at: Timestamp
}

/** users.finance_access is added by this capability's migration. */
export interface UserFinanceAccess {
  finance_access: Generated<boolean>
}

export interface AccountabilityTables {
  business_cases: BusinessCasesTable
  business_case_benefits: BusinessCaseBenefitsTable
  business_case_assumptions: BusinessCaseAssumptionsTable
  business_case_costs: BusinessCaseCostsTable
  business_case_comments: BusinessCaseCommentsTable
  team_members: TeamMembersTable
  initiative_leadership: InitiativeLeadershipTable
  stage_gates: StageGatesTable
  governance_reviews: GovernanceReviewsTable
  checklist_attestations: ChecklistAttestationsTable
}
