import { sql, type Kysely } from 'kysely'

// KPI trees: KPIs (program-level or per initiative), their period targets, driver links between a
// leading and a lagging KPI, measurements (one current value per KPI and period) and the revisions of
// those measurements. `last_period_end`/`last_value` on kpis are a cache of the newest measurement,
// maintained in the same transaction as every measurement write, so list views never scan the series.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('kpis')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('program_id', 'uuid', (col) => col.notNull().references('programs.id'))
    .addColumn('initiative_id', 'uuid', (col) => col.references('initiatives.id'))
    .addColumn('parent_id', 'uuid', (col) => col.references('kpis.id').onDelete('set null'))
    .addColumn('key', 'text', (col) => col.notNull().check(sql`key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`))
    .addColumn('name_en', 'text', (col) => col.notNull())
    .addColumn('name_zh_tw', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('leading', 'lagging')`))
    .addColumn('category', 'text', (col) =>
      col
        .notNull()
        .check(sql`category in ('adoption', 'customer_value', 'user_value', 'financial', 'delivery')`),
    )
    .addColumn('unit', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('direction', 'text', (col) => col.notNull().check(sql`direction in ('higher', 'lower')`))
    .addColumn('cadence', 'text', (col) =>
      col.notNull().check(sql`cadence in ('daily', 'weekly', 'monthly')`),
    )
    .addColumn('owner_id', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('baseline_value', 'numeric')
    .addColumn('baseline_date', 'date')
    // Percentage of the target within which a miss is "at risk" rather than "off track".
    .addColumn('tolerance_pct', 'numeric', (col) =>
      col
        .notNull()
        .defaultTo(10)
        .check(sql`tolerance_pct >= 0 and tolerance_pct <= 100`),
    )
    // How this KPI's value is derived from its children ('none': measured directly).
    .addColumn('rollup', 'text', (col) =>
      col
        .notNull()
        .defaultTo('none')
        .check(sql`rollup in ('none', 'sum', 'average', 'weighted_average', 'min', 'max')`),
    )
    // This KPI's weight in its parent's weighted average.
    .addColumn('rollup_weight', 'numeric', (col) =>
      col
        .notNull()
        .defaultTo(1)
        .check(sql`rollup_weight > 0`),
    )
    // Days after a period is due before a missing value makes the KPI stale.
    .addColumn('grace_days', 'integer', (col) =>
      col
        .notNull()
        .defaultTo(3)
        .check(sql`grace_days >= 0 and grace_days <= 90`),
    )
    .addColumn('last_period_end', 'date')
    .addColumn('last_value', 'numeric')
    .addColumn('created_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('archived_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('kpis_program_key_unique', ['program_id', 'key'])
    .addCheckConstraint('kpis_not_own_parent', sql`parent_id is null or parent_id <> id`)
    .execute()
  await db.schema.createIndex('kpis_key_idx').on('kpis').column('key').execute()
  await db.schema.createIndex('kpis_initiative_idx').on('kpis').column('initiative_id').execute()
  await db.schema.createIndex('kpis_parent_idx').on('kpis').column('parent_id').execute()

  // Period targets; the trajectory between two targets (and from the baseline) is linear.
  await db.schema
    .createTable('kpi_targets')
    .addColumn('kpi_id', 'uuid', (col) => col.notNull().references('kpis.id').onDelete('cascade'))
    .addColumn('period_end', 'date', (col) => col.notNull())
    .addColumn('value', 'numeric', (col) => col.notNull())
    .addPrimaryKeyConstraint('kpi_targets_pkey', ['kpi_id', 'period_end'])
    .execute()

  await db.schema
    .createTable('kpi_driver_links')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('leading_kpi_id', 'uuid', (col) => col.notNull().references('kpis.id').onDelete('cascade'))
    .addColumn('lagging_kpi_id', 'uuid', (col) => col.notNull().references('kpis.id').onDelete('cascade'))
    .addColumn('expected_lag', 'integer', (col) =>
      col
        .notNull()
        .defaultTo(0)
        .check(sql`expected_lag >= 0 and expected_lag <= 12`),
    )
    .addColumn('created_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('kpi_driver_links_pair_unique', ['leading_kpi_id', 'lagging_kpi_id'])
    .addCheckConstraint('kpi_driver_links_distinct', sql`leading_kpi_id <> lagging_kpi_id`)
    .execute()
  await db.schema
    .createIndex('kpi_driver_links_lagging_idx')
    .on('kpi_driver_links')
    .column('lagging_kpi_id')
    .execute()

  // One current value per KPI and period; the primary key is also the series index.
  await db.schema
    .createTable('kpi_measurements')
    .addColumn('kpi_id', 'uuid', (col) => col.notNull().references('kpis.id').onDelete('cascade'))
    .addColumn('period_end', 'date', (col) => col.notNull())
    .addColumn('value', 'numeric', (col) => col.notNull())
    .addColumn('confidence', 'smallint', (col) => col.check(sql`confidence between 1 and 5`))
    .addColumn('note', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('source', 'text', (col) => col.notNull().check(sql`source in ('form', 'csv', 'api', 'seed')`))
    .addColumn('recorded_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('api_key_id', 'uuid', (col) => col.references('api_keys.id').onDelete('set null'))
    .addColumn('recorded_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('kpi_measurements_pkey', ['kpi_id', 'period_end'])
    .execute()

  // Every write of a value: old_value is null when the period had no value before.
  await db.schema
    .createTable('kpi_measurement_revisions')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('kpi_id', 'uuid', (col) => col.notNull().references('kpis.id').onDelete('cascade'))
    .addColumn('period_end', 'date', (col) => col.notNull())
    .addColumn('old_value', 'numeric')
    .addColumn('new_value', 'numeric', (col) => col.notNull())
    .addColumn('old_note', 'text')
    .addColumn('new_note', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('confidence', 'smallint')
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('changed_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('changed_by_label', 'text', (col) => col.notNull())
    .addColumn('api_key_id', 'uuid', (col) => col.references('api_keys.id').onDelete('set null'))
    .addColumn('changed_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createIndex('kpi_measurement_revisions_kpi_idx')
    .on('kpi_measurement_revisions')
    .columns(['kpi_id', 'changed_at'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'kpi_measurement_revisions',
    'kpi_measurements',
    'kpi_driver_links',
    'kpi_targets',
    'kpis',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
