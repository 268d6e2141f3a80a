// A small reader for the project's own Markdown (docs/metrics.md): headings with {#anchor}, paragraphs,
// bullet lists (continuation lines and one level of nesting), pipe tables. Its output is plain data the
// page renders as React elements, so no HTML from the file is ever injected. Pure.

export type MarkdownBlock =
  | { kind: 'heading'; level: number; text: string; id: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: { text: string; depth: number }[] }
  | { kind: 'table'; header: string[]; rows: string[][] }

export type InlinePart = { kind: 'text' | 'code' | 'strong' | 'em'; text: string }

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')

export function parseMarkdown(source: string): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = []
  const lines = source.replace(/\r\n/g, '\n').split('\n')
  let i = 0
  while (i < lines.length) {
    const line = lines[i]!
    const heading = /^(#{1,6})\s+(.*?)(?:\s+\{#([a-z0-9-]+)\})?\s*$/.exec(line)
    if (!line.trim()) {
      i++
    } else if (heading) {
      blocks.push({
        kind: 'heading',
        level: heading[1]!.length,
        text: heading[2]!,
        id: heading[3] ?? slug(heading[2]!),
      })
      i++
    } else if (line.trimStart().startsWith('|')) {
      const rows: string[][] = []
      while (i < lines.length && lines[i]!.trimStart().startsWith('|')) {
        const cells = lines[i]!.trim()
          .replace(/^\||\|$/g, '')
          .split('|')
          .map((cell) => cell.trim())
        if (!cells.every((cell) => /^:?-+:?$/.test(cell))) rows.push(cells)
        i++
      }
      blocks.push({ kind: 'table', header: rows[0] ?? [], rows: rows.slice(1) })
    } else if (/^\s*[-*]\s+/.test(line)) {
      const items: { text: string; depth: number }[] = []
      while (i < lines.length && lines[i]!.trim()) {
        const item = /^(\s*)[-*]\s+(.*)$/.exec(lines[i]!)
        if (item) items.push({ text: item[2]!, depth: item[1]!.length >= 2 ? 1 : 0 })
        else if (items.length) items[items.length - 1]!.text += ` ${lines[i]!.trim()}`
        i++
      }
      blocks.push({ kind: 'list', items })
    } else {
      const text: string[] = []
      while (i < lines.length && lines[i]!.trim() && !/^(#|\s*[-*]\s|\s*\|)/.test(lines[i]!))
        text.push(lines[i++]!.trim())
      blocks.push({ kind: 'paragraph', text: text.join(' ') })
    }
  }
  return blocks
}

/** `code`, **strong** and _em_ spans of one line of text; links are shown as their text. */
export function parseInline(text: string): InlinePart[] {
  const parts: InlinePart[] = []
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*|(?<![\w])_([^_]+)_(?![\w])|\[([^\]]+)\]\([^)]*\)/g
  let last = 0
  for (const match of text.matchAll(pattern)) {
    if (match.index! > last) parts.push({ kind: 'text', text: text.slice(last, match.index) })
    if (match[1] !== undefined) parts.push({ kind: 'code', text: match[1] })
    else if (match[2] !== undefined) parts.push({ kind: 'strong', text: match[2] })
    else if (match[3] !== undefined) parts.push({ kind: 'em', text: match[3] })
    else parts.push({ kind: 'text', text: match[4]! })
    last = match.index! + match[0].length
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) })
  return parts
}
