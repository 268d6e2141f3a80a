import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { API_SCOPES } from '~/models/foundation/api-key.schema'
import { openApiDocument } from '~/models/openapi'

// The generated OpenAPI document is well-formed: every $ref resolves, every operation is complete,
// and every API route of the app is described (and nothing else). No OpenAPI 3.1 meta-schema ships
// with an installed package, so its structure is checked here rather than by a JSON Schema validator.

type Json = Record<string, unknown>
const document = openApiDocument('https://tenfold.example') as unknown as Json
const paths = document.paths as Record<string, Record<string, Json>>
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const
const operations = Object.entries(paths).flatMap(([path, item]) =>
  METHODS.filter((method) => item[method]).map((method) => ({ path, method, operation: item[method]! })),
)

function refsIn(node: unknown, at = '#'): { ref: string; at: string }[] {
  if (Array.isArray(node)) return node.flatMap((item, index) => refsIn(item, `${at}/${index}`))
  if (typeof node !== 'object' || node === null) return []
  return Object.entries(node).flatMap(([key, value]) =>
    key === '$ref' && typeof value === 'string' ? [{ ref: value, at }] : refsIn(value, `${at}/${key}`),
  )
}
function resolvePointer(pointer: string): unknown {
  if (!pointer.startsWith('#/')) return undefined
  return pointer
    .slice(2)
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>((node, part) => (node as Json | undefined)?.[part], document)
}

describe('the generated OpenAPI document', () => {
  test('is OpenAPI 3.1 with info, a server, the bearer scheme and components', () => {
    expect(document).toMatchObject({
      openapi: '3.1.0',
      info: { title: 'Tenfold API', version: '1' },
      servers: [{ url: 'https://tenfold.example' }],
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } },
    })
    expect(Object.keys((document.components as Json).schemas as Json).length).toBeGreaterThan(5)
  })

  test('every $ref resolves', () => {
    const refs = refsIn(document)
    expect(refs.length).toBeGreaterThan(5)
    expect(refs.filter(({ ref }) => resolvePointer(ref) === undefined)).toEqual([])
  })

  test('every component schema is used', () => {
    const used = new Set(refsIn(document).map(({ ref }) => ref))
    const schemas = Object.keys((document.components as Json).schemas as Json)
    expect(schemas.filter((name) => !used.has(`#/components/schemas/${name}`))).toEqual([])
  })

  test.each(operations.map((entry) => [`${entry.method} ${entry.path}`, entry] as const))(
    '%s is complete',
    (_, { path, operation }) => {
      const responses = operation.responses as Record<string, Json>
      expect(Object.keys(responses)).toContain('200')
      expect(Object.keys(responses)).toEqual(expect.arrayContaining(['401', '403']))
      for (const [status, response] of Object.entries(responses)) {
        expect(status).toMatch(/^[1-5]\d\d$/)
        expect(response.description, `${path} ${status}`).toEqual(expect.any(String))
        expect(Object.keys(response.content as Json), `${path} ${status}`).toEqual(['application/json'])
      }
      expect(operation.operationId).toMatch(/^[a-z][A-Za-z]+$/)
      expect(operation.summary).toEqual(expect.any(String))
      expect(operation.tags).toHaveLength(1)
      const tags = (document.tags as { name: string }[]).map((tag) => tag.name)
      expect(tags).toContain((operation.tags as string[])[0])
      // One scope of the bearer scheme, and a scope keys can have.
      const security = operation.security as Record<string, string[]>[]
      expect(security).toHaveLength(1)
      expect(Object.keys(security[0]!)).toEqual(['bearerAuth'])
      expect(API_SCOPES).toContain(security[0]!.bearerAuth![0])
      // Every {param} of the path is a required path parameter, and there are no others.
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1])
      const parameters = (operation.parameters ?? []) as { name: string; in: string; required?: boolean }[]
      const inPath = parameters.filter((parameter) => parameter.in === 'path')
      expect(inPath.map((parameter) => parameter.name)).toEqual(templated)
      expect(inPath.every((parameter) => parameter.required)).toBe(true)
      const body = operation.requestBody as { content: Record<string, Json> } | undefined
      for (const media of Object.values(body?.content ?? {})) expect(media.schema).toBeDefined()
    },
  )

  test('operation ids are unique', () => {
    const ids = operations.map(({ operation }) => operation.operationId)
    expect(new Set(ids).size).toBe(ids.length)
  })

  test('describes exactly the API routes of the app, with their methods', () => {
    const routes = new URL('../../../app/routes/', import.meta.url)
    const described = readdirSync(routes)
      .filter((file) => file.startsWith('api.v1.') && !file.startsWith('api.v1.openapi'))
      .flatMap((file) => {
        const path = `/${file
          .replace(/\.tsx?$/, '')
          .split('.')
          // An _index route file answers its folder's path.
          .filter((segment) => segment !== '_index')
          .map((segment) => (segment.startsWith('$') ? `{${segment.slice(1)}}` : segment))
          .join('/')}`
        const source = readFileSync(new URL(file, routes), 'utf8')
        return [
          ...(/export (async )?function loader/.test(source) ? [`get ${path}`] : []),
          ...(/export (async )?function action/.test(source) ? [`post ${path}`] : []),
        ]
      })
    expect(operations.map(({ method, path }) => `${method} ${path}`).sort()).toEqual(described.sort())
  })
})
