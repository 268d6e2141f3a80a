import fs from 'node:fs'
import { expect, test } from 'vitest'
import { parseInline, parseMarkdown } from '~/utils/markdown'

// The page that serves docs/metrics.md: every section a page's method text links to exists as an anchor.

const blocks = parseMarkdown(fs.readFileSync('docs/metrics.md', 'utf8'))
const anchors = new Set(blocks.flatMap((block) => (block.kind === 'heading' ? [block.id] : [])))

test('the anchors the pages link to are headings of docs/metrics.md', () => {
  const linked = new Set<string>()
  for (const dir of ['app/components', 'app/routes']) {
    for (const file of fs.readdirSync(dir, { recursive: true }) as string[]) {
      if (!/\.tsx?$/.test(file)) continue
      const source = fs.readFileSync(`${dir}/${file}`, 'utf8')
      for (const match of source.matchAll(/<MetricsLink section="([a-z0-9-]+)"/g)) linked.add(match[1]!)
    }
  }
  expect(linked.size).toBeGreaterThan(0)
  expect([...linked].filter((section) => !anchors.has(section))).toEqual([])
})

test('headings, lists with continuation lines, tables and inline code', () => {
  const parsed = parseMarkdown(
    '## Funnel {#funnel}\n\nText one\nline two.\n\n- a `x`\n  continued\n  - nested\n\n| a | b |\n| - | - |\n| 1 | 2 |\n',
  )
  expect(parsed).toEqual([
    { kind: 'heading', level: 2, text: 'Funnel', id: 'funnel' },
    { kind: 'paragraph', text: 'Text one line two.' },
    {
      kind: 'list',
      items: [
        { text: 'a `x` continued', depth: 0 },
        { text: 'nested', depth: 1 },
      ],
    },
    { kind: 'table', header: ['a', 'b'], rows: [['1', '2']] },
  ])
  expect(parseInline('see `a_b` and **bold** and _em_ and [link](x)')).toEqual([
    { kind: 'text', text: 'see ' },
    { kind: 'code', text: 'a_b' },
    { kind: 'text', text: ' and ' },
    { kind: 'strong', text: 'bold' },
    { kind: 'text', text: ' and ' },
    { kind: 'em', text: 'em' },
    { kind: 'text', text: ' and ' },
    { kind: 'text', text: 'link' },
  ])
})
