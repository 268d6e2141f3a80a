import { sql, type Kysely } from 'kysely'

// Accountability: versioned business cases (benefit lines built from named assumptions, cost lines),
// the cross-functional team, stage gates, the governance log and the checklist's manual attestations.

export async function up(db: Kysely<any>): Promise<void> {
  // A viewer (e.g. finance) may be granted sight of financial lines by an administrator.
  await db.schema
    .alterTable('users')
    .addColumn('finance_access', 'boolean', (col) => col.notNull().defaultTo(false))
    .execute()

  await db.schema
    .createTable('business_cases')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('initiative_id', 'uuid', (col) =>
      col.notNull().references('initiatives.id').onDelete('cascade'),
    )
    .addColumn('version', 'integer', (col) => col.notNull().check(sql`version >= 1`))
    .addColumn('status', 'text', (col) =>
      col
        .notNull()
        .defaultTo('draft')
        .check(sql`status in ('draft', 'submitted', 'approved', 'changes_requested', 'rejected')`),
    )
    .addColumn('context', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('approach', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('customer_value', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('target_segments', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('data_systems', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('discount_rate', 'numeric(6, 4)', (col) =>
      col
        .notNull()
        .defaultTo(0.1)
        .check(sql`discount_rate >= 0 and discount_rate <= 1`),
    )
    .addColumn('horizon_years', 'integer', (col) =>
      col
        .notNull()
        .defaultTo(3)
        .check(sql`horizon_years between 1 and 10`),
    )
    .addColumn('author_id', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('submitted_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('decided_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('business_cases_version_key', ['initiative_id', 'version'])
    .execute()

  await db.schema
    .createTable('business_case_benefits')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('case_id', 'uuid', (col) => col.notNull().references('business_cases.id').onDelete('cascade'))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('start_year', 'integer', (col) =>
      col
        .notNull()
        .defaultTo(1)
        .check(sql`start_year >= 1`),
    )
    // The KPI that will prove this line (kpis comes from the KPI capability's earlier migration).
    .addColumn('kpi_id', 'uuid', (col) => col.references('kpis.id').onDelete('set null'))
    .execute()
  await db.schema
    .createIndex('business_case_benefits_case_idx')
    .on('business_case_benefits')
    .column('case_id')
    .execute()

  await db.schema
    .createTable('business_case_assumptions')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('benefit_id', 'uuid', (col) =>
      col.notNull().references('business_case_benefits.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('unit', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('value', sql`double precision`, (col) => col.notNull())
    .addColumn('source', 'text', (col) => col.notNull().defaultTo(''))
    .execute()
  await db.schema
    .createIndex('business_case_assumptions_benefit_idx')
    .on('business_case_assumptions')
    .column('benefit_id')
    .execute()

  await db.schema
    .createTable('business_case_costs')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('case_id', 'uuid', (col) => col.notNull().references('business_cases.id').onDelete('cascade'))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('one_off', 'recurring')`))
    .addColumn('year', 'integer', (col) => col.notNull().check(sql`year >= 1`))
    .addColumn('amount', sql`double precision`, (col) => col.notNull().check(sql`amount >= 0`))
    .execute()
  await db.schema
    .createIndex('business_case_costs_case_idx')
    .on('business_case_costs')
    .column('case_id')
    .execute()

  await db.schema
    .createTable('business_case_comments')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('case_id', 'uuid', (col) => col.notNull().references('business_cases.id').onDelete('cascade'))
    .addColumn('author_id', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('kind', 'text', (col) =>
      col.notNull().check(sql`kind in ('comment', 'submitted', 'approved', 'changes_requested', 'rejected')`),
    )
    .addColumn('body', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createIndex('business_case_comments_case_idx')
    .on('business_case_comments')
    .column('case_id')
    .execute()

  await db.schema
    .createTable('team_members')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('initiative_id', 'uuid', (col) =>
      col.notNull().references('initiatives.id').onDelete('cascade'),
    )
    .addColumn('person_name', 'text', (col) => col.notNull())
    .addColumn('person_email', 'text')
    .addColumn('function', 'text', (col) =>
      col
        .notNull()
        .check(
          sql`function in ('sales', 'marketing', 'data_scientist', 'scrum_master', 'ux', 'software_architect', 'project_manager', 'change_management', 'sales_operations', 'finance')`,
        ),
    )
    .addColumn('allocation', 'integer', (col) => col.notNull().check(sql`allocation between 1 and 100`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createIndex('team_members_initiative_idx')
    .on('team_members')
    .column('initiative_id')
    .execute()

  await db.schema
    .createTable('initiative_leadership')
    .addColumn('initiative_id', 'uuid', (col) =>
      col.primaryKey().references('initiatives.id').onDelete('cascade'),
    )
    .addColumn('spanner_background', 'text', (col) =>
      col.check(sql`spanner_background in ('sales_marketing', 'technology', 'both')`),
    )
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('stage_gates')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('initiative_id', 'uuid', (col) =>
      col.notNull().references('initiatives.id').onDelete('cascade'),
    )
    .addColumn('from_stage', 'text', (col) => col.notNull())
    .addColumn('to_stage', 'text', (col) =>
      col.notNull().check(sql`to_stage in ('frame', 'design', 'pilot', 'scale', 'sustain')`),
    )
    .addColumn('criteria', 'jsonb', (col) => col.notNull())
    .addColumn('request_note', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('requested_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('requested_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('status', 'text', (col) =>
      col
        .notNull()
        .defaultTo('pending')
        .check(sql`status in ('pending', 'approved', 'rejected')`),
    )
    .addColumn('decided_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('decision_date', 'date')
    .addColumn('decision_notes', 'text', (col) => col.notNull().defaultTo(''))
    .execute()
  await db.schema
    .createIndex('stage_gates_initiative_idx')
    .on('stage_gates')
    .column('initiative_id')
    .execute()
  // At most one gate awaits a decision per initiative.
  await sql`create unique index stage_gates_one_pending on stage_gates (initiative_id) where status = 'pending'`.execute(
    db,
  )

  await db.schema
    .createTable('governance_reviews')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('overlap_kind', 'text', (col) =>
      col.notNull().check(sql`overlap_kind in ('kpi', 'segment', 'system', 'person', 'other')`),
    )
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('initiative_ids', sql`uuid[]`, (col) => col.notNull().defaultTo(sql`'{}'::uuid[]`))
    .addColumn('action', 'text', (col) =>
      col.notNull().check(sql`action in ('share', 'merge', 'sequence', 'none')`),
    )
    .addColumn('decision', 'text', (col) => col.notNull())
    .addColumn('owner_id', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('due_date', 'date')
    .addColumn('done_at', 'timestamptz')
    .addColumn('created_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('checklist_attestations')
    .addColumn('initiative_id', 'uuid', (col) =>
      col.notNull().references('initiatives.id').onDelete('cascade'),
    )
    .addColumn('item', 'text', (col) => col.notNull())
    .addColumn('met', 'boolean', (col) => col.notNull())
    .addColumn('note', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('evidence_url', 'text')
    .addColumn('attested_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('attested_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('checklist_attestations_pkey', ['initiative_id', 'item'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'checklist_attestations',
    'governance_reviews',
    'stage_gates',
    'initiative_leadership',
    'team_members',
    'business_case_comments',
    'business_case_costs',
    'business_case_assumptions',
    'business_case_benefits',
    'business_cases',
  ]) {
    await db.schema.dropTable(table).execute()
  }
  await db.schema.alterTable('users').dropColumn('finance_access').execute()
}
