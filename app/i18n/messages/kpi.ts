import { defineMessages } from '../define'

export const kpi = defineMessages({})
