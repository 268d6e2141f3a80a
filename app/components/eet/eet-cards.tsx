import type { SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { DataTable, type Column } from '~/components/data-table'
import { FormActions, FormError, TextAreaField, TextField, useSchemaForm } from '~/components/forms'
import { Badge, EmptyState } from '~/components/page'
import { ConfirmButton } from '~/components/confirm-dialog'
import { useFormat, useT } from '~/i18n/react'
import type { Translate } from '~/i18n/translate'
import { EetAddSchema, EetLeaveSchema, ReleaseSchema } from '~/models/eet/eet.schema'
import { affinityFilter, facetOptions, SellerFilters } from './seller-filters'

// The EET page's cards. Each form is on conform with the schema its action parses with; the page hands
// each the action's answer (lastResult) only when that form was the one submitted.

type LastResult = SubmissionResult<string[]> | null | undefined

type Seller = {
  id: string
  seller_id: string
  name: string
  region: string
  segment: string
  team: string
  role: string
  tech_affinity: string
}
type Member = Seller & { joined_on: string; left_on: string | null; user_email: string | null }

/** The roster facts both tables show after the name: region, segment, (team,) role, tech affinity. */
function sellerColumns(t: Translate, { team }: { team: boolean }): Column<Seller>[] {
  return [
    { header: t('eet.field.region'), cell: (seller) => seller.region },
    { header: t('eet.field.segment'), cell: (seller) => seller.segment },
    ...(team ? [{ header: t('eet.field.team'), cell: (seller: Seller) => seller.team }] : []),
    { header: t('eet.field.role'), cell: (seller) => seller.role },
    {
      header: t('eet.field.tech_affinity'),
      cell: (seller) => t(`eet.affinity.${seller.tech_affinity as 'unknown'}`),
    },
  ]
}

/** Ends one member's membership on a day: the date next to the button, its error next to it. */
function LeaveForm({ member, today, lastResult }: { member: Member; today: string; lastResult: LastResult }) {
  const t = useT()
  const { errors, formError, formErrorId } = useSchemaForm(EetLeaveSchema, {
    id: `eet-leave-form-${member.id}`,
    lastResult,
  })
  const dateErrors = errors?.left_on
  const errorId = `eet-leave-${member.id}-error`
  // One row action: the date is chosen in the confirmation dialog of the member being let go.
  return (
    <>
      <ConfirmButton
        fields={{ intent: 'leave', member_id: member.id }}
        className="button-secondary"
        label={t('eet.members.leave')}
        title={t('eet.members.leaveConfirm', { name: member.name })}
        message={t('eet.members.leaveConfirmBody')}
        confirmLabel={t('confirm.end')}
      >
        <label className="field">
          {t('eet.members.leaveOn')}
          <input
            type="date"
            name="left_on"
            defaultValue={today}
            min={member.joined_on}
            aria-invalid={dateErrors?.length ? true : undefined}
            aria-describedby={dateErrors?.length ? errorId : undefined}
            required
          />
        </label>
      </ConfirmButton>
      {dateErrors?.length ? (
        <p className="field-error" id={errorId}>
          {dateErrors.join(' ')}
        </p>
      ) : null}
      <FormError message={formError} id={formErrorId} />
    </>
  )
}

export function EetMembersCard({
  members,
  canManage,
  today,
  leaveResult,
}: {
  members: Member[]
  canManage: boolean
  today: string
  /** The answer to a refused "leave": it belongs to the row of the member it named. */
  leaveResult?: LastResult
}) {
  const t = useT()
  const format = useFormat()
  const current = members.filter((member) => !member.left_on)
  const past = members.filter((member) => member.left_on)
  const resultFor = (member: Member) =>
    leaveResult?.initialValue?.member_id === member.id ? leaveResult : undefined
  const table = (rows: Member[], showLeave: boolean) => (
    <DataTable
      rows={rows}
      rowKey={(member) => member.id}
      columns={[
        {
          header: t('eet.field.name'),
          cell: (member) => (
            <>
              {member.name} <span className="muted">{member.seller_id}</span>{' '}
              {member.user_email ? <Badge tone="info">{t('eet.members.portalUser')}</Badge> : null}
            </>
          ),
        },
        ...sellerColumns(t, { team: true }),
        { header: t('eet.members.joined'), cell: (member) => format.date(member.joined_on) },
        {
          header: showLeave ? (canManage ? t('eet.members.leave') : '') : t('eet.members.left'),
          cell: (member) =>
            member.left_on ? (
              format.date(member.left_on)
            ) : canManage ? (
              <LeaveForm member={member} today={today} lastResult={resultFor(member)} />
            ) : null,
        },
      ]}
    />
  )
  return (
    <section className="card" aria-labelledby="eet-current">
      <h2 id="eet-current">{t('eet.members.current', { count: current.length })}</h2>
      {current.length ? table(current, true) : <EmptyState>{t('eet.members.none')}</EmptyState>}
      {past.length ? (
        <>
          <h3>{t('eet.members.past')}</h3>
          {table(past, false)}
        </>
      ) : null}
    </section>
  )
}

type Candidate = Seller & { hire_date: string | null }

const CANDIDATES_SHOWN = 25

export function EetCandidatesCard({
  candidates,
  facets,
  filter,
  today,
  lastResult,
}: {
  candidates: Candidate[]
  facets: { regions: string[]; segments: string[] }
  filter: { q?: string; region?: string; segment?: string; affinity?: string }
  today: string
  lastResult?: LastResult
}) {
  const t = useT()
  const format = useFormat()
  const { formProps, field, errors, formError, formErrorId } = useSchemaForm(EetAddSchema, {
    id: 'eet-add-form',
    lastResult,
  })
  // A page of reps at a time: the search and the facets narrow the list, "add all shown" adds them in one step.
  const shown = candidates.slice(0, CANDIDATES_SHOWN)
  return (
    <section className="card" aria-labelledby="eet-add">
      <h2 id="eet-add">{t('eet.members.add')}</h2>
      <SellerFilters
        values={filter}
        preventScrollReset
        filters={[
          { name: 'region', label: t('eet.field.region'), options: facetOptions(facets.regions) },
          { name: 'segment', label: t('eet.field.segment'), options: facetOptions(facets.segments) },
          affinityFilter(t),
        ]}
      />
      {candidates.length === 0 ? (
        <EmptyState>{t('eet.members.noCandidates')}</EmptyState>
      ) : (
        <Form method="post" className="form-grid" {...formProps}>
          <input type="hidden" name="intent" value="add" />
          <FormError message={formError} id={formErrorId} />
          {errors?.seller_ids ? (
            <p className="field-error" role="alert">
              {errors.seller_ids.join(' ')}
            </p>
          ) : null}
          <p className="muted">
            {t('eet.members.shownOf', { shown: shown.length, total: candidates.length })}
          </p>
          <DataTable
            rows={shown}
            rowKey={(candidate) => candidate.id}
            columns={[
              {
                header: t('eet.field.name'),
                cell: (candidate) => (
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      name="seller_ids"
                      value={candidate.id}
                      aria-label={t('eet.members.pick', { name: candidate.name })}
                    />
                    {candidate.name}
                  </label>
                ),
              },
              ...sellerColumns(t, { team: false }),
              { header: t('eet.field.hire_date'), cell: (candidate) => format.date(candidate.hire_date) },
            ]}
          />
          <TextField
            label={t('eet.members.joined')}
            type="date"
            defaultValue={today}
            {...field('joined_on')}
          />
          <FormActions>
            <button type="submit">{t('eet.members.addSelected')}</button>
          </FormActions>
        </Form>
      )}
      {shown.length > 1 ? (
        <Form method="post" className="form-actions">
          <input type="hidden" name="intent" value="add" />
          <input type="hidden" name="joined_on" value={today} />
          {shown.map((candidate) => (
            <input key={candidate.id} type="hidden" name="seller_ids" value={candidate.id} />
          ))}
          <button type="submit" className="button-secondary">
            {t('eet.members.addAllShown', { count: shown.length })}
          </button>
        </Form>
      ) : null}
    </section>
  )
}

export function ReleasesCard({
  releases,
  canManage,
  today,
  lastResult,
}: {
  releases: { id: string; version: string; released_on: string; notes: string }[]
  canManage: boolean
  today: string
  lastResult?: LastResult
}) {
  const t = useT()
  const format = useFormat()
  const { formProps, field, formError, formErrorId } = useSchemaForm(ReleaseSchema, {
    id: 'eet-release-form',
    lastResult,
  })
  return (
    <section className="card" aria-labelledby="eet-releases">
      <h2 id="eet-releases">{t('eet.releases.title')}</h2>
      <p className="muted">{t('eet.releases.help')}</p>
      {releases.length ? (
        <dl className="facts">
          {releases.map((release) => (
            <div key={release.id}>
              <dt>
                {release.version} · {format.date(release.released_on)}
              </dt>
              <dd>{release.notes}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <EmptyState>{t('eet.releases.none')}</EmptyState>
      )}
      {canManage ? (
        <Form method="post" className="form-grid" {...formProps}>
          <input type="hidden" name="intent" value="release" />
          <FormError message={formError} id={formErrorId} />
          <TextField label={t('eet.releases.version')} {...field('version')} />
          <TextField
            label={t('eet.releases.releasedOn')}
            type="date"
            defaultValue={today}
            {...field('released_on')}
          />
          <TextAreaField label={t('eet.releases.notes')} rows={2} {...field('notes')} />
          <FormActions>
            <button type="submit">{t('eet.releases.add')}</button>
          </FormActions>
        </Form>
      ) : null}
    </section>
  )
}
