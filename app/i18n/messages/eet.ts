import { defineMessages } from '../define'

export const eet = defineMessages({})
