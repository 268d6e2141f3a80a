import { sql, type Kysely } from 'kysely'

// Which assumption of a benefit line its proving KPI measures (its position among the line's
// assumptions), so the line's value can be re-computed with the measured value in its place. Null when
// the lead has not said: the line's realisation is then shown as "not chosen", never guessed.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('business_case_benefits')
    .addColumn('proven_assumption', 'smallint', (col) =>
      col.check(sql`proven_assumption is null or (proven_assumption >= 0 and proven_assumption < 8)`),
    )
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('business_case_benefits').dropColumn('proven_assumption').execute()
}
