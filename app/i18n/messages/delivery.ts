import { defineMessages } from '../define'

export const delivery = defineMessages({})
