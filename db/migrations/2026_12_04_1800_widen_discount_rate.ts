import { sql, type Kysely } from 'kysely'

// The discount rate was numeric(6, 4) as a fraction: 7.125 % became 7.13 % and NPV changed without a
// word. A rate typed with up to four decimals of a percent (the form refuses more) is six decimals of
// the fraction: numeric(8, 6) keeps it exactly. Existing values fit unchanged.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table business_cases alter column discount_rate type numeric(8, 6)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table business_cases alter column discount_rate type numeric(6, 4)`.execute(db)
}
