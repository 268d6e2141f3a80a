import path from 'node:path'
import { sql } from 'kysely'
import ts from 'typescript'
import { describe, expect, test } from 'vitest'
import { db, type Executor } from '~/utils/db.server'

// The table types in app/models/<area>/tables.ts are written by hand (narrowed unions, JSON shapes),
// so nothing generates them from the migrations: this test compares them with the migrated schema of
// this file's fresh database (PGlite or PostgreSQL, whichever the run uses). It reads the `DB` type of
// app/utils/db.types.ts through the TypeScript compiler and information_schema through SQL.

/** The kinds of JavaScript value the drivers return (app/utils/db.server.ts: int8 and numeric as numbers). */
type ValueClass = 'string' | 'number' | 'boolean' | 'Date' | 'json' | `${string}[]` | `unknown:${string}`
type Column = { nullable: boolean; type: ValueClass }
type Tables = Map<string, Map<string, Column>>

/** Kysely's migrator keeps its own tables; no app code reads them. */
const MIGRATOR_TABLES = ['kysely_migration', 'kysely_migration_lock']

const SQL_CLASSES: Record<string, ValueClass> = {
  text: 'string',
  varchar: 'string',
  bpchar: 'string',
  uuid: 'string',
  citext: 'string',
  // `date` comes back as 'YYYY-MM-DD' (DateString), not as a Date.
  date: 'string',
  int2: 'number',
  int4: 'number',
  int8: 'number',
  numeric: 'number',
  float4: 'number',
  float8: 'number',
  bool: 'boolean',
  timestamptz: 'Date',
  timestamp: 'Date',
  json: 'json',
  jsonb: 'json',
}

function sqlClass(udtName: string): ValueClass {
  // int8[] would come back as strings (pg parses only int8 itself as a number here): keep it apart.
  if (udtName.startsWith('_') && udtName !== '_int8') return `${sqlClass(udtName.slice(1))}[]`
  return SQL_CLASSES[udtName] ?? `unknown:${udtName}`
}

async function schemaTables(executor: Executor): Promise<Tables> {
  const { rows } = await sql<{
    table_name: string
    column_name: string
    is_nullable: string
    udt_name: string
  }>`
    select c.table_name, c.column_name, c.is_nullable, c.udt_name
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
    order by c.table_name, c.ordinal_position
  `.execute(executor)
  const tables: Tables = new Map()
  for (const row of rows) {
    if (MIGRATOR_TABLES.includes(row.table_name)) continue
    if (!tables.has(row.table_name)) tables.set(row.table_name, new Map())
    tables.get(row.table_name)!.set(row.column_name, {
      nullable: row.is_nullable === 'YES',
      type: sqlClass(row.udt_name),
    })
  }
  return tables
}

/** The `DB` interface's tables and columns, each column by its select type (what a query returns). */
function typeTables(): Tables {
  const root = path.resolve('app/utils/db.types.ts')
  const config = ts.readConfigFile(path.resolve('tsconfig.json'), ts.sys.readFile)
  const options = ts.parseJsonConfigFileContent(config.config, ts.sys, path.resolve('.')).options
  // Only the table types' own imports: no ambient @types (node, vite) to load, which keeps this fast.
  const program = ts.createProgram([root], { ...options, types: [], noEmit: true })
  const checker = program.getTypeChecker()
  const module = checker.getSymbolAtLocation(program.getSourceFile(root)!)!
  const dbSymbol = checker.getExportsOfModule(module).find((symbol) => symbol.name === 'DB')!
  const dbType = checker.getDeclaredTypeOfSymbol(dbSymbol)

  const members = (type: ts.Type) => (type.isUnion() ? type.types : [type])
  // Kysely's SelectType: ColumnType<S, I, U> and Generated<S> are objects whose __select__ is S.
  const selectMembers = (type: ts.Type): ts.Type[] =>
    members(type).flatMap((member) => {
      const select = member.getProperty('__select__')
      return select ? members(checker.getTypeOfSymbol(select)) : [member]
    })
  const classOf = (type: ts.Type): ValueClass | 'null' | 'undefined' => {
    const flags = type.getFlags()
    if (flags & ts.TypeFlags.Null) return 'null'
    if (flags & ts.TypeFlags.Undefined) return 'undefined'
    if (flags & ts.TypeFlags.StringLike) return 'string'
    if (flags & ts.TypeFlags.NumberLike) return 'number'
    if (flags & ts.TypeFlags.BooleanLike) return 'boolean'
    if (checker.isArrayType(type)) {
      const element = checker.getTypeArguments(type as ts.TypeReference)[0]!
      const classes = new Set(members(element).map(classOf))
      classes.delete('null')
      return classes.size === 1 ? `${[...classes][0]}[]` : `unknown:${checker.typeToString(type)}`
    }
    if (type.getSymbol()?.name === 'Date') return 'Date'
    if (flags & (ts.TypeFlags.Object | ts.TypeFlags.Unknown | ts.TypeFlags.Any)) return 'json'
    return `unknown:${checker.typeToString(type)}`
  }

  const tables: Tables = new Map()
  for (const table of dbType.getProperties()) {
    const columns = new Map<string, Column>()
    for (const column of checker.getTypeOfSymbol(table).getProperties()) {
      const classes = new Set(selectMembers(checker.getTypeOfSymbol(column)).map(classOf))
      const nullable = classes.delete('null')
      classes.delete('undefined')
      const type = classes.size === 1 ? [...classes][0]! : `unknown:${[...classes].join(' | ')}`
      columns.set(column.name, { nullable, type: type as ValueClass })
    }
    tables.set(table.name, columns)
  }
  return tables
}

