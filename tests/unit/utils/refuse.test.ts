import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { DomainError } from '~/utils/domain-error'
import { fields, parseSubmission } from '~/utils/forms'
import { refuseSubmission } from '~/utils/refuse.server'

type Answer<T> = { data: T; init: ResponseInit | null }
const statusOf = (answer: unknown) => (answer as Answer<unknown>).init?.status

const Schema = z.object({ title: fields.text(20), email: fields.email() })
const formData = (entries: Record<string, string>) => {
  const body = new FormData()
  for (const [name, value] of Object.entries(entries)) body.append(name, value)
  return body
}

async function thrown(run: () => unknown) {
  try {
    run()
  } catch (error) {
    return error
  }
  throw new Error('did not throw')
}

describe('refuseSubmission (conform)', () => {
  const submissionOf = (entries: Record<string, string>) =>
    parseWithZod(formData(entries), { schema: Schema })

  test('without an error: the submission’s own errors, 400', () => {
    const submission = submissionOf({ title: '', email: 'someone@example.com' })
    expect(submission.status).toBe('error')
    const answer = refuseSubmission('en', submission) as unknown as Answer<{
      result: { status: string; error: Record<string, string[]> }
    }>
    expect(statusOf(answer)).toBe(400)
    expect(answer.data.result.status).toBe('error')
    // The field's error, and the form's summary ("Please correct the highlighted fields.").
    expect(Object.keys(answer.data.result.error)).toEqual(['title', ''])
  })

  test('invalid input: the errors by field in the user’s language, the extra keys beside them, 400', () => {
    const submission = parseSubmission(formData({ title: '', email: 'nope' }), Schema, 'zh-TW')
    const answer = refuseSubmission('zh-TW', submission, undefined, { intent: 'add' }) as unknown as Answer<{
      intent: string
      fieldErrors: Record<string, string[]>
      formError: string | null
    }>
    expect(statusOf(answer)).toBe(400)
    expect(answer.data).toMatchObject({
      intent: 'add',
      fieldErrors: { title: ['此欄位為必填。'], email: [expect.any(String)] },
      formError: '請修正標示的欄位。',
    })
  })

  test('a list row added or removed without JavaScript: the form again, nothing wrong, 200', () => {
    const Rows = z.object({ rows: z.array(fields.text(20)).min(1) })
    const body = new FormData()
    body.append('__intent__', JSON.stringify({ type: 'insert', payload: { name: 'rows' } }))
    const submission = parseSubmission(body, Rows, 'en')
    expect(submission.status).toBeUndefined()
    const answer = refuseSubmission('en', submission) as unknown as Answer<{
      fieldErrors: unknown
      formError: unknown
    }>
    expect(statusOf(answer)).toBe(200)
    expect(answer.data).toMatchObject({ fieldErrors: null, formError: null })
  })

  test('a field refusal lands on its field, in the user’s language', () => {
    const submission = submissionOf({ title: 'Pilot', email: 'someone@example.com' })
    const taken = new DomainError('users.emailTaken', { field: 'email' })
    const en = refuseSubmission('en', submission, taken) as unknown as Answer<{
      result: { status: string; error: Record<string, string[]>; initialValue: Record<string, unknown> }
      fieldErrors: Record<string, string[]>
    }>
    expect(statusOf(en)).toBe(400)
    expect(en.data.result.status).toBe('error')
    expect(en.data.result.error).toEqual({ email: ['A user with this email already exists.'] })
    expect(en.data.fieldErrors).toEqual({ email: ['A user with this email already exists.'] })
    expect(en.data.result.initialValue).toMatchObject({ title: 'Pilot', email: 'someone@example.com' })
    const zh = refuseSubmission('zh-TW', submission, taken) as unknown as Answer<{
      result: { error: Record<string, string[]> }
    }>
    expect(zh.data.result.error).toEqual({ email: ['已有使用者使用此電子郵件。'] })
  })

  test('a form refusal is a form error, with its status', () => {
    const submission = submissionOf({ title: 'Pilot', email: 'someone@example.com' })
    const locked = new DomainError('accountability.errors.notPending', { status: 409 })
    const answer = refuseSubmission('zh-TW', submission, locked) as unknown as Answer<{
      result: { error: Record<string, string[]> }
      formError: string | null
    }>
    expect(statusOf(answer)).toBe(409)
    expect(answer.data.result.error).toEqual({ '': ['沒有待決議的版本。'] })
    expect(answer.data.formError).toBe('沒有待決議的版本。')
  })

  test('a missing record throws the 404 response; other errors are rethrown', async () => {
    const submission = submissionOf({ title: 'Pilot', email: 'someone@example.com' })
    const missing = await thrown(() =>
      refuseSubmission('en', submission, new DomainError('error.notFound.body', { status: 404 })),
    )
    expect((missing as Response).status).toBe(404)
    const crash = new Error('connection lost')
    expect(await thrown(() => refuseSubmission('en', submission, crash))).toBe(crash)
    expect(await thrown(() => refuseSubmission('en', submission, 'a string'))).toBe('a string')
    // A guard's Response thrown inside the action's try (forbidden()) passes through untouched.
    const forbidden = new Response('Forbidden', { status: 403 })
    expect(await thrown(() => refuseSubmission('en', submission, forbidden))).toBe(forbidden)
  })
})
