import { defineMessages } from '../define'

export const recommendations = defineMessages({})
