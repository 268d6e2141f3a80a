import { defineMessages } from '../define'

export const accountability = defineMessages({})
