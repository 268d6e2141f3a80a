// The article's five key actions, as the items of the sales-digitalization checklist.
export const CHECKLIST = [
  { action: 'leader', items: ['spanner', 'sponsor'] },
  { action: 'accountability', items: ['businessCase', 'kpis', 'governance'] },
  { action: 'team', items: ['teamCoverage'] },
  { action: 'agile', items: ['cadence'] },
  { action: 'change', items: ['eet', 'frontlineManagers', 'variablePay', 'training'] },
] as const
export type ChecklistAction = (typeof CHECKLIST)[number]['action']
export type ChecklistItemKey = (typeof CHECKLIST)[number]['items'][number]
// Every item is judged from the data; the change-management items' judges are in
// app/models/change/checklist-*.server.ts (they were attested by hand, with a note, until each had its data).
