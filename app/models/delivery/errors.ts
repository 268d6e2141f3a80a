import type { MessageKey } from '~/i18n/translate'

/** A refused delivery action: a catalogue key for the user, and the field it belongs to (if any). */
export class DeliveryError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly field: string = '_form',
  ) {
    super(key)
  }
}
