import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData } from '@remix-run/react'
import { getUserLocale, requirePermission } from '~/auth/session.server'
import { PageHeader } from '~/components/page'
import { ProgramForm } from '~/components/foundation/program-form'
import { useT } from '~/i18n/react'
import { actorOf } from '~/models/foundation/audit.server'
import { ProgramSchema } from '~/models/foundation/program.schema'
import { createProgram } from '~/models/foundation/program.server'
import { saveOnce } from '~/models/foundation/form-submission.server'
import { db } from '~/utils/db.server'
import { parseSubmission } from '~/utils/forms'
import { redirectWithToast } from '~/utils/toast.server'
import { refuseSubmission } from '~/utils/refuse.server'

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'program:manage')
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'program:manage')
  const locale = await getUserLocale(request)
  const formData = await request.formData()
  return saveOnce(db, { request, user, formData, form: 'program' }, async () => {
    const submission = parseSubmission(formData, ProgramSchema, locale)
    if (submission.status !== 'success') return refuseSubmission(locale, submission)
    const program = await createProgram(db, actorOf(user), submission.value)
    return redirectWithToast(`/programs/${program.id}`, { kind: 'success', message: 'program.created' })
  })
}

export default function NewProgramPage() {
  const actionData = useActionData<typeof action>()
  const t = useT()
  return (
    <section className="narrow">
      <PageHeader title={t('program.new')} />
      <ProgramForm lastResult={actionData?.result} submitLabel={t('action.create')} />
    </section>
  )
}
