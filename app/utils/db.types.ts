import type { Insertable, Selectable, Updateable } from 'kysely'
import type { AttentionTables } from '~/models/attention/tables'
import type { AccountabilityTables } from '~/models/accountability/tables'
import type { ChangeTables } from '~/models/change/tables'
import type { DeliveryTables } from '~/models/delivery/tables'
import type { EetTables } from '~/models/eet/tables'
import type {
  FoundationTables,
  InitiativesTable,
  ProgramsTable,
  UsersTable,
} from '~/models/foundation/tables'
import type { KpiTables } from '~/models/kpi/tables'
import type { RecommendationTables } from '~/models/recommendations/tables'
import type { SponsorTables } from '~/models/sponsor/tables'

// The database type: each area's tables are written by hand beside its queries, in
// app/models/<area>/tables.ts, and join here. tests/unit/db/table-types.test.ts checks them against
// the migrated schema.
export type { InitiativeStatus, Role, Stage, TechAffinity } from '~/models/foundation/tables'

export interface DB
  extends
    FoundationTables,
    AccountabilityTables,
    KpiTables,
    DeliveryTables,
    EetTables,
    RecommendationTables,
    SponsorTables,
    AttentionTables,
    ChangeTables {}

export type User = Selectable<UsersTable>
export type NewUser = Insertable<UsersTable>
export type UserUpdate = Updateable<UsersTable>
export type Program = Selectable<ProgramsTable>
export type Initiative = Selectable<InitiativesTable>
