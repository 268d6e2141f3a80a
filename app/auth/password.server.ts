import { hash, verify } from '@node-rs/argon2'

// Argon2id with OWASP's minimum parameters (m=19456 KiB, t=2, p=1).
const ARGON2ID = 2
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const

export function hashPassword(password: string) {
  return hash(password, OPTIONS)
}

export async function verifyPassword(passwordHash: string, password: string) {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

/** A hash of a random string: verifying against it costs the same as a real check (no user enumeration by timing). */
let dummyHash: Promise<string> | undefined
export function dummyPasswordHash() {
  dummyHash ??= hashPassword(crypto.randomUUID())
  return dummyHash
}
