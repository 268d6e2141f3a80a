import type { Role } from '~/utils/db.types'

/** What the shell reads from the root loader (declared here: importing root.tsx would be a cycle). */
export type ShellUser = { id: string; name: string; email: string; role: Role }
export type ShellProgram = { id: string; name: string }
export type ShellPreferences = { theme: 'system' | 'light' | 'dark'; sidebar: 'expanded' | 'collapsed' }
