import { sql, type Kysely } from 'kysely'

// Agile delivery: program budgets for the 10/10/10 cycle, cycles and their phases with logged hours and
// pauses, a backlog per initiative, sprints with a record of every item's life in them (the frozen
// commitment, scope added, removed or cancelled, done, carried over), the frozen figures of closed sprints,
// and the plan changes a sprint review makes, each linked to the pilot feedback that caused it.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('delivery_settings')
    .addColumn('program_id', 'uuid', (col) => col.primaryKey().references('programs.id').onDelete('cascade'))
    .addColumn('frame_hours', sql`numeric(6,2)`, (col) =>
      col
        .notNull()
        .defaultTo(10)
        .check(sql`frame_hours > 0`),
    )
    .addColumn('design_working_days', 'integer', (col) =>
      col
        .notNull()
        .defaultTo(10)
        .check(sql`design_working_days > 0`),
    )
    .addColumn('pilot_weeks', 'integer', (col) =>
      col
        .notNull()
        .defaultTo(10)
        .check(sql`pilot_weeks > 0`),
    )
    .addColumn('sprint_length_days', 'integer', (col) =>
      col
        .notNull()
        .defaultTo(14)
        .check(sql`sprint_length_days between 1 and 56`),
    )
    .addColumn('updated_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('delivery_cycles')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('initiative_id', 'uuid', (col) =>
      col.notNull().references('initiatives.id').onDelete('cascade'),
    )
    .addColumn('number', 'integer', (col) => col.notNull())
    .addColumn('started_on', 'date', (col) => col.notNull())
    .addColumn('closed_on', 'date')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('delivery_cycles_number_key', ['initiative_id', 'number'])
    .execute()
  // One open cycle per initiative.
  await db.schema
    .createIndex('delivery_cycles_open_key')
    .on('delivery_cycles')
    .column('initiative_id')
    .unique()
    .where(sql.ref('closed_on'), 'is', null)
    .execute()

  await db.schema
    .createTable('delivery_phases')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('cycle_id', 'uuid', (col) =>
      col.notNull().references('delivery_cycles.id').onDelete('cascade'),
    )
    .addColumn('phase', 'text', (col) => col.notNull().check(sql`phase in ('frame', 'design', 'pilot')`))
    // Copied from the program's settings when the phase starts, so later edits do not rewrite history.
    .addColumn('budget', sql`numeric(8,2)`, (col) => col.notNull().check(sql`budget > 0`))
    .addColumn('started_on', 'date', (col) => col.notNull())
    .addColumn('closed_on', 'date')
    .addColumn('outcome', 'text')
    .addColumn('decision', 'text', (col) => col.check(sql`decision in ('scale', 'iterate', 'stop')`))
    .addUniqueConstraint('delivery_phases_phase_key', ['cycle_id', 'phase'])
    .addCheckConstraint('delivery_phases_dates', sql`closed_on is null or closed_on >= started_on`)
    .addCheckConstraint(
      'delivery_phases_outcome',
      sql`closed_on is null or (coalesce(outcome, '') <> '' and (phase <> 'pilot' or decision is not null))`,
    )
    .execute()

  await db.schema
    .createTable('delivery_time_entries')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('phase_id', 'uuid', (col) =>
      col.notNull().references('delivery_phases.id').onDelete('cascade'),
    )
    .addColumn('worked_on', 'date', (col) => col.notNull())
    .addColumn('hours', sql`numeric(5,2)`, (col) => col.notNull().check(sql`hours > 0 and hours <= 24`))
    .addColumn('note', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('created_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createIndex('delivery_time_entries_phase_idx')
    .on('delivery_time_entries')
    .column('phase_id')
    .execute()

  await db.schema
    .createTable('delivery_pauses')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('phase_id', 'uuid', (col) =>
      col.notNull().references('delivery_phases.id').onDelete('cascade'),
    )
    .addColumn('from_date', 'date', (col) => col.notNull())
    .addColumn('to_date', 'date')
    .addColumn('reason', 'text', (col) => col.notNull().check(sql`reason <> ''`))
    .addColumn('created_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('delivery_pauses_dates', sql`to_date is null or to_date >= from_date`)
    .execute()
  await db.schema.createIndex('delivery_pauses_phase_idx').on('delivery_pauses').column('phase_id').execute()

  await db.schema
    .createTable('sprints')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('initiative_id', 'uuid', (col) =>
      col.notNull().references('initiatives.id').onDelete('cascade'),
    )
    .addColumn('number', 'integer', (col) => col.notNull())
    .addColumn('goal', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('start_date', 'date', (col) => col.notNull())
    .addColumn('end_date', 'date', (col) => col.notNull())
    .addColumn('status', 'text', (col) =>
      col
        .notNull()
        .defaultTo('planning')
        .check(sql`status in ('planning', 'active', 'closed')`),
    )
    .addColumn('started_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    // The frozen figures and burndown of a closed sprint; never recomputed from live items.
    .addColumn('snapshot', 'jsonb')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('sprints_number_key', ['initiative_id', 'number'])
    .addCheckConstraint('sprints_dates', sql`end_date >= start_date`)
    .addCheckConstraint('sprints_closed_snapshot', sql`status <> 'closed' or snapshot is not null`)
    .execute()
  // At most one sprint being planned and one running per initiative.
  await db.schema
    .createIndex('sprints_open_key')
    .on('sprints')
    .columns(['initiative_id', 'status'])
    .unique()
    .where(sql.ref('status'), '<>', 'closed')
    .execute()

  await db.schema
    .createTable('backlog_items')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('initiative_id', 'uuid', (col) =>
      col.notNull().references('initiatives.id').onDelete('cascade'),
    )
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('type', 'text', (col) =>
      col.notNull().check(sql`type in ('story', 'bug', 'experiment', 'chore')`),
    )
    .addColumn('estimate', sql`numeric(6,1)`, (col) => col.notNull().check(sql`estimate >= 0`))
    .addColumn('status', 'text', (col) =>
      col
        .notNull()
        .defaultTo('todo')
        .check(sql`status in ('todo', 'done', 'cancelled')`),
    )
    // The open (planning or running) sprint the item sits in; null in the backlog.
    .addColumn('sprint_id', 'uuid', (col) => col.references('sprints.id').onDelete('set null'))
    .addColumn('created_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createIndex('backlog_items_initiative_idx')
    .on('backlog_items')
    .columns(['initiative_id', 'status'])
    .execute()

  await db.schema
    .createTable('backlog_item_feedback')
    .addColumn('backlog_item_id', 'uuid', (col) =>
      col.notNull().references('backlog_items.id').onDelete('cascade'),
    )
    .addColumn('feedback_id', 'uuid', (col) =>
      col.notNull().references('pilot_feedback.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('backlog_item_feedback_pkey', ['backlog_item_id', 'feedback_id'])
    .execute()
  await db.schema
    .createIndex('backlog_item_feedback_feedback_idx')
    .on('backlog_item_feedback')
    .column('feedback_id')
    .execute()

  // Each item's life in one sprint. Points are frozen when the item enters the sprint.
  await db.schema
    .createTable('sprint_items')
    .addColumn('sprint_id', 'uuid', (col) => col.notNull().references('sprints.id').onDelete('cascade'))
    .addColumn('backlog_item_id', 'uuid', (col) =>
      col.notNull().references('backlog_items.id').onDelete('cascade'),
    )
    .addColumn('points', sql`numeric(6,1)`, (col) => col.notNull())
    .addColumn('committed', 'boolean', (col) => col.notNull())
    .addColumn('added_on', 'date')
    .addColumn('done_on', 'date')
    .addColumn('removed_on', 'date')
    .addColumn('cancelled_on', 'date')
    .addColumn('change_reason', 'text')
    .addColumn('carried_over', 'boolean', (col) => col.notNull().defaultTo(false))
    .addPrimaryKeyConstraint('sprint_items_pkey', ['sprint_id', 'backlog_item_id'])
    .addCheckConstraint('sprint_items_added', sql`committed or added_on is not null`)
    .execute()
  await db.schema.createIndex('sprint_items_item_idx').on('sprint_items').column('backlog_item_id').execute()

  // The sprint review: how the plan for a sprint changed and why, with the feedback that caused it.
  await db.schema
    .createTable('sprint_plan_changes')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('sprint_id', 'uuid', (col) => col.notNull().references('sprints.id').onDelete('cascade'))
    .addColumn('backlog_item_id', 'uuid', (col) =>
      col.notNull().references('backlog_items.id').onDelete('cascade'),
    )
    .addColumn('change', 'text', (col) => col.notNull().check(sql`change in ('added', 'removed', 'carried')`))
    .addColumn('reason', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('feedback_id', 'uuid', (col) => col.references('pilot_feedback.id').onDelete('set null'))
    .addColumn('created_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createIndex('sprint_plan_changes_sprint_idx')
    .on('sprint_plan_changes')
    .column('sprint_id')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'sprint_plan_changes',
    'sprint_items',
    'backlog_item_feedback',
    'backlog_items',
    'sprints',
    'delivery_pauses',
    'delivery_time_entries',
    'delivery_phases',
    'delivery_cycles',
    'delivery_settings',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
