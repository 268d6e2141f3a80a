import { cells, EVERYONE, NOT_FOUND, PUBLIC, SIGNED_IN, type Cells, type RowsModule } from '../types'

const ANON_ONLY: Cells = { ...cells([], 'allow'), anon: 'allow' }
const ADMIN = cells(['admin'])
/** Who can see initiative A (led by `lead`, sponsored by `sponsor`, piloted by `eet_member`). */
const SEES_A = cells(['admin', 'lead', 'sponsor', 'eet_member', 'viewer'])
const EDITS_A = cells(['admin', 'lead'])

export const foundation: RowsModule = {
  rows: {
    'routes/_index': {
      path: () => '/',
      loader: SIGNED_IN,
      // Marking as seen an item no one has: allowed, changes nothing anyone sees.
      action: SIGNED_IN,
      form: () => ({ intent: 'seen', key: 'case.decided:access-check' }),
    },
    'routes/login': {
      path: () => '/login',
      loader: ANON_ONLY,
      action: PUBLIC,
      form: () => ({ email: '', password: '' }),
    },
    // Signing out ends on the sign-in page, whoever asks.
    'routes/logout': { path: () => '/logout', loader: PUBLIC, action: cells([], 'login') },
    // Single sign-on: without OIDC_ISSUER (as here) both answer 404 to everyone; with it, starting is
    // open to anyone and a callback never signs in without its started sign-in
    // (tests/integration/auth/oidc.test.ts checks those cells against a real provider).
    'routes/auth.oidc.start': {
      path: () => '/auth/oidc/start',
      loader: Object.fromEntries(EVERYONE.map((who) => [who, 'login'])) as Cells,
      action: NOT_FOUND,
      form: () => ({ redirectTo: '/' }),
    },
    'routes/auth.oidc.callback': { path: () => '/auth/oidc/callback?code=x&state=y', loader: NOT_FOUND },
    'routes/language': {
      path: () => '/language',
      loader: PUBLIC,
      action: PUBLIC,
      form: () => ({ locale: 'en' }),
    },
    'routes/preferences': {
      path: () => '/preferences',
      loader: PUBLIC,
      action: PUBLIC,
      form: () => ({ theme: 'dark' }),
    },
    'routes/set-password.$token': {
      path: () => '/set-password/not-a-token',
      params: () => ({ token: 'not-a-token' }),
      loader: PUBLIC,
      action: PUBLIC,
      form: () => ({ password: '', confirm: '' }),
    },
    'routes/account.password': {
      path: () => '/account/password',
      loader: SIGNED_IN,
      action: SIGNED_IN,
      form: () => ({}),
    },
    'routes/account.sessions': {
      path: () => '/account/sessions',
      loader: SIGNED_IN,
      action: SIGNED_IN,
      form: () => ({}),
    },
    'routes/account.security': {
      path: () => '/account/security',
      loader: SIGNED_IN,
      action: SIGNED_IN,
      form: () => ({}),
    },
    'routes/account.reauth': {
      path: () => '/account/reauth',
      loader: SIGNED_IN,
      action: SIGNED_IN,
      form: () => ({}),
    },
    // Only a sign-in waiting for its second factor may post; just signed in, the page says so.
    'routes/login_.mfa': {
      path: () => '/login/mfa',
      loader: SIGNED_IN,
      action: cells([], 'login'),
      form: () => ({}),
    },
    'routes/programs._index': { path: () => '/programs', loader: SIGNED_IN },
    'routes/programs.new': { path: () => '/programs/new', loader: ADMIN, action: ADMIN, form: () => ({}) },
    'routes/programs.$programId._index': {
      path: (fx) => `/programs/${fx.programId}`,
      params: (fx) => ({ programId: fx.programId }),
      loader: SIGNED_IN,
      action: ADMIN,
      form: () => ({ intent: 'none' }),
    },
    'routes/programs.$programId.edit': {
      path: (fx) => `/programs/${fx.programId}/edit`,
      params: (fx) => ({ programId: fx.programId }),
      loader: ADMIN,
      action: ADMIN,
      form: () => ({}),
    },
    'routes/initiatives._index': { path: () => '/initiatives', loader: SIGNED_IN },
    // Every hit is scoped by the user's rights (tests/integration/search/search.test.ts).
    'routes/search': { path: () => '/search?q=a', loader: SIGNED_IN },
    'routes/help.metrics': { path: () => '/help/metrics', loader: SIGNED_IN },
    'routes/initiatives.new': {
      path: () => '/initiatives/new',
      loader: cells(['admin', 'lead', 'lead_other']),
      action: cells(['admin', 'lead', 'lead_other']),
      form: () => ({}),
    },
    'routes/initiatives.$initiativeId': {
      path: (fx) => `/initiatives/${fx.initiativeId}`,
      params: (fx) => ({ initiativeId: fx.initiativeId }),
      loader: SEES_A,
    },
    'routes/initiatives.$initiativeId._index': {
      path: (fx) => `/initiatives/${fx.initiativeId}`,
      params: (fx) => ({ initiativeId: fx.initiativeId }),
      loader: SEES_A,
      action: EDITS_A,
      form: () => ({ intent: 'none' }),
    },
    'routes/initiatives.$initiativeId.edit': {
      path: (fx) => `/initiatives/${fx.initiativeId}/edit`,
      params: (fx) => ({ initiativeId: fx.initiativeId }),
      loader: EDITS_A,
      action: EDITS_A,
      form: () => ({}),
    },
    'routes/admin.users._index': { path: () => '/admin/users', loader: ADMIN },
    'routes/admin.users.new': {
      path: () => '/admin/users/new',
      loader: ADMIN,
      action: ADMIN,
      form: () => ({}),
    },
    'routes/admin.users.$userId': {
      path: (fx) => `/admin/users/${fx.users.viewer.id}`,
      params: (fx) => ({ userId: fx.users.viewer.id }),
      loader: ADMIN,
      action: ADMIN,
      form: () => ({ intent: 'none' }),
    },
    'routes/admin.audit': { path: () => '/admin/audit', loader: ADMIN },
    'routes/admin.audit.export': {
      path: () => '/admin/audit/export?from=2026-01-01&to=2026-02-01',
      loader: ADMIN,
    },
    'routes/admin.api-keys': {
      path: () => '/admin/api-keys',
      loader: ADMIN,
      action: ADMIN,
      form: () => ({ intent: 'create' }),
    },
    'routes/$': {
      path: () => '/no-such-page',
      params: () => ({ '*': 'no-such-page' }),
      loader: NOT_FOUND,
      action: NOT_FOUND,
    },
  },
}
