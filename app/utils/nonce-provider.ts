import { createContext, createElement, useContext, type ReactNode } from 'react'

// The CSP nonce of the response being rendered (app/utils/server-app.server.ts makes one per request):
// Remix's inline scripts carry it. In the browser it is '' (browsers hide a nonce from the DOM anyway).

const NonceContext = createContext('')

export function NonceProvider({ nonce, children }: { nonce: string; children: ReactNode }) {
  return createElement(NonceContext.Provider, { value: nonce }, children)
}

export const useNonce = () => useContext(NonceContext)