/** A JSON column is typed as the object or array its values parse to; the rest must match exactly. */
function compatible(schema: ValueClass, types: ValueClass) {
  if (schema === 'json') return types === 'json' || types.endsWith('[]')
  return schema === types
}

/** Every difference between the migrated schema and the table types, one line each. */
export function tableTypeDrift(schema: Tables, types: Tables): string[] {
  const drift: string[] = []
  for (const name of schema.keys())
    if (!types.has(name)) drift.push(`${name}: table in the schema, missing from DB`)
  for (const name of types.keys())
    if (!schema.has(name)) drift.push(`${name}: table in DB, not in the schema`)
  for (const [name, columns] of schema) {
    const typed = types.get(name)
    if (!typed) continue
    for (const [column, actual] of columns) {
      const declared = typed.get(column)
      if (!declared) {
        drift.push(`${name}.${column}: column in the schema, missing from the types`)
        continue
      }
      if (actual.nullable !== declared.nullable)
        drift.push(
          `${name}.${column}: ${actual.nullable ? 'nullable' : 'not null'} in the schema, ` +
            `${declared.nullable ? 'nullable' : 'not null'} in the types`,
        )
      if (!compatible(actual.type, declared.type))
        drift.push(`${name}.${column}: ${actual.type} in the schema, ${declared.type} in the types`)
    }
    for (const column of typed.keys())
      if (!columns.has(column)) drift.push(`${name}.${column}: column in the types, not in the schema`)
  }
  return drift
}

/** Runs `change` in a transaction that is always rolled back, and returns the schema it saw. */
async function schemaAfter(change: (trx: Executor) => Promise<unknown>) {
  let seen: Tables | undefined
  const rollback = new Error('roll back')
  await db
    .transaction()
    .execute(async (trx) => {
      await change(trx)
      seen = await schemaTables(trx)
      throw rollback
    })
    .catch((error: unknown) => {
      if (error !== rollback) throw error
    })
  return seen!
}

describe('table types against the migrated schema', () => {
  const types = typeTables()

  test('every table and column matches in name, nullability and kind of value', async () => {
    const schema = await schemaTables(db)
    expect(schema.size).toBeGreaterThan(30)
    expect(tableTypeDrift(schema, types)).toEqual([])
  })

  test('the check reports a column a migration adds, and a changed nullability', async () => {
    const schema = await schemaAfter(async (trx) => {
      await sql`alter table kpis add column drift_probe text`.execute(trx)
      await sql`alter table sprints alter column goal drop not null`.execute(trx)
      await sql`create table drift_probe_table (id int primary key)`.execute(trx)
    })
    expect(tableTypeDrift(schema, types)).toEqual([
      'drift_probe_table: table in the schema, missing from DB',
      'kpis.drift_probe: column in the schema, missing from the types',
      'sprints.goal: nullable in the schema, not null in the types',
    ])
    // The rollback left the real schema as it was.
    expect(tableTypeDrift(await schemaTables(db), types)).toEqual([])
  })

  test('the check reports a dropped column and a changed type', async () => {
    const schema = await schemaAfter(async (trx) => {
      await sql`alter table delivery_pauses drop column reason`.execute(trx)
      await sql`alter table delivery_time_entries alter column created_at type date`.execute(trx)
    })
    expect(tableTypeDrift(schema, types)).toEqual([
      'delivery_pauses.reason: column in the types, not in the schema',
      'delivery_time_entries.created_at: string in the schema, Date in the types',
    ])
  })
})
