import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, test } from 'vitest'

// The codebase's shape, checked from the source files alone (no database): each area queries its own
// tables and reads another area's data only through that area's exported functions; routes and
// components never query; app/models/ holds its areas and a few shared files; app/ has no import cycles.

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const MODELS = 'app/models'

// Every area scopes rights by initiative and shows users' names, so the foundation's spine tables may be
// READ from any area. Writing them is the foundation's own business.
const SPINE_TABLES = new Set(['users', 'programs', 'initiatives', 'initiative_members', 'sellers'])
// Sessions and sign-in live in app/auth (and the one handle, app/utils/db.server.ts, looks users up).
const AUTH_TABLES = new Set([
  'users',
  'user_sessions',
  'password_tokens',
  'auth_throttle',
  'user_identities',
  'oidc_sign_ins',
  'user_mfa',
  'mfa_recovery_codes',
])
const MAY_QUERY_AUTH_TABLES = (file: string) =>
  file.startsWith('app/auth/') || file === 'app/utils/db.server.ts'
const MAX_SHARED_MODEL_FILES = 5

// ---------------------------------------------------------------------------------------------------
// Scanning one source file for the tables it queries.

type TableReference = { table: string; write: boolean; line: number; via: string }

const READ_METHODS = new Set([
  'selectFrom',
  'innerJoin',
  'leftJoin',
  'rightJoin',
  'fullJoin',
  'crossJoin',
  'innerJoinLateral',
  'leftJoinLateral',
  'crossJoinLateral',
  // UPDATE … FROM and DELETE … USING name further tables.
  'from',
  'using',
])
const WRITE_METHODS = new Set(['insertInto', 'updateTable', 'deleteFrom', 'mergeInto', 'replaceInto'])
// The calls that start a query: a route or component that makes one queries the database directly.
const QUERY_START_METHODS = new Set([...WRITE_METHODS, 'selectFrom', 'selectNoFrom'])

const RAW_WRITE = /\b(?:insert\s+into|merge\s+into|update|delete\s+from)\s+(?:only\s+)?"?([a-z_][a-z0-9_]*)/gi
const RAW_READ = /\b(?:from|join|using)\s+(?:only\s+)?"?([a-z_][a-z0-9_]*)/gi

/** 'public.kpis as k' → 'kpis'. */
function tableOf(reference: string) {
  const [name = ''] = reference.trim().split(/\s+as\s+/i)
  return name.split('.').pop()!.replace(/"/g, '')
}

function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text
  return undefined
}

function isSqlTag(tag: ts.Expression) {
  return (
    (ts.isIdentifier(tag) && tag.text === 'sql') ||
    (ts.isPropertyAccessExpression(tag) && tag.name.text === 'raw')
  )
}

type ScannedFile = { references: TableReference[]; queryStarts: { line: number; via: string }[] }

/** Every table a file names in a query: Kysely builder calls (aliases, arrays, subqueries, CTE bodies) and raw sql`…`. */
function scanSource(fileName: string, source: string): ScannedFile {
  const sourceFile = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX)
  const references: TableReference[] = []
  const queryStarts: ScannedFile['queryStarts'] = []
  const lineOf = (node: ts.Node) => sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1

  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text
      const owner = node.expression.expression
      const isSqlTable = method === 'table' && ts.isIdentifier(owner) && owner.text === 'sql'
      if (READ_METHODS.has(method) || WRITE_METHODS.has(method) || isSqlTable) {
        const [first] = node.arguments
        const names = !first
          ? []
          : ts.isArrayLiteralExpression(first)
            ? first.elements.map(literalText)
            : [literalText(first)]
        for (const name of names)
          if (name !== undefined)
            references.push({
              table: tableOf(name),
              write: WRITE_METHODS.has(method),
              line: lineOf(node),
              via: method,
            })
      }
      if (QUERY_START_METHODS.has(method))
        queryStarts.push({ line: lineOf(node.expression.name), via: method })
    }
    if (ts.isTaggedTemplateExpression(node) && isSqlTag(node.tag)) {
      const template = node.template
      const text = ts.isNoSubstitutionTemplateLiteral(template)
        ? template.text
        : [template.head.text, ...template.templateSpans.map((span) => span.literal.text)].join(' ${} ')
      const line = lineOf(node)
      for (const match of text.matchAll(RAW_WRITE))
        references.push({ table: match[1]!.toLowerCase(), write: true, line, via: 'sql' })
      for (const match of text.matchAll(RAW_READ))
        references.push({ table: match[1]!.toLowerCase(), write: false, line, via: 'sql' })
      queryStarts.push({ line, via: 'sql' })
    }
    ts.forEachChild(node, visit)
  }
  visit(sourceFile)
  return { references, queryStarts }
}

// ---------------------------------------------------------------------------------------------------
// The rules.

type Owners = ReadonlyMap<string, string>

