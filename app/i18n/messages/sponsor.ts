import { defineMessages } from '../define'

export const sponsor = defineMessages({})
