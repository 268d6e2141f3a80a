import type { z } from 'zod'
import { createSchema } from 'zod-openapi'
import { AREAS } from '~/models/openapi'

// Helpers for the API contract tests: where an operation's zod schemas are, and which keys of a value
// the schema (as the OpenAPI document renders it) does not declare — zod strips unknown keys, so a
// parse alone would not notice an example that still uses a renamed field.

type JsonSchema = Record<string, unknown>

export function operationOf(method: string, path: string) {
  const operation = AREAS.map((area) => area.paths[path]?.[method as 'get' | 'post']).find(Boolean)
  if (!operation) throw new Error(`No operation ${method.toUpperCase()} ${path} in the OpenAPI areas`)
  return operation
}

/** The zod schema of an operation's JSON request body ('request') or of its answer with `status`. */
export function jsonSchemaOf(method: string, path: string, part: string): z.ZodType {
  const operation = operationOf(method, path)
  const content =
    part === 'request'
      ? operation.requestBody?.content
      : (operation.responses[part as '200'] as { content?: Record<string, { schema?: unknown }> })?.content
  const schema = content?.['application/json']?.schema
  if (!schema || typeof schema !== 'object' || !('_zod' in schema))
    throw new Error(`${method.toUpperCase()} ${path} ${part}: no zod schema for application/json`)
  return schema as z.ZodType
}

/** JSON paths in `value` that the rendered schema does not declare (an empty list: all declared). */
export function undeclaredKeys(schema: z.ZodType, value: unknown, io: 'input' | 'output'): string[] {
  const { schema: root, components } = createSchema(schema, { io })
  const resolve = (node: JsonSchema): JsonSchema =>
    typeof node.$ref === 'string' ? resolve(components[node.$ref.split('/').pop()!] as JsonSchema) : node
  // null: the value is not of this (sub)schema's kind at all, so a union tries its other branches.
  const walk = (raw: JsonSchema, item: unknown, at: string): string[] | null => {
    const node = resolve(raw)
    const branches = (node.anyOf ?? node.oneOf) as JsonSchema[] | undefined
    if (branches) {
      const fits = branches.map((branch) => walk(branch, item, at)).filter((found) => found !== null)
      return fits.find((found) => found.length === 0) ?? fits[0] ?? null
    }
    if (node.type === 'array')
      return Array.isArray(item)
        ? item.flatMap((element, index) => walk(node.items as JsonSchema, element, `${at}[${index}]`) ?? [])
        : null
    if (node.type === 'object') {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) return null
      const properties = (node.properties ?? {}) as Record<string, JsonSchema>
      const extra = node.additionalProperties
      return Object.entries(item).flatMap(([key, field]) => {
        const declared = properties[key] ?? (typeof extra === 'object' ? (extra as JsonSchema) : undefined)
        return declared ? (walk(declared, field, `${at}.${key}`) ?? []) : [`${at}.${key}`]
      })
    }
    return typeof item === 'object' && item !== null ? null : []
  }
  return walk(root as JsonSchema, value, '$') ?? []
}
