import { sql, type Kysely } from 'kysely'

// Single sign-on (OpenID Connect). user_identities ties a provider's account (issuer + subject, the
// only stable identifier a provider gives: emails change) to a Tenfold user. oidc_sign_ins holds one
// started sign-in until its callback: the nonce and PKCE verifier stay on the server, keyed by a hash
// of the state, and are consumed once (a replayed callback finds nothing).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('user_identities')
    .addColumn('issuer', 'text', (col) => col.notNull())
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('last_sign_in_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('user_identities_pkey', ['issuer', 'subject'])
    .execute()
  await db.schema.createIndex('user_identities_user_id_idx').on('user_identities').column('user_id').execute()

  await db.schema
    .createTable('oidc_sign_ins')
    .addColumn('state_hash', 'text', (col) => col.primaryKey())
    .addColumn('nonce', 'text', (col) => col.notNull())
    .addColumn('code_verifier', 'text', (col) => col.notNull())
    .addColumn('redirect_to', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('oidc_sign_ins').execute()
  await db.schema.dropTable('user_identities').execute()
}
