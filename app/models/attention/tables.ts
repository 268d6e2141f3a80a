import type { ColumnType, Generated } from 'kysely'

// Tables of the attention area (notifications: migration 2026_11_27_1740_create_eet_feedback, moved here
// from the EET area; the rest: 2026_12_04_1900_create_attention; the scheduler's:
// 2026_12_05_1900_add_attention_schedule).

type CreatedAt = ColumnType<Date, Date | string | undefined, never>
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>

/** How a person wants to hear about one kind: in the app only, by email, in chat, in the digest, or not at all. */
export type DeliveryChoice = 'in_app' | 'email' | 'chat' | 'digest' | 'off'
export type OutboxChannel = 'email' | 'teams' | 'slack'
/** kept: an email recorded instead of sent because no SMTP server is configured. */
export type OutboxStatus = 'pending' | 'sent' | 'kept' | 'dead'

export interface NotificationsTable {
  id: Generated<string>
  user_id: string
  kind: string
  /** jsonb: insert JSON.stringify(value). */
  payload: ColumnType<Record<string, unknown>, string | undefined, string>
  link: string | null
  entity_type: string | null
  entity_id: string | null
  read_at: Date | null
  created_at: CreatedAt
}

export interface AttentionAcknowledgementsTable {
  user_id: string
  item_key: string
  at: CreatedAt
}

export interface NotificationPreferencesTable {
  user_id: string
  kind: string
  channel: DeliveryChoice
  updated_at: Timestamp
}

export interface OutboxMessagesTable {
  id: Generated<string>
  idempotency_key: string
  channel: OutboxChannel
  kind: string
  user_id: string | null
  program_id: string | null
  /** An email address or a webhook URL. */
  address: string
  subject: Generated<string>
  body_text: Generated<string>
  body_html: Generated<string>
  /** jsonb: the chat message's JSON body. */
  payload: ColumnType<Record<string, unknown>, string | undefined, string>
  status: Generated<OutboxStatus>
  attempts: Generated<number>
  next_attempt_at: Timestamp
  claimed_until: Date | null
  last_error: string | null
  created_at: CreatedAt
  sent_at: Date | null
  /** jsonb: what to render and attach when the message is sent (a report as PDF). */
  attachment: ColumnType<ReportAttachment | null, string | null | undefined, string | null>
}

export type ReportKind = 'period_report' | 'board_pack'
export type ReportFrequency = 'weekly' | 'monthly'
export type DigestFrequency = 'off' | 'daily' | 'weekly'
export type ReminderStage = '7d' | '1d' | 'due' | 'overdue'

export type ReportAttachment = {
  report: ReportKind
  programId: string
  /** A month (2026-10) the report covers. */
  period: string
  locale: 'en' | 'zh-TW'
  userId: string
}

export interface AttentionSightingsTable {
  user_id: string
  item_key: string
  kind: string
  first_seen_at: CreatedAt
}

export interface AttentionRemindersTable {
  user_id: string
  item_key: string
  stage: ReminderStage
  sent_at: CreatedAt
}

export interface NotificationSettingsTable {
  user_id: string
  digest: ColumnType<DigestFrequency, DigestFrequency | undefined, DigestFrequency>
  digest_hour: ColumnType<number, number | undefined, number>
  quiet_from: number | null
  quiet_to: number | null
  updated_at: Timestamp
}

export interface ReportSubscriptionsTable {
  user_id: string
  report: ReportKind
  frequency: ReportFrequency
  program_id: string
  created_at: CreatedAt
}

export interface ProgramWebhooksTable {
  program_id: string
  teams_url: string | null
  slack_url: string | null
  updated_by: string | null
  updated_at: Timestamp
}

export interface AttentionTables {
  notifications: NotificationsTable
  attention_acknowledgements: AttentionAcknowledgementsTable
  notification_preferences: NotificationPreferencesTable
  outbox_messages: OutboxMessagesTable
  program_webhooks: ProgramWebhooksTable
  attention_sightings: AttentionSightingsTable
  attention_reminders: AttentionRemindersTable
  notification_settings: NotificationSettingsTable
  report_subscriptions: ReportSubscriptionsTable
}
