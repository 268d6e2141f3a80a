import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { PageHeader } from '~/components/page'
import { useT } from '~/i18n/react'
import { ATTENTION_KINDS, type AttentionKind } from '~/models/attention/kinds'
import { readUnsubscribeToken } from '~/models/attention/outbox.server'
import { unsubscribe } from '~/models/attention/preferences.server'
import { db } from '~/utils/db.server'
import { assertSameOrigin, notFound } from '~/utils/http.server'

// The link at the foot of every email: signed for one user and one kind, usable without signing in.
// Opening it changes nothing (mail scanners open links); the button does.

export const meta: MetaFunction = () => [{ title: 'Unsubscribe · Tenfold' }]

function tokenOf(token: string | undefined) {
  const read = token ? readUnsubscribeToken(token) : null
  if (!read || !ATTENTION_KINDS.includes(read.kind as AttentionKind)) notFound()
  return read as { userId: string; kind: AttentionKind }
}

export async function loader({ params }: LoaderFunctionArgs) {
  return { kind: tokenOf(params.token).kind }
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request)
  const { userId, kind } = tokenOf(params.token)
  if (!(await unsubscribe(db, userId, kind))) notFound()
  return { done: true }
}

export default function UnsubscribePage() {
  const { kind } = useLoaderData<typeof loader>()
  const done = useActionData<typeof action>()?.done
  const t = useT()
  return (
    <section className="narrow">
      <PageHeader title={t('attention.unsubscribe.title')} subtitle={t(`attention.kindLabel.${kind}`)} />
      {done ? (
        <p role="status">{t('attention.unsubscribe.done')}</p>
      ) : (
        <Form method="post">
          <p>{t('attention.unsubscribe.confirm')}</p>
          <button type="submit">{t('attention.unsubscribe.button')}</button>
        </Form>
      )}
    </section>
  )
}
