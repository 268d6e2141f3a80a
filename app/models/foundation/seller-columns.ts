// The columns of a seller that a roster import sets (besides its seller_id), in the order the import's
// upsert binds them. The roster file's columns (eet/roster.schema) are these after the seller_id.

export const SELLER_ROSTER_COLUMNS = [
  'name',
  'email',
  'region',
  'segment',
  'team',
  'manager_id',
  'hire_date',
  'role',
  'tech_affinity',
  'eligible',
] as const
