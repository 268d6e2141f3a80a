import { Form } from '@remix-run/react'
import { FormActions, FormError, TextAreaField, TextField } from '~/components/forms'
import { Badge, EmptyState } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'
import { TECH_AFFINITIES } from '~/models/roster.schema'
import type { FieldErrors } from '~/utils/forms'

type Member = {
  id: string
  seller_id: string
  name: string
  region: string
  segment: string
  team: string
  role: string
  tech_affinity: string
  joined_on: string
  left_on: string | null
  user_email: string | null
}

export function EetMembersCard({
  members,
  canManage,
  today,
  formError,
}: {
  members: Member[]
  canManage: boolean
  today: string
  formError?: string | null
}) {
  const t = useT()
  const format = useFormat()
  const current = members.filter((member) => !member.left_on)
  const past = members.filter((member) => member.left_on)
  const table = (rows: Member[], showLeave: boolean) => (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('eet.field.name')}</th>
            <th scope="col">{t('eet.field.region')}</th>
            <th scope="col">{t('eet.field.segment')}</th>
            <th scope="col">{t('eet.field.team')}</th>
            <th scope="col">{t('eet.field.role')}</th>
            <th scope="col">{t('eet.field.tech_affinity')}</th>
            <th scope="col">{t('eet.members.joined')}</th>
            <th scope="col">
              {showLeave ? (canManage ? t('eet.members.leave') : '') : t('eet.members.left')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((member) => (
            <tr key={member.id}>
              <th scope="row">
                {member.name} <span className="muted">{member.seller_id}</span>{' '}
                {member.user_email ? <Badge tone="info">{t('eet.members.portalUser')}</Badge> : null}
              </th>
              <td>{member.region}</td>
              <td>{member.segment}</td>
              <td>{member.team}</td>
              <td>{member.role}</td>
              <td>{t(`eet.affinity.${member.tech_affinity as 'unknown'}`)}</td>
              <td>{format.date(member.joined_on)}</td>
              <td>
                {member.left_on ? (
                  format.date(member.left_on)
                ) : canManage ? (
                  <Form method="post" className="field-row">
                    <input type="hidden" name="intent" value="leave" />
                    <input type="hidden" name="member_id" value={member.id} />
                    <input
                      type="date"
                      name="left_on"
                      defaultValue={today}
                      min={member.joined_on}
                      aria-label={`${t('eet.members.leaveOn')}: ${member.name}`}
                      required
                    />
                    <button type="submit" className="button-secondary">
                      {t('eet.members.leave')}
                    </button>
                  </Form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
  return (
    <section className="card" aria-labelledby="eet-current">
      <h2 id="eet-current">{t('eet.members.current', { count: current.length })}</h2>
      <FormError message={formError} />
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

type Candidate = {
  id: string
  seller_id: string
  name: string
  region: string
  segment: string
  team: string
  role: string
  tech_affinity: string
  hire_date: string | null
}

export function EetCandidatesCard({
  candidates,
  facets,
  filter,
  today,
  fieldErrors,
  formError,
}: {
  candidates: Candidate[]
  facets: { regions: string[]; segments: string[] }
  filter: { q?: string; region?: string; segment?: string; affinity?: string }
  today: string
  fieldErrors?: FieldErrors | null
  formError?: string | null
}) {
  const t = useT()
  const format = useFormat()
  return (
    <section className="card" aria-labelledby="eet-add">
      <h2 id="eet-add">{t('eet.members.add')}</h2>
      <Form method="get" className="filters" preventScrollReset>
        <label>
          {t('eet.roster.search')}
          <input type="search" name="q" defaultValue={filter.q ?? ''} />
        </label>
        <label>
          {t('eet.field.region')}
          <select name="region" defaultValue={filter.region ?? ''}>
            <option value="">{t('common.all')}</option>
            {facets.regions.map((region) => (
              <option key={region}>{region}</option>
            ))}
          </select>
        </label>
        <label>
          {t('eet.field.segment')}
          <select name="segment" defaultValue={filter.segment ?? ''}>
            <option value="">{t('common.all')}</option>
            {facets.segments.map((segment) => (
              <option key={segment}>{segment}</option>
            ))}
          </select>
        </label>
        <label>
          {t('eet.field.tech_affinity')}
          <select name="affinity" defaultValue={filter.affinity ?? ''}>
            <option value="">{t('common.all')}</option>
            {TECH_AFFINITIES.map((affinity) => (
              <option key={affinity} value={affinity}>
                {t(`eet.affinity.${affinity}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button-secondary">
          {t('action.filter')}
        </button>
      </Form>
      {candidates.length === 0 ? (
        <EmptyState>{t('eet.members.noCandidates')}</EmptyState>
      ) : (
        <Form method="post" className="form-grid">
          <input type="hidden" name="intent" value="add" />
          <FormError message={formError} />
          {fieldErrors?.seller_ids ? (
            <p className="field-error" role="alert">
              {fieldErrors.seller_ids.join(' ')}
            </p>
          ) : null}
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('eet.field.name')}</th>
                  <th scope="col">{t('eet.field.region')}</th>
                  <th scope="col">{t('eet.field.segment')}</th>
                  <th scope="col">{t('eet.field.role')}</th>
                  <th scope="col">{t('eet.field.tech_affinity')}</th>
                  <th scope="col">{t('eet.field.hire_date')}</th>
                </tr>
              </thead>
              <tbody>
                {candidates.map((candidate) => (
                  <tr key={candidate.id}>
                    <th scope="row">
                      <label className="checkbox">
                        <input
                          type="checkbox"
                          name="seller_ids"
                          value={candidate.id}
                          aria-label={t('eet.members.pick', { name: candidate.name })}
                        />
                        {candidate.name}
                      </label>
                    </th>
                    <td>{candidate.region}</td>
                    <td>{candidate.segment}</td>
                    <td>{candidate.role}</td>
                    <td>{t(`eet.affinity.${candidate.tech_affinity as 'unknown'}`)}</td>
                    <td>{format.date(candidate.hire_date)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <TextField
            label={t('eet.members.joined')}
            name="joined_on"
            type="date"
            defaultValue={today}
            required
            errors={fieldErrors}
          />
          <FormActions>
            <button type="submit">{t('eet.members.addSelected')}</button>
          </FormActions>
        </Form>
      )}
    </section>
  )
}

export function ReleasesCard({
  releases,
  canManage,
  today,
  fieldErrors,
}: {
  releases: { id: string; version: string; released_on: string; notes: string }[]
  canManage: boolean
  today: string
  fieldErrors?: FieldErrors | null
}) {
  const t = useT()
  const format = useFormat()
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
        <Form method="post" className="form-grid">
          <input type="hidden" name="intent" value="release" />
          <TextField
            label={t('eet.releases.version')}
            name="version"
            required
            maxLength={40}
            errors={fieldErrors}
          />
          <TextField
            label={t('eet.releases.releasedOn')}
            name="released_on"
            type="date"
            defaultValue={today}
            required
            errors={fieldErrors}
          />
          <TextAreaField
            label={t('eet.releases.notes')}
            name="notes"
            maxLength={500}
            rows={2}
            errors={fieldErrors}
          />
          <FormActions>
            <button type="submit">{t('eet.releases.add')}</button>
          </FormActions>
        </Form>
      ) : null}
    </section>
  )
}
