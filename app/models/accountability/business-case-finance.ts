// The business case's arithmetic: pure, so the edit form previews it live in the browser and the
// server computes the very same numbers for the page, the export and the sponsor's view.
//
// Conventions (stated on the case page too):
// - A benefit line's annual value is the product of its assumptions (e.g. recommendations per year ×
//   conversion uplift × average opportunity value × win rate); it is realised from its start year on,
//   spread evenly over the months of each year.
// - A one-off cost falls in the first month of its year; a recurring cost is paid every year from its
//   year to the end of the horizon, spread evenly over the months.
// - NPV discounts each year's net flow at the end of that year: Σ net_y / (1 + r)^y, y = 1…horizon.
// - ROI is undiscounted: (total benefits − total costs) / total costs; null when nothing is spent.
// - Payback month (1 = first month of year 1) is the month from whose end the cumulative undiscounted
//   net flow stays non-negative to the end of the horizon: when a later cost turns it negative again,
//   payback moves to the month it recovers; null when it is negative at the horizon's end.
// - IRR is the rate r > −100 % at which the NPV above is 0. It is defined only when the yearly net
//   flows (zeros skipped) change sign exactly once: then NPV is monotone in 1/(1 + r) on that side and
//   has one root. With no sign change no rate gives 0; with several, several rates may — both are
//   reported as "not defined" with their reason, never as a number.

export type AssumptionInput = { value: number }
export type BenefitInput = { startYear: number; assumptions: readonly AssumptionInput[] }
export type CostInput = { kind: 'one_off' | 'recurring'; year: number; amount: number }
export type CaseInput = {
  discountRate: number
  horizonYears: number
  benefits: readonly BenefitInput[]
  costs: readonly CostInput[]
}

export type YearFigures = { year: number; benefits: number; costs: number; net: number; discounted: number }
export type CaseFigures = {
  years: YearFigures[]
  totalBenefits: number
  totalCosts: number
  npv: number
  roi: number | null
  paybackMonth: number | null
  irr: Irr
}

export type Irr =
  | { defined: true; rate: number }
  | { defined: false; reason: 'no_sign_change' | 'several_sign_changes'; signChanges: number }

/** Sign changes of the flows, zeros skipped. */
export function signChanges(flows: readonly number[]) {
  const signs = flows.filter((flow) => Math.abs(flow) > 1e-9).map(Math.sign)
  return signs.slice(1).filter((sign, i) => sign !== signs[i]).length
}

/** The IRR of yearly net flows at the ends of years 1…n (see the conventions above). */
export function computeIrr(flows: readonly number[]): Irr {
  const changes = signChanges(flows)
  if (changes !== 1)
    return {
      defined: false,
      reason: changes === 0 ? 'no_sign_change' : 'several_sign_changes',
      signChanges: changes,
    }
  // In x = 1/(1 + r) ∈ (0, ∞) the NPV is a polynomial with one positive root (Descartes); bisect on x.
  const npvAt = (x: number) => flows.reduce((sum, flow, i) => sum + flow * x ** (i + 1), 0)
  let low = 0
  let high = 1
  const lowSign = Math.sign(flows.find((flow) => Math.abs(flow) > 1e-9)!)
  while (Math.sign(npvAt(high)) === lowSign && high < 1e9) high *= 2
  for (let step = 0; step < 200; step++) {
    const mid = (low + high) / 2
    if (Math.sign(npvAt(mid)) === lowSign) low = mid
    else high = mid
  }
  return { defined: true, rate: 1 / ((low + high) / 2) - 1 }
}

/** The annual value of one benefit line: the product of its assumptions (0 with none). */
export function benefitAnnualValue(benefit: Pick<BenefitInput, 'assumptions'>): number {
  if (benefit.assumptions.length === 0) return 0
  return benefit.assumptions.reduce((product, assumption) => product * assumption.value, 1)
}

function benefitsIn(input: CaseInput, year: number) {
  return input.benefits.reduce(
    (sum, benefit) => sum + (year >= benefit.startYear ? benefitAnnualValue(benefit) : 0),
    0,
  )
}

function oneOffIn(input: CaseInput, year: number) {
  return input.costs.reduce(
    (sum, cost) => sum + (cost.kind === 'one_off' && cost.year === year ? cost.amount : 0),
    0,
  )
}

function recurringIn(input: CaseInput, year: number) {
  return input.costs.reduce(
    (sum, cost) => sum + (cost.kind === 'recurring' && year >= cost.year ? cost.amount : 0),
    0,
  )
}

export function computeCase(input: CaseInput): CaseFigures {
  const horizon = Math.max(0, Math.floor(input.horizonYears))
  const years: YearFigures[] = []
  let cumulative = 0
  let paybackMonth: number | null = null
  for (let year = 1; year <= horizon; year++) {
    const benefits = benefitsIn(input, year)
    const oneOff = oneOffIn(input, year)
    const recurring = recurringIn(input, year)
    const costs = oneOff + recurring
    const net = benefits - costs
    years.push({ year, benefits, costs, net, discounted: net / (1 + input.discountRate) ** year })
    for (let month = 1; month <= 12; month++) {
      cumulative += (benefits - recurring) / 12 - (month === 1 ? oneOff : 0)
      // A tolerance for floating-point dust when the flows balance exactly.
      if (paybackMonth === null && cumulative >= -1e-9) paybackMonth = (year - 1) * 12 + month
      else if (cumulative < -1e-9) paybackMonth = null
    }
  }
  const totalBenefits = years.reduce((sum, y) => sum + y.benefits, 0)
  const totalCosts = years.reduce((sum, y) => sum + y.costs, 0)
  return {
    years,
    totalBenefits,
    totalCosts,
    npv: years.reduce((sum, y) => sum + y.discounted, 0),
    roi: totalCosts > 0 ? (totalBenefits - totalCosts) / totalCosts : null,
    paybackMonth,
    irr: computeIrr(years.map((y) => y.net)),
  }
}