/** Where a file queries what it may not: one line per breach. */
function breachesOf(file: string, scanned: ScannedFile, owners: Owners): string[] {
  const area = file.startsWith(`${MODELS}/`) && file.split('/').length > 3 ? file.split('/')[2]! : undefined
  if (!area && !MAY_QUERY_AUTH_TABLES(file))
    // Any query at all, whatever it names: routes, components and the rest call model functions.
    return scanned.queryStarts.map(
      (start) =>
        `${file}:${start.line} ${start.via}: queries the database directly; call a model function instead`,
    )
  const breaches: string[] = []
  for (const reference of scanned.references) {
    const owner = owners.get(reference.table)
    if (!owner) continue // a CTE, an alias or a word that is not a table
    const at = `${file}:${reference.line} ${reference.via}('${reference.table}')`
    if (!area) {
      if (!AUTH_TABLES.has(reference.table)) breaches.push(`${at}: only the auth tables may be queried here`)
    } else if (owner === area) continue
    else if (owner === 'foundation' && SPINE_TABLES.has(reference.table) && !reference.write) continue
    else
      breaches.push(
        `${at}: ${reference.write ? 'writes' : 'reads'} the ${owner} area's table; call a function exported by app/models/${owner}/`,
      )
  }
  return [...new Set(breaches)]
}

// ---------------------------------------------------------------------------------------------------
// The files.

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { withFileTypes: true })
    .flatMap((entry) => {
      const relative = `${dir}/${entry.name}`
      if (entry.isDirectory()) return sourceFiles(relative)
      return /\.tsx?$/.test(entry.name) ? [relative] : []
    })
    .sort()
}
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8')

const areas = fs
  .readdirSync(path.join(ROOT, MODELS), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()

/** Table name → the area whose tables.ts declares it, from each area's exported `<Area>Tables` interface. */
function tableOwners() {
  const owners = new Map<string, string>()
  const duplicates: string[] = []
  const missing: string[] = []
  for (const area of areas) {
    const file = `${MODELS}/${area}/tables.ts`
    if (!fs.existsSync(path.join(ROOT, file))) {
      missing.push(file)
      continue
    }
    const sourceFile = ts.createSourceFile(file, read(file), ts.ScriptTarget.Latest, true)
    const declarations = sourceFile.statements.filter(
      (statement): statement is ts.InterfaceDeclaration =>
        ts.isInterfaceDeclaration(statement) &&
        /Tables$/.test(statement.name.text) &&
        Boolean(statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)),
    )
    if (!declarations.length) missing.push(`${file} (no exported <Area>Tables interface)`)
    for (const declaration of declarations)
      for (const member of declaration.members) {
        if (!member.name || !(ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) continue
        const table = member.name.text
        if (owners.has(table)) duplicates.push(`${table}: ${owners.get(table)} and ${area}`)
        owners.set(table, area)
      }
  }
  return { owners, duplicates, missing }
}

const appFiles = sourceFiles('app')

describe('the scanner finds what a query names', () => {
  const owners = new Map([
    ['kpis', 'kpi'],
    ['kpi_targets', 'kpi'],
    ['sprints', 'delivery'],
    ['business_cases', 'accountability'],
    ['users', 'foundation'],
    ['initiatives', 'foundation'],
    ['sellers', 'foundation'],
  ])
  const model = 'app/models/accountability/example.server.ts'
  const breaches = (source: string, file = model) => breachesOf(file, scanSource(file, source), owners)

  test('builder calls, aliases, arrays, joins, subqueries and CTE bodies', () => {
    expect(breaches(`db.selectFrom('kpis as k').selectAll()`)).toHaveLength(1)
    expect(breaches(`db.selectFrom(['business_cases', 'sprints as s'])`)).toHaveLength(1)
    expect(
      breaches(`db.selectFrom('business_cases').innerJoin('kpi_targets as t', 't.x', 'y')`),
    ).toHaveLength(1)
    expect(
      breaches(
        `db.with('recent', (qb) => qb.selectFrom('sprints').selectAll()).selectFrom('recent').selectAll()`,
      ),
    ).toHaveLength(1)
    expect(
      breaches(
        `db.selectFrom('business_cases').where((eb) => eb.exists(eb.selectFrom('kpis').select('id')))`,
      ),
    ).toHaveLength(1)
    expect(
      breaches(`db.selectFrom('business_cases as bc').innerJoin('users as u', 'u.id', 'bc.owner_id')`),
    ).toEqual([])
  })

  test('raw sql names tables too', () => {
    expect(breaches('sql`select 1 from kpis k join sprints s on s.id = k.id`')).toHaveLength(2)
    expect(breaches('sql`select 1 from business_cases where x is distinct from ${y}`')).toEqual([])
  })

  test('the foundation spine may be read, not written, from another area', () => {
    expect(breaches(`trx.selectFrom('initiatives').selectAll()`)).toEqual([])
    expect(breaches(`trx.updateTable('initiatives').set({ stage: 'pilot' })`)).toHaveLength(1)
    expect(breaches('sql`insert into sellers (seller_id) values (1)`')).toHaveLength(1)
    expect(breaches(`trx.updateTable('users').set({})`, 'app/models/foundation/user.server.ts')).toEqual([])
  })

  test('routes and components never query; auth may query only its tables', () => {
    expect(breaches(`db.selectFrom('users').selectAll()`, 'app/routes/_index.tsx')).toHaveLength(1)
    expect(breaches('sql`select 1`.execute(db)', 'app/components/x.tsx')).toHaveLength(1)
    expect(breaches(`db.selectFrom('users').selectAll()`, 'app/auth/session.server.ts')).toEqual([])
    expect(breaches(`db.selectFrom('kpis').selectAll()`, 'app/auth/session.server.ts')).toHaveLength(1)
  })
})

describe('areas', () => {
  const { owners, duplicates, missing } = tableOwners()

  test('each area folder declares its own tables, and no table is declared by two areas', () => {
    expect(missing).toEqual([])
    expect(duplicates).toEqual([])
    expect(owners.size).toBeGreaterThan(0)
  })

  test("a model queries its own area's tables (and reads the foundation's spine); routes and components never query", () => {
    const breaches = appFiles.flatMap((file) => breachesOf(file, scanSource(file, read(file)), owners))
    expect(breaches).toEqual([])
  })

  test(`app/models/ holds the area folders and at most ${MAX_SHARED_MODEL_FILES} shared files`, () => {
    const shared = fs
      .readdirSync(path.join(ROOT, MODELS), { withFileTypes: true })
      .filter((entry) => !entry.isDirectory())
      .map((entry) => entry.name)
    expect(shared.length).toBeLessThanOrEqual(MAX_SHARED_MODEL_FILES)
  })
})

// ---------------------------------------------------------------------------------------------------
// Import cycles.

const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx']

function importsOf(file: string, known: ReadonlySet<string>): string[] {
  const sourceFile = ts.createSourceFile(file, read(file), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX)
  const specifiers: string[] = []
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      const specifier = literalText(node.moduleSpecifier)
      if (specifier) specifiers.push(specifier)
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const specifier = node.arguments[0] && literalText(node.arguments[0])
      if (specifier) specifiers.push(specifier)
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const specifier = literalText(node.argument.literal)
      if (specifier) specifiers.push(specifier)
    }
    ts.forEachChild(node, visit)
  }
  visit(sourceFile)
  return specifiers.flatMap((specifier) => {
    const base = specifier.startsWith('~/')
      ? `app/${specifier.slice(2)}`
      : specifier.startsWith('.')
        ? path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier))
        : undefined
    const target =
      base === undefined
        ? undefined
        : EXTENSIONS.map((extension) => base + extension).find((candidate) => known.has(candidate))
    return target ? [target] : []
  })
}

