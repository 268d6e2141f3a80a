import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['build/**', 'build-*/**', 'node_modules/**', 'data/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['db/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  // Migrations never import app code: they must keep working as the app changes.
  {
    files: ['db/migrations/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['~/*', '../../app/*'] }] },
  },
  { files: ['*.js'], languageOptions: { globals: { process: 'readonly' } } },
)
