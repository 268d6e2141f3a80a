import { sql, type Kysely } from 'kysely'

// Variable-pay transition plans: per initiative, how variable pay changes (components with their
// weights and quotas, before and after), from when, the transition rule that softens it, and the
// roster segments' pay assumptions the income simulation runs on. The sponsor approves a version.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('pay_plans')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('initiative_id', 'uuid', (col) =>
      col.notNull().unique().references('initiatives.id').onDelete('cascade'),
    )
    .addColumn('effective_from', 'date', (col) => col.notNull())
    .addColumn('transition_kind', 'text', (col) =>
      col.notNull().check(sql`transition_kind in ('guarantee', 'blend')`),
    )
    .addColumn('transition_months', 'integer', (col) =>
      col.notNull().check(sql`transition_months between 1 and 36`),
    )
    .addColumn('loss_threshold_pct', 'double precision', (col) =>
      col.notNull().check(sql`loss_threshold_pct >= 0 and loss_threshold_pct <= 100`),
    )
    // Validated by the model's zod schema (app/models/change/pay.schema.ts) before every write.
    .addColumn('components', 'jsonb', (col) => col.notNull())
    .addColumn('segments', 'jsonb', (col) => col.notNull())
    .addColumn('status', 'text', (col) =>
      col
        .notNull()
        .defaultTo('draft')
        .check(sql`status in ('draft', 'submitted', 'approved', 'changes_requested', 'rejected')`),
    )
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('author_id', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('decided_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decision_note', 'text', (col) =>
      col
        .notNull()
        .defaultTo('')
        .check(sql`length(decision_note) <= 2000`),
    )
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('pay_plans').execute()
}
