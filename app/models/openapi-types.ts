/** One area's share of the OpenAPI document: its paths, component schemas and tags. */
export type OpenApiArea = {
  tags?: { name: string; description: string }[]
  paths: Record<string, Record<string, unknown>>
  schemas?: Record<string, unknown>
}
