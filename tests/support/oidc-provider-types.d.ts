// The few parts of oidc-provider (which ships no types) that tests/support/oidc-provider.ts uses.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http'

  export type Configuration = Record<string, unknown>
  export type KoaContextWithOIDC = {
    type: string
    body: unknown
    oidc: {
      client?: { clientId: string }
      session?: { accountId?: string; grantIdFor(clientId: string): string | undefined }
      provider: Provider
    }
  }
  class Grant {
    constructor(init: { clientId: string; accountId: string })
    addOIDCScope(scope: string): void
    save(): Promise<string>
    static find(id: string): Promise<Grant | undefined>
  }
  class IdToken {
    issue(options?: { use?: string; expiresAt?: number }): Promise<string>
    set(key: string, value: unknown): void
  }
  export default class Provider {
    constructor(issuer: string, configuration: Configuration)
    callback(): (req: IncomingMessage, res: ServerResponse) => void
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<{ uid: string }>
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: unknown,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>
    Grant: typeof Grant
    IdToken: typeof IdToken
    Client: { find(id: string): Promise<unknown> }
  }
}
