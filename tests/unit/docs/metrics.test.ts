import fs from 'node:fs'
import { expect, test } from 'vitest'
import { messages } from '~/i18n/messages'

// Every figure the pages show is defined in docs/metrics.md. A figure is named by a catalogue key of a
// figure family below; a key added to a family (on any branch) fails here until metrics.md defines it
// (the key in backticks in the section that defines it). A new family of figures is added here.

const FIGURE_FAMILIES: RegExp[] = [
  /^recommendations\.stage\./,
  /^recommendations\.rate\./,
  /^recommendations\.adoption\.(eligible|active|adoption_rate|avg_daily_active|avg_weekly_active|stickiness)$/,
  /^recommendations\.adjusted\.(oddsRatio|difference|p)$/,
  /^kpi\.status\./,
  /^kpi\.verdict\./,
  /^accountability\.(npv|roi|payback|irr)$/,
  /^accountability\.realisation\.(planned|realised|variance|onTrajectory|meanActual|assumed|periods|cumulativePlanned|cumulativeRealised)$/,
  /^sponsor\.portfolio\.realisedMoney$/,
  /^sponsor\.report\.realisation$/,
  /^recommendations\.labelled\.rows$/,
  /^delivery\.figure\./,
  /^delivery\.velocity\.(average|predictability)$/,
  /^sponsor\.input\./,
  /^change\.training\.(trained|completionRate|daysToActive|waiting|trainedAdoption|untrainedAdoption|difference)$/,
  /^change\.managers\.(visits|actions|engaged)$/,
]

const metrics = fs.readFileSync('docs/metrics.md', 'utf8')
const defined = new Set([...metrics.matchAll(/`([a-zA-Z_.]+)`/g)].map((match) => match[1]!))
const figures = Object.keys(messages).filter((key) => FIGURE_FAMILIES.some((family) => family.test(key)))

test('the figure families name figures (the list is not empty by mistake)', () => {
  expect(figures.length).toBeGreaterThan(50)
})

test.each(figures)('%s has a definition in docs/metrics.md', (key) => {
  expect(defined.has(key), `add \`${key}\` to its section of docs/metrics.md`).toBe(true)
})
