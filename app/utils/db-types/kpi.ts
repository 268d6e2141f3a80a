// Tables of this capability; filled in by its migration's author.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface KpiTables {}
