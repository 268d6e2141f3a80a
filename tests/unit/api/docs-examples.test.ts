import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { openApiDocument } from '~/models/openapi'
import { jsonSchemaOf, undeclaredKeys } from './contract'

// Every JSON example in docs/api.md, and every example in the OpenAPI document, must be accepted by
// the zod schema of the request or answer it illustrates and use only the fields that schema declares:
// a schema that changes under an example fails here. In docs/api.md each ```json block follows a marker
// `<!-- example: METHOD /path request|STATUS -->` naming the operation and the part.

const MARKER = /^<!-- example: (GET|POST) (\S+) (request|\d{3}) -->$/
const markdown = readFileSync(new URL('../../../docs/api.md', import.meta.url), 'utf8')

function docsExamples() {
  const lines = markdown.split('\n')
  const examples: { marker: string; method: string; path: string; part: string; json: string }[] = []
  lines.forEach((line, index) => {
    if (line.trim() !== '```json') return
    const previous = lines.slice(0, index).findLast((candidate) => candidate.trim() !== '') ?? ''
    const match = MARKER.exec(previous.trim())
    if (!match) throw new Error(`docs/api.md line ${index + 1}: a json example without an example marker`)
    const end = lines.indexOf('```', index + 1)
    examples.push({
      marker: `${match[1]} ${match[2]} ${match[3]}`,
      method: match[1]!.toLowerCase(),
      path: match[2]!,
      part: match[3]!,
      json: lines.slice(index + 1, end).join('\n'),
    })
  })
  return examples
}

function problemsOf(method: string, path: string, part: string, example: unknown) {
  const schema = jsonSchemaOf(method, path, part)
  const io = part === 'request' ? 'input' : 'output'
  const parsed = schema.safeParse(example)
  return [
    ...(parsed.success
      ? []
      : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)),
    ...undeclaredKeys(schema, example, io).map((at) => `${at} is not in the schema`),
  ]
}

describe('docs/api.md examples', () => {
  const examples = docsExamples()

  test('every endpoint has a worked example of its answer', () => {
    const answered = new Set(examples.filter((e) => e.part === '200').map((e) => `${e.method} ${e.path}`))
    const operations = Object.entries(openApiDocument('http://test').paths ?? {}).flatMap(([path, item]) =>
      (['get', 'post'] as const).filter((method) => item[method]).map((method) => `${method} ${path}`),
    )
    expect(operations.length).toBeGreaterThan(0)
    expect(operations.filter((operation) => !answered.has(operation))).toEqual([])
  })

  test.each(examples.map((example) => [example.marker, example] as const))('%s', (_, example) => {
    const value: unknown = JSON.parse(example.json)
    expect(problemsOf(example.method, example.path, example.part, value)).toEqual([])
  })
})

describe('the examples inside the OpenAPI document', () => {
  const document = openApiDocument('http://test')
  const embedded = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    (['get', 'post'] as const).flatMap((method) => {
      const operation = item[method]
      if (!operation) return []
      const request = operation.requestBody
      const parts = [
        ['request', request && 'content' in request ? request.content : undefined] as const,
        ...Object.entries(operation.responses ?? {}).map(
          ([status, response]) => [status, 'content' in response ? response.content : undefined] as const,
        ),
      ]
      return parts.flatMap(([part, content]) => {
        const example = content?.['application/json']?.example
        return example === undefined
          ? []
          : [{ marker: `${method} ${path} ${part}`, method, path, part, example }]
      })
    }),
  )

  test('there are some', () => expect(embedded.length).toBeGreaterThan(0))
  test.each(embedded.map((example) => [example.marker, example] as const))('%s', (_, example) => {
    expect(problemsOf(example.method, example.path, example.part, example.example)).toEqual([])
  })
})
