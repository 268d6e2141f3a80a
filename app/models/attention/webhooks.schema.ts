import { z } from 'zod'

// A program's chat webhooks: https only; http://127.0.0.1 too when the server allows local receivers
// (TENFOLD_ALLOW_LOCAL_WEBHOOKS, for tests and a receiver on the same machine).

export function webhookUrl(allowLocal: boolean) {
  return z
    .string()
    .trim()
    .max(2000)
    .refine(
      (value) => {
        if (!value) return true
        try {
          const url = new URL(value)
          return (
            url.protocol === 'https:' ||
            (allowLocal && url.protocol === 'http:' && url.hostname === '127.0.0.1')
          )
        } catch {
          return false
        }
      },
      { message: 'attention.webhooks.badUrl' },
    )
    .transform((value) => value || null)
}

export function webhooksSchema(allowLocal: boolean) {
  return z.object({
    // The form says what it is: a post without it (a stray or forged body) saves nothing.
    intent: z.literal('save'),
    teams_url: webhookUrl(allowLocal).optional(),
    slack_url: webhookUrl(allowLocal).optional(),
  })
}
