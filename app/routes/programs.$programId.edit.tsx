import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { getUserLocale, requirePermission } from '~/auth/session.server'
import { PageHeader } from '~/components/page'
import { ProgramForm } from '~/components/foundation/program-form'
import { useT } from '~/i18n/react'
import { actorOf } from '~/models/foundation/audit.server'
import { ProgramSchema } from '~/models/foundation/program.schema'
import { getProgram, updateProgram } from '~/models/foundation/program.server'
import { db } from '~/utils/db.server'
import { parseSubmission } from '~/utils/forms'
import { notFound } from '~/utils/http.server'
import { redirectWithToast } from '~/utils/toast.server'
import { refuseSubmission } from '~/utils/refuse.server'

async function findProgram(id: string | undefined) {
  const program = z.uuid().safeParse(id).success ? await getProgram(db, id!) : undefined
  if (!program) notFound()
  return program
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'program:manage')
  return { program: await findProgram(params.programId) }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'program:manage')
  const program = await findProgram(params.programId)
  const locale = await getUserLocale(request)
  const submission = parseSubmission(await request.formData(), ProgramSchema, locale)
  if (submission.status !== 'success') return refuseSubmission(locale, submission)
  await updateProgram(db, actorOf(user), program.id, submission.value)
  return redirectWithToast(`/programs/${program.id}`, { kind: 'success', message: 'toast.saved' })
}

export default function EditProgramPage() {
  const { program } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  return (
    <section className="narrow">
      <PageHeader title={t('program.edit')} subtitle={program.name} />
      <ProgramForm values={program} lastResult={actionData?.result} submitLabel={t('action.save')} />
    </section>
  )
}
