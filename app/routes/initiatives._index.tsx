import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { can } from '~/auth/permissions'
import { requireUser } from '~/auth/session.server'
import { InitiativeTable } from '~/components/foundation/initiative-table'
import { PageHeader } from '~/components/page'
import { useT } from '~/i18n/react'
import { STAGES } from '~/models/foundation/initiative.schema'
import { listInitiatives } from '~/models/foundation/initiative.server'
import { listPrograms } from '~/models/foundation/program.server'
import { db } from '~/utils/db.server'

const FilterSchema = z.object({
  program: z.uuid().optional().catch(undefined),
  stage: z.enum(STAGES).optional().catch(undefined),
  archived: z.literal('on').optional().catch(undefined),
  mine: z.literal('on').optional().catch(undefined),
})

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const filter = FilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const [initiatives, programs] = await Promise.all([
    listInitiatives(db, user, {
      programId: filter.program,
      stage: filter.stage,
      includeArchived: filter.archived === 'on',
      mine: filter.mine === 'on',
    }),
    listPrograms(db),
  ])
  return {
    initiatives,
    programs: programs.map((p) => ({ id: p.id, name: p.name })),
    filter,
    canCreate: can(user.role, 'initiative:create'),
  }
}

export default function InitiativesPage() {
  const { initiatives, programs, filter, canCreate } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <>
      <PageHeader
        title={t('initiative.list.title')}
        subtitle={t('initiative.list.subtitle')}
        actions={
          canCreate ? (
            <Link className="button" to="/initiatives/new">
              {t('initiative.new')}
            </Link>
          ) : null
        }
      />
      <Form method="get" className="filters">
        <label>
          {t('initiative.program')}
          <select name="program" defaultValue={filter.program ?? ''}>
            <option value="">{t('common.all')}</option>
            {programs.map((program) => (
              <option key={program.id} value={program.id}>
                {program.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('initiative.stage')}
          <select name="stage" defaultValue={filter.stage ?? ''}>
            <option value="">{t('common.all')}</option>
            {STAGES.map((stage) => (
              <option key={stage} value={stage}>
                {t(`stage.${stage}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" name="mine" defaultChecked={filter.mine === 'on'} />
          {t('initiative.mine')}
        </label>
        <label className="checkbox">
          <input type="checkbox" name="archived" defaultChecked={filter.archived === 'on'} />
          {t('common.showArchived')}
        </label>
        <button type="submit" className="button-secondary">
          {t('action.filter')}
        </button>
      </Form>
      <InitiativeTable initiatives={initiatives} emptyText={t('initiative.none')} />
    </>
  )
}
