import { Form } from '@remix-run/react'
import { useT } from '~/i18n/react'
import type { Translate } from '~/i18n/translate'
import { TECH_AFFINITIES } from '~/models/eet/roster.schema'

export type SellerFilter = {
  name: string
  label: string
  options: { value: string; label: string }[]
  /** The first option, which sets no filter ("All" unless given). */
  anyLabel?: string
}

/** Facet values that are their own labels (regions, segments, teams). */
export const facetOptions = (values: string[]) => values.map((value) => ({ value, label: value }))

export const affinityFilter = (t: Translate): SellerFilter => ({
  name: 'affinity',
  label: t('eet.field.tech_affinity'),
  options: TECH_AFFINITIES.map((affinity) => ({ value: affinity, label: t(`eet.affinity.${affinity}`) })),
})

/** The search box and facet selects over the sales roster (roster page, EET candidates), sent as a GET. */
export function SellerFilters({
  values,
  filters,
  preventScrollReset,
}: {
  values: Partial<Record<string, string | number>>
  filters: SellerFilter[]
  preventScrollReset?: boolean
}) {
  const t = useT()
  return (
    <Form method="get" className="filters" preventScrollReset={preventScrollReset}>
      <SellerFilterFields values={values} filters={filters} />
      <button type="submit" className="button-secondary">
        {t('action.filter')}
      </button>
    </Form>
  )
}

/** The fields of the seller filters, for a form of the caller's (the roster's list filters). */
export function SellerFilterFields({
  values,
  filters,
}: {
  values: Partial<Record<string, string | number>>
  filters: SellerFilter[]
}) {
  const t = useT()
  return (
    <>
      <label>
        {t('eet.roster.search')}
        <input type="search" name="q" defaultValue={values.q ?? ''} />
      </label>
      {filters.map((filter) => (
        <label key={filter.name}>
          {filter.label}
          <select name={filter.name} defaultValue={values[filter.name] ?? ''}>
            <option value="">{filter.anyLabel ?? t('common.all')}</option>
            {filter.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      ))}
    </>
  )
}
