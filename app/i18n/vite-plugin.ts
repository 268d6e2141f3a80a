import { build } from 'esbuild'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'

// Ships each page only its reader's locale. The catalogue areas keep both languages side by side
// (app/i18n/messages/<area>.ts); for the browser build, catalogue.ts is swapped for
// catalogue.browser.ts, and `virtual:tenfold-catalogue/<locale>` becomes a chunk holding that
// locale's texts alone. Server code and tests keep using catalogue.ts with both languages.

const here = path.dirname(fileURLToPath(import.meta.url))
const SERVER_CATALOGUE = path.join(here, 'catalogue.ts')
const BROWSER_CATALOGUE = path.join(here, 'catalogue.browser.ts')
const MESSAGES = path.join(here, 'messages', 'index.ts')
const PREFIX = 'virtual:tenfold-catalogue/'
const APP = path.dirname(here)
const BOTH_LANGUAGES = path.join(here, 'messages') + path.sep

/** Evaluates the merged catalogue afresh (so that dev picks up edits) and lists its source files. */
async function loadMessages() {
  const bundle = await build({
    entryPoints: [MESSAGES],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    metafile: true,
    logLevel: 'silent',
  })
  const code = bundle.outputFiles[0]?.text ?? ''
  const module = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as {
    messages: Record<string, Record<string, string>>
  }
  const sources = Object.keys(bundle.metafile.inputs).map((input) => path.resolve(input))
  return { messages: module.messages, sources }
}

export function localeCatalogues(): Plugin {
  return {
    name: 'tenfold-locale-catalogues',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (source.startsWith(PREFIX)) return `\0${source}`
      if (options?.ssr || !importer?.startsWith(APP)) return null
      if (!/^[.~/]/.test(source)) return null
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true })
      if (resolved?.id === SERVER_CATALOGUE) return BROWSER_CATALOGUE
      // A module that imports the messages only for their types must not pull both catalogues into a
      // chunk as a side-effect import: the message modules have no effects.
      if (resolved && resolved.id.startsWith(BOTH_LANGUAGES))
        return { id: resolved.id, moduleSideEffects: false }
      return null
    },
    async load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return null
      const locale = id.slice(PREFIX.length + 1)
      const { messages, sources } = await loadMessages()
      for (const source of sources) this.addWatchFile(source)
      const catalogue = Object.fromEntries(
        Object.entries(messages).map(([key, pair]) => {
          const text = pair[locale]
          if (text === undefined) throw new Error(`${key} has no ${locale} text`)
          return [key, text]
        }),
      )
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(catalogue))})`
    },
  }
}
