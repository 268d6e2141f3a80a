import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('prefix', 'text', (col) => col.notNull().unique())
    .addColumn('secret_hash', 'text', (col) => col.notNull())
    .addColumn('scopes', sql`text[]`, (col) => col.notNull())
    .addColumn('created_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .execute()

  // The sales force (the roster). Reps are never deleted: a rep missing from a new import gets left_at.
  await db.schema
    .createTable('sellers')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('seller_id', 'text', (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('email', 'text')
    .addColumn('region', 'text', (col) => col.notNull())
    .addColumn('segment', 'text', (col) => col.notNull())
    .addColumn('team', 'text', (col) => col.notNull())
    .addColumn('manager_id', 'text')
    .addColumn('hire_date', 'date')
    .addColumn('role', 'text', (col) => col.notNull())
    .addColumn('tech_affinity', 'text', (col) =>
      col
        .notNull()
        .defaultTo('unknown')
        .check(sql`tech_affinity in ('avoider', 'reluctant', 'enthusiast', 'unknown')`),
    )
    .addColumn('eligible', 'boolean', (col) => col.notNull().defaultTo(true))
    .addColumn('user_id', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('left_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('sellers_manager_idx').on('sellers').column('manager_id').execute()
  await db.schema.createIndex('sellers_user_idx').on('sellers').column('user_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sellers').execute()
  await db.schema.dropTable('api_keys').execute()
}
