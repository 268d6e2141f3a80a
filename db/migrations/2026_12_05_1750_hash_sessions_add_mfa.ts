import { sql, type Kysely } from 'kysely'

// Sessions are stored by the SHA-256 digest of their id (a database read no longer yields a usable
// cookie); the sessions of the old shape are simply ended (everyone signs in again). A session records
// when it was last used, when its user last proved who they are (sign-in, re-authentication) and
// whether it still waits for a second factor. TOTP secrets and hashed one-time recovery codes for MFA.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('user_sessions').execute()
  await db.schema
    .createTable('user_sessions')
    .addColumn('id_hash', 'text', (col) => col.primaryKey().check(sql`id_hash ~ '^[0-9a-f]{64}$'`))
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('last_active_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('authenticated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('pending', 'text', (col) => col.check(sql`pending in ('mfa', 'mfa-enrol')`))
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute()
  await db.schema.createIndex('user_sessions_user_id_idx').on('user_sessions').column('user_id').execute()
  await db.schema.createIndex('user_sessions_expires_idx').on('user_sessions').column('expires_at').execute()

  await db.schema
    .createTable('user_mfa')
    .addColumn('user_id', 'uuid', (col) => col.primaryKey().references('users.id').onDelete('cascade'))
    // Base32 (RFC 4648) of the 20-byte TOTP key, as authenticator apps take it.
    .addColumn('secret', 'text', (col) => col.notNull())
    .addColumn('confirmed_at', 'timestamptz')
    // The last 30-second step a code was accepted for: the same code is never accepted twice.
    .addColumn('last_step', 'bigint')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('mfa_recovery_codes')
    .addColumn('code_hash', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('used_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createIndex('mfa_recovery_codes_user_idx')
    .on('mfa_recovery_codes')
    .column('user_id')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mfa_recovery_codes').execute()
  await db.schema.dropTable('user_mfa').execute()
  await db.schema.dropTable('user_sessions').execute()
  await db.schema
    .createTable('user_sessions')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute()
  await db.schema.createIndex('user_sessions_user_id_idx').on('user_sessions').column('user_id').execute()
}