/** Strongly connected components with a cycle in them (Tarjan), each as one cycle path through it. */
function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const onStack = new Set<string>()
  const stack: string[] = []
  const components: string[][] = []
  const connect = (node: string) => {
    index.set(node, counter)
    low.set(node, counter++)
    stack.push(node)
    onStack.add(node)
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        connect(next)
        low.set(node, Math.min(low.get(node)!, low.get(next)!))
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!))
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = []
      let member: string
      do {
        member = stack.pop()!
        onStack.delete(member)
        component.push(member)
      } while (member !== node)
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) components.push(component)
    }
  }
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) connect(node)
  return components.map((component) => cyclePathIn(graph, new Set(component)))
}

/** One cycle through a strongly connected component, for a readable message: a → b → … → a. */
function cyclePathIn(graph: ReadonlyMap<string, readonly string[]>, component: ReadonlySet<string>) {
  const start = [...component].sort()[0]!
  const previous = new Map<string, string>()
  const queue = [start]
  while (queue.length) {
    const node = queue.shift()!
    for (const next of graph.get(node) ?? []) {
      if (!component.has(next)) continue
      if (next === start) {
        const path: string[] = []
        for (let at = node; at !== start; at = previous.get(at)!) path.unshift(at)
        return [start, ...path, start]
      }
      if (!previous.has(next) && next !== start) {
        previous.set(next, node)
        queue.push(next)
      }
    }
  }
  return [...component]
}

describe('imports', () => {
  test('the cycle finder finds cycles', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['d']],
      ['e', ['a']],
    ])
    expect(cyclesOf(graph).map((cycle) => cycle.join(' -> '))).toEqual(['a -> b -> c -> a', 'd -> d'])
    expect(
      cyclesOf(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
    ).toEqual([])
  })

  test('app/ has no import cycles', () => {
    const known = new Set(appFiles)
    const graph = new Map(appFiles.map((file) => [file, importsOf(file, known)]))
    expect(cyclesOf(graph).map((cycle) => cycle.join(' -> '))).toEqual([])
  })
})
