import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { getUserLocale, requirePermission } from '~/auth/session.server'
import { FormActions, FormError, FormFields, useSchemaForm } from '~/components/forms'
import { PageHeader } from '~/components/page'
import { useT } from '~/i18n/react'
import { getProgramWebhooks, saveProgramWebhooks } from '~/models/attention/preferences.server'
import { webhooksSchema } from '~/models/attention/webhooks.schema'
import { getProgram } from '~/models/foundation/program.server'
import { db } from '~/utils/db.server'
import { env } from '~/utils/env.server'
import { parseSubmission } from '~/utils/forms'
import { notFound } from '~/utils/http.server'
import { refuseSubmission } from '~/utils/refuse.server'
import { redirectWithToast } from '~/utils/toast.server'

// A program's Microsoft Teams and Slack incoming webhooks, for program-wide events.

async function findProgram(id: string | undefined) {
  const program = z.uuid().safeParse(id).success ? await getProgram(db, id!) : undefined
  if (!program) notFound()
  return program
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'program:manage')
  const program = await findProgram(params.programId)
  const webhooks = await getProgramWebhooks(db, program.id)
  return { program, webhooks: webhooks ?? null, allowLocal: env().TENFOLD_ALLOW_LOCAL_WEBHOOKS }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requirePermission(request, 'program:manage')
  const program = await findProgram(params.programId)
  const locale = await getUserLocale(request)
  const schema = webhooksSchema(env().TENFOLD_ALLOW_LOCAL_WEBHOOKS)
  const submission = parseSubmission(await request.formData(), schema, locale)
  if (submission.status !== 'success') return refuseSubmission(locale, submission)
  const { teams_url, slack_url } = submission.value
  await saveProgramWebhooks(db, admin, program.id, { teams_url, slack_url })
  return redirectWithToast(`/programs/${program.id}`, { kind: 'success', message: 'toast.saved' })
}

export default function ProgramWebhooksPage() {
  const { program, webhooks, allowLocal } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const { formProps, constraints, errors, initial, formError, formErrorId } = useSchemaForm(
    webhooksSchema(allowLocal),
    { lastResult: actionData?.result },
  )
  return (
    <section className="narrow">
      <PageHeader title={t('attention.webhooks.title')} subtitle={program.name} />
      <p className="muted">{t('attention.webhooks.hint')}</p>
      <Form method="post" className="card form-grid" {...formProps}>
        <FormError message={formError} id={formErrorId} />
        <input type="hidden" name="intent" value="save" />
        <FormFields
          initial={initial}
          constraints={constraints}
          errors={errors}
          fields={[
            {
              name: 'teams_url',
              label: t('attention.webhooks.teams'),
              defaultValue: webhooks?.teams_url ?? '',
            },
            {
              name: 'slack_url',
              label: t('attention.webhooks.slack'),
              defaultValue: webhooks?.slack_url ?? '',
            },
          ]}
        />
        <FormActions>
          <button type="submit">{t('action.save')}</button>
        </FormActions>
      </Form>
    </section>
  )
}
