import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { getUserLocale, requireUser } from '~/auth/session.server'
import { PageHeader } from '~/components/page'
import { useT } from '~/i18n/react'
import { translate } from '~/i18n/translate'
import { parseInline, parseMarkdown } from '~/utils/markdown'
// The definitions ship inside the build (Vite's ?raw), so the page shows exactly the docs of this version.
import metricsSource from '../../docs/metrics.md?raw'

// docs/metrics.md, served to every signed-in user: each page's method text links to its section here.

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tenfold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  const locale = await getUserLocale(request)
  return {
    title: `${translate(locale, 'help.metrics.title')} · Tenfold`,
    blocks: parseMarkdown(metricsSource).filter((block) => !(block.kind === 'heading' && block.level === 1)),
  }
}

function Inline({ text }: { text: string }) {
  return (
    <>
      {parseInline(text).map((part, index) =>
        part.kind === 'code' ? (
          <code key={index}>{part.text}</code>
        ) : part.kind === 'strong' ? (
          <strong key={index}>{part.text}</strong>
        ) : part.kind === 'em' ? (
          <em key={index}>{part.text}</em>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  )
}

export default function MetricsHelpPage() {
  const { blocks } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <>
      <PageHeader title={t('help.metrics.title')} />
      <p className="field-hint">{t('help.metrics.englishOnly')}</p>
      <section className="card metrics-doc" lang="en">
        {blocks.map((block, index) => {
          if (block.kind === 'heading') {
            const Heading = block.level <= 2 ? 'h2' : 'h3'
            return (
              // The sticky top bar would cover a heading the link scrolled to.
              <Heading key={index} id={block.id} style={{ scrollMarginTop: '4.5rem' }}>
                <Inline text={block.text} />
              </Heading>
            )
          }
          if (block.kind === 'paragraph')
            return (
              <p key={index}>
                <Inline text={block.text} />
              </p>
            )
          if (block.kind === 'list')
            return (
              <ul key={index}>
                {block.items.map((item, itemIndex) => (
                  <li key={itemIndex} className={item.depth ? 'nested' : undefined}>
                    <Inline text={item.text} />
                  </li>
                ))}
              </ul>
            )
          return (
            <div
              key={index}
              className="table-wrap"
              role="region"
              aria-label={block.header.join(' · ')}
              tabIndex={0}
            >
              <table>
                <thead>
                  <tr>
                    {block.header.map((cell, cellIndex) => (
                      <th key={cellIndex} scope="col">
                        <Inline text={cell} />
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {block.rows.map((row, rowIndex) => (
                    <tr key={rowIndex}>
                      {row.map((cell, cellIndex) => (
                        <td key={cellIndex}>
                          <Inline text={cell} />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        })}
      </section>
    </>
  )
}
