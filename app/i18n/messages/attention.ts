import { defineMessages } from '../define'

export const attention = defineMessages({
  'attention.nav.outbox': { en: 'Outbox', 'zh-TW': '寄件匣' },

  // Needs you
  'attention.needsYou.title': { en: 'Needs you', 'zh-TW': '待您處理' },
  'attention.needsYou.empty': {
    en: 'Nothing needs you right now.',
    'zh-TW': '目前沒有需要您處理的事項。',
  },
  'attention.needsYou.count': {
    en: '{count, plural, one {# item needs you} other {# items need you}}',
    'zh-TW': '{count, plural, other {# 項事項待您處理}}',
  },
  'attention.needsYou.due': { en: 'Due {date}', 'zh-TW': '期限 {date}' },
  'attention.needsYou.seen': { en: 'Mark as seen', 'zh-TW': '標為已知悉' },
  'attention.urgency.overdue': { en: 'Overdue', 'zh-TW': '已逾期' },
  'attention.urgency.due': { en: 'Due now', 'zh-TW': '需立即處理' },
  'attention.urgency.soon': { en: 'Soon', 'zh-TW': '即將到期' },
  'attention.urgency.info': { en: 'For your information', 'zh-TW': '供您參考' },
  'attention.errors.notDead': {
    en: 'This message is no longer in the dead-letter list.',
    'zh-TW': '此訊息已不在無法投遞清單中。',
  },
  'attention.errors.notAcknowledgeable': {
    en: 'This item ends when it is acted on; it cannot be dismissed.',
    'zh-TW': '此事項須實際處理後才會消失，無法直接略過。',
  },

  // The kinds: what holds, and what ends it
  'attention.kind.case.submitted': {
    en: 'The business case of {initiative} (version {version}) awaits your decision.',
    'zh-TW': '「{initiative}」的提案理由說明書（第 {version} 版）等待您的決定。',
  },
  'attention.kind.case.changes_requested': {
    en: 'Changes were requested to the business case of {initiative}.',
    'zh-TW': '「{initiative}」的提案理由說明書被要求修改。',
  },
  'attention.kind.case.decided': {
    en: 'The business case of {initiative} was decided: {status}.',
    'zh-TW': '「{initiative}」的提案理由說明書已有決定：{status}。',
  },
  'attention.kind.gate.requested': {
    en: '{initiative} asks to pass the gate from {from} to {to}.',
    'zh-TW': '「{initiative}」申請通過階段關卡：從「{from}」進入「{to}」。',
  },
  'attention.kind.gate.decided': {
    en: 'The gate of {initiative} from {from} to {to} was decided: {status}.',
    'zh-TW': '「{initiative}」從「{from}」進入「{to}」的階段關卡已有決定：{status}。',
  },
  'attention.kind.kpi.stale': {
    en: 'The KPI {kpi} is stale: its last value is for {period}.',
    'zh-TW': 'KPI「{kpi}」的數值已過期：最新數值為 {period}。',
  },
  'attention.kind.kpi.off_track': {
    en: 'The KPI {kpi} is off track ({period}).',
    'zh-TW': 'KPI「{kpi}」已偏離目標（{period}）。',
  },
  'attention.kind.kpi.checkin_due': {
    en: 'A check-in of the KPI {kpi} is due (last value for {period}).',
    'zh-TW': 'KPI「{kpi}」應填報新數值（最新數值為 {period}）。',
  },
  'attention.kind.cycle.phase_warning': {
    en: '{initiative}: the phase “{phase}” of cycle {cycle} has used {percent}% of its budget.',
    'zh-TW': '「{initiative}」：第 {cycle} 輪的「{phase}」階段已用掉預算的 {percent}%。',
  },
  'attention.kind.cycle.phase_overrun': {
    en: '{initiative}: the phase “{phase}” of cycle {cycle} is over its budget ({percent}%).',
    'zh-TW': '「{initiative}」：第 {cycle} 輪的「{phase}」階段已超出預算（{percent}%）。',
  },
  'attention.kind.sprint.ending': {
    en: '{initiative}: sprint {sprint} ends tomorrow.',
    'zh-TW': '「{initiative}」：第 {sprint} 次衝刺將於明天結束。',
  },
  'attention.kind.sprint.slipped': {
    en: '{initiative}: sprint {sprint} closed with {points, number} committed points not done.',
    'zh-TW': '「{initiative}」：第 {sprint} 次衝刺結束時，仍有 {points, number} 點已承諾的工作未完成。',
  },
  'attention.kind.feedback.untriaged': {
    en: '{initiative}: the feedback “{title}” has waited {days, number} days for triage.',
    'zh-TW': '「{initiative}」：回饋「{title}」已等待分類處理 {days, number} 天。',
  },
  'attention.kind.feedback.status': {
    en: 'Your feedback “{title}” ({initiative}) is now {status}.',
    'zh-TW': '您的回饋「{title}」（{initiative}）狀態已變更為「{status}」。',
  },
  'attention.kind.eet.inactive': {
    en: '{initiative}: {rep} has given no feedback for {days, number} days.',
    'zh-TW': '「{initiative}」：{rep} 已 {days, number} 天沒有提出回饋。',
  },
  'attention.kind.initiative.failure_mode': {
    en: '{initiative} is heading into a failure mode: {mode} is red.',
    'zh-TW': '「{initiative}」正走向失敗模式：「{mode}」為紅燈。',
  },
  'attention.kind.governance.review_due': {
    en: 'The governance review “{subject}” is due on {due}.',
    'zh-TW': '治理審查「{subject}」的期限為 {due}。',
  },
  'attention.until.case.submitted': { en: 'Until you decide it.', 'zh-TW': '直到您做出決定。' },
  'attention.until.case.changes_requested': {
    en: 'Until the case is submitted again.',
    'zh-TW': '直到重新送出。',
  },
  'attention.until.case.decided': {
    en: 'Until you mark it seen (or for 14 days).',
    'zh-TW': '直到您標為已知悉（最長 14 天）。',
  },
  'attention.until.gate.requested': { en: 'Until you decide it.', 'zh-TW': '直到您做出決定。' },
  'attention.until.gate.decided': {
    en: 'Until you mark it seen (or for 14 days).',
    'zh-TW': '直到您標為已知悉（最長 14 天）。',
  },
  'attention.until.kpi.stale': { en: 'Until a new value is recorded.', 'zh-TW': '直到填報新數值。' },
  'attention.until.kpi.off_track': {
    en: 'Until a value is back within tolerance.',
    'zh-TW': '直到數值回到容許範圍內。',
  },
  'attention.until.kpi.checkin_due': { en: 'Until the value is recorded.', 'zh-TW': '直到填報數值。' },
  'attention.until.cycle.phase_warning': {
    en: 'Until the phase is closed.',
    'zh-TW': '直到該階段結束。',
  },
  'attention.until.cycle.phase_overrun': {
    en: 'Until the phase is closed.',
    'zh-TW': '直到該階段結束。',
  },
  'attention.until.sprint.ending': { en: 'Until the sprint ends.', 'zh-TW': '直到衝刺結束。' },
  'attention.until.sprint.slipped': {
    en: 'Until you mark it seen (or for 14 days).',
    'zh-TW': '直到您標為已知悉（最長 14 天）。',
  },
  'attention.until.feedback.untriaged': {
    en: 'Until the feedback is triaged.',
    'zh-TW': '直到完成分類處理。',
  },
  'attention.until.feedback.status': {
    en: 'Until you mark it seen (or for 14 days).',
    'zh-TW': '直到您標為已知悉（最長 14 天）。',
  },
  'attention.until.eet.inactive': {
    en: 'Until the rep gives feedback or votes, or you mark it seen.',
    'zh-TW': '直到該業務代表提出回饋或附議，或您標為已知悉。',
  },
  'attention.until.initiative.failure_mode': {
    en: 'Until its health leaves the red band.',
    'zh-TW': '直到健康度離開紅燈區。',
  },
  'attention.until.governance.review_due': {
    en: 'Until the review is completed.',
    'zh-TW': '直到完成審查。',
  },

  // Notification centre
  'attention.notice.title': { en: 'Notifications', 'zh-TW': '通知' },
  'attention.notice.empty': { en: 'Nothing new.', 'zh-TW': '沒有新通知。' },
  'attention.notice.markAll': { en: 'Mark all as read', 'zh-TW': '全部標為已讀' },
  'attention.notice.markRead': { en: 'Mark as read', 'zh-TW': '標為已讀' },
  'attention.notice.unread': { en: 'Unread', 'zh-TW': '未讀' },
  'attention.notice.open': { en: 'Open', 'zh-TW': '開啟' },
  'attention.notice.reason': { en: 'Reason: {reason}', 'zh-TW': '原因：{reason}' },
  'attention.notice.feedbackMerged': {
    en: 'Your feedback “{title}” was merged into “{target}”; your vote counts there.',
    'zh-TW': '您的回饋「{title}」已合併至「{target}」，您的附議將計入該則回饋。',
  },
  'attention.notice.generic': { en: 'Update: {kind}', 'zh-TW': '更新：{kind}' },

  // Email
  'attention.mail.open': { en: 'Open in Tenfold', 'zh-TW': '在 Tenfold 中開啟' },
  'attention.mail.footer': {
    en: 'Sent by Tenfold on {date} ({zone} time).',
    'zh-TW': 'Tenfold 於 {date}（{zone} 時間）寄出。',
  },
  'attention.mail.unsubscribe': {
    en: 'Stop emails about “{kind}”',
    'zh-TW': '不再以電子郵件通知「{kind}」',
  },

  // Reminders and digests (the scheduler)
  'attention.reminder.7d': { en: 'Reminder: due in a week.', 'zh-TW': '提醒：一週後到期。' },
  'attention.reminder.1d': { en: 'Reminder: due tomorrow.', 'zh-TW': '提醒：明天到期。' },
  'attention.reminder.due': { en: 'Reminder: due today.', 'zh-TW': '提醒：今天到期。' },
  'attention.reminder.overdue': { en: 'Reminder: overdue.', 'zh-TW': '提醒：已逾期。' },
  'attention.digest.daily': {
    en: '[Tenfold] {count, plural, one {# item needs you} other {# items need you}} today',
    'zh-TW': '[Tenfold] 今日有 {count, plural, other {# 項事項}}待您處理',
  },
  'attention.digest.weekly': {
    en: '[Tenfold] Your week: {count, plural, one {# item needs you} other {# items need you}}',
    'zh-TW': '[Tenfold] 本週摘要：{count, plural, other {# 項事項}}待您處理',
  },
  'attention.digest.brief': {
    en: '[Tenfold] Weekly brief: {count, plural, one {# item needs you} other {# items need you}}, {escalated, plural, one {# ignored item} other {# ignored items}}',
    'zh-TW':
      '[Tenfold] 每週簡報：{count, plural, other {# 項事項}}待您處理，{escalated, plural, other {# 項事項}}遭擱置',
  },
  'attention.digest.yours': { en: 'What needs you', 'zh-TW': '待您處理的事項' },
  'attention.digest.escalated': {
    en: 'Still not acted on after two reminders',
    'zh-TW': '已提醒兩次仍未處理',
  },
  'attention.digest.escalatedLine': {
    en: '{person}: {item} ({reminders, plural, one {# reminder} other {# reminders}})',
    'zh-TW': '{person}：{item}（已提醒 {reminders, number} 次）',
  },
  'attention.digest.settings': {
    en: 'Change the digest and quiet hours',
    'zh-TW': '變更摘要與勿擾時段',
  },

  'attention.reports.period_report': { en: 'Period report', 'zh-TW': '期間報告' },
  'attention.reports.board_pack': { en: 'Board pack', 'zh-TW': '董事會簡報' },
  'attention.reports.subject': {
    en: '{report}: {program}, {period}',
    'zh-TW': '{report}：{program}，{period}',
  },
  'attention.reports.body': {
    en: 'Your {report} for {period} is attached as a PDF.',
    'zh-TW': '附件為您訂閱的 {period} {report}（PDF）。',
  },
  'attention.reports.noProgram': { en: 'This program does not exist.', 'zh-TW': '此計畫不存在。' },

  'attention.schedule.title': { en: 'Digest and quiet hours', 'zh-TW': '摘要與勿擾時段' },
  'attention.schedule.hint': {
    en: 'The digest lists everything that needs you; reminders come before due dates. Times are in the program’s time zone; no email is sent in your quiet hours.',
    'zh-TW':
      '摘要會列出所有待您處理的事項；到期前會寄送提醒。時間以計畫的時區為準；勿擾時段內不寄送電子郵件。',
  },
  'attention.schedule.digest': { en: 'Digest', 'zh-TW': '摘要' },
  'attention.schedule.digest.off': { en: 'No digest', 'zh-TW': '不寄送摘要' },
  'attention.schedule.digest.daily': { en: 'Daily', 'zh-TW': '每日' },
  'attention.schedule.digest.weekly': { en: 'Weekly (Mondays)', 'zh-TW': '每週（週一）' },
  'attention.schedule.hour': { en: 'Send from', 'zh-TW': '寄送時間' },
  'attention.schedule.quietFrom': { en: 'Quiet hours from', 'zh-TW': '勿擾時段開始' },
  'attention.schedule.quietTo': { en: 'Quiet hours until', 'zh-TW': '勿擾時段結束' },
  'attention.schedule.none': { en: 'None', 'zh-TW': '無' },
  'attention.schedule.save': { en: 'Save digest settings', 'zh-TW': '儲存摘要設定' },
  'attention.schedule.saved': { en: 'Digest settings saved.', 'zh-TW': '已儲存摘要設定。' },
  'attention.subscriptions.title': { en: 'Reports by email', 'zh-TW': '以電子郵件寄送的報告' },
  'attention.subscriptions.none': {
    en: 'You are not subscribed to any report.',
    'zh-TW': '您尚未訂閱任何報告。',
  },
  'attention.subscriptions.report': { en: 'Report', 'zh-TW': '報告' },
  'attention.subscriptions.program': { en: 'Program', 'zh-TW': '計畫' },
  'attention.subscriptions.frequency': { en: 'How often', 'zh-TW': '頻率' },
  'attention.subscriptions.weekly': { en: 'Weekly (Mondays)', 'zh-TW': '每週（週一）' },
  'attention.subscriptions.monthly': { en: 'Monthly (the 1st)', 'zh-TW': '每月（1 日）' },
  'attention.subscriptions.subscribe': { en: 'Subscribe', 'zh-TW': '訂閱' },
  'attention.subscriptions.stop': { en: 'Stop', 'zh-TW': '停止訂閱' },
  'attention.subscriptions.saved': { en: 'Subscription saved.', 'zh-TW': '已儲存訂閱。' },
  'attention.subscriptions.removed': { en: 'Subscription stopped.', 'zh-TW': '已停止訂閱。' },

  'attention.invite.subject': { en: 'You are invited to Tenfold', 'zh-TW': '邀請您加入 Tenfold' },
  'attention.invite.body': {
    en: 'Hello {name}, {admin} has made you an account on Tenfold. Choose your password with this link:',
    'zh-TW': '{name} 您好，{admin} 已為您建立 Tenfold 帳號。請使用以下連結設定密碼：',
  },
  'attention.invite.action': { en: 'Choose your password', 'zh-TW': '設定密碼' },
  'attention.invite.valid': {
    en: 'The link works once, for 72 hours. If it has expired, ask an administrator for a new one.',
    'zh-TW': '此連結僅能使用一次，有效期限為 72 小時。若已過期，請向管理員索取新連結。',
  },
  'attention.invite.mailed': {
    en: 'The invitation is on its way to {email}. The link below works too, for 72 hours: give it in person where mail is not set up.',
    'zh-TW': '邀請函正寄往 {email}。下方連結同樣有效（72 小時）：若未設定郵件，請當面提供此連結。',
  },
  'attention.invite.resend': { en: 'Send the invitation again', 'zh-TW': '重新寄送邀請函' },

  // Outbox (admins)
  'attention.outbox.title': { en: 'Outbox and outgoing mail', 'zh-TW': '寄件匣與外寄郵件' },
  'attention.outbox.counts': {
    en: '{pending, number} waiting · {sent, number} sent · {kept, number} kept · {dead, number} undeliverable',
    'zh-TW':
      '{pending, number} 則等待中 · {sent, number} 則已送出 · {kept, number} 則已保留 · {dead, number} 則無法投遞',
  },
  'attention.outbox.dead': { en: 'Undeliverable messages', 'zh-TW': '無法投遞的訊息' },
  'attention.outbox.noDead': { en: 'Every message was delivered.', 'zh-TW': '所有訊息皆已投遞。' },
  'attention.outbox.attempts': {
    en: '{count, plural, one {# attempt} other {# attempts}}',
    'zh-TW': '已嘗試 {count, plural, other {# 次}}',
  },
  'attention.outbox.retry': { en: 'Retry', 'zh-TW': '重試' },
  'attention.outbox.retried': { en: 'The message will be sent again.', 'zh-TW': '將重新傳送此訊息。' },
  'attention.outbox.channel.email': { en: 'Email', 'zh-TW': '電子郵件' },
  'attention.outbox.channel.teams': { en: 'Microsoft Teams', 'zh-TW': 'Microsoft Teams' },
  'attention.outbox.channel.slack': { en: 'Slack', 'zh-TW': 'Slack' },
  'attention.outbox.mail': { en: 'Outgoing mail', 'zh-TW': '外寄郵件' },
  'attention.outbox.mailKept': {
    en: 'No SMTP server is configured (SMTP_URL): mail is kept here instead of sent.',
    'zh-TW': '尚未設定 SMTP 伺服器（SMTP_URL）：郵件保留於此，不會寄出。',
  },
  'attention.outbox.mailSmtp': {
    en: 'Mail is sent through the configured SMTP server; mail kept before it was configured is listed here.',
    'zh-TW': '郵件經由已設定的 SMTP 伺服器寄出；設定前保留的郵件列於此處。',
  },
  'attention.outbox.noMail': { en: 'No mail kept.', 'zh-TW': '沒有保留的郵件。' },
  'attention.outbox.to': { en: 'To {address}', 'zh-TW': '收件者 {address}' },

  // Unsubscribe and webhooks
  'attention.unsubscribe.title': { en: 'Stop these emails', 'zh-TW': '停止此類電子郵件' },
  'attention.unsubscribe.confirm': {
    en: 'You will no longer receive email about this kind; it stays on your “Needs you” list.',
    'zh-TW': '您將不再收到此類電子郵件；相關事項仍會列在「待您處理」中。',
  },
  'attention.unsubscribe.button': { en: 'Stop emails', 'zh-TW': '停止寄送' },
  'attention.unsubscribe.done': {
    en: 'Done: no more email about this kind.',
    'zh-TW': '已完成：不再寄送此類電子郵件。',
  },
  'attention.webhooks.title': { en: 'Chat channels', 'zh-TW': '聊天頻道' },
  'attention.webhooks.hint': {
    en: 'Incoming-webhook URLs: program-wide events (a case approved, a gate decided) are posted there.',
    'zh-TW': '傳入 Webhook 網址：計畫層級的事件（提案核准、階段關卡決定）會張貼到這些頻道。',
  },
  'attention.webhooks.teams': { en: 'Microsoft Teams webhook URL', 'zh-TW': 'Microsoft Teams Webhook 網址' },
  'attention.webhooks.slack': { en: 'Slack webhook URL', 'zh-TW': 'Slack Webhook 網址' },
  'attention.webhooks.badUrl': { en: 'Enter an https:// URL.', 'zh-TW': '請輸入 https:// 開頭的網址。' },

  // Preferences
  'attention.prefs.title': { en: 'How you hear about each kind', 'zh-TW': '各類通知的接收方式' },
  'attention.prefs.hint': {
    en: 'In the app: only on “Needs you” and here. Email and chat also send a message; digest only: in your daily or weekly summary; off: nowhere but “Needs you”.',
    'zh-TW':
      '站內：只顯示在「待您處理」與本頁。電子郵件與聊天另外傳送訊息；僅摘要：只列在每日或每週摘要中；關閉：只在「待您處理」顯示。',
  },
  'attention.prefs.kind': { en: 'Kind', 'zh-TW': '類別' },
  'attention.prefs.channel': { en: 'Delivery', 'zh-TW': '接收方式' },
  'attention.prefs.save': { en: 'Save preferences', 'zh-TW': '儲存偏好設定' },
  'attention.prefs.saved': { en: 'Preferences saved.', 'zh-TW': '已儲存偏好設定。' },
  'attention.channel.in_app': { en: 'In the app', 'zh-TW': '站內' },
  'attention.channel.email': { en: 'Email', 'zh-TW': '電子郵件' },
  'attention.channel.chat': { en: 'Chat', 'zh-TW': '聊天' },
  'attention.channel.digest': { en: 'Digest only', 'zh-TW': '僅摘要' },
  'attention.channel.off': { en: 'Off', 'zh-TW': '關閉' },
  'attention.kindLabel.case.submitted': { en: 'Business case to decide', 'zh-TW': '待決定的提案理由說明書' },
  'attention.kindLabel.case.changes_requested': {
    en: 'Changes requested to a case',
    'zh-TW': '提案被要求修改',
  },
  'attention.kindLabel.case.decided': { en: 'Case decided', 'zh-TW': '提案已有決定' },
  'attention.kindLabel.gate.requested': { en: 'Stage gate to decide', 'zh-TW': '待決定的階段關卡' },
  'attention.kindLabel.gate.decided': { en: 'Stage gate decided', 'zh-TW': '階段關卡已有決定' },
  'attention.kindLabel.kpi.stale': { en: 'Stale KPI', 'zh-TW': 'KPI 數值過期' },
  'attention.kindLabel.kpi.off_track': { en: 'KPI off track', 'zh-TW': 'KPI 偏離目標' },
  'attention.kindLabel.kpi.checkin_due': { en: 'KPI check-in due', 'zh-TW': 'KPI 應填報' },
  'attention.kindLabel.cycle.phase_warning': {
    en: '10/10/10 phase at 80 %',
    'zh-TW': '10/10/10 階段已達 80%',
  },
  'attention.kindLabel.cycle.phase_overrun': {
    en: '10/10/10 phase over budget',
    'zh-TW': '10/10/10 階段超出預算',
  },
  'attention.kindLabel.sprint.ending': { en: 'Sprint ending tomorrow', 'zh-TW': '衝刺明天結束' },
  'attention.kindLabel.sprint.slipped': {
    en: 'Sprint closed with slipped work',
    'zh-TW': '衝刺結束仍有未完成承諾',
  },
  'attention.kindLabel.feedback.untriaged': { en: 'Feedback waiting for triage', 'zh-TW': '等待分類的回饋' },
  'attention.kindLabel.feedback.status': { en: 'Your feedback changed status', 'zh-TW': '您的回饋狀態變更' },
  'attention.kindLabel.eet.inactive': { en: 'Inactive EET member', 'zh-TW': '未活動的早期經驗團隊成員' },
  'attention.kindLabel.initiative.failure_mode': {
    en: 'Initiative heading into a failure mode',
    'zh-TW': '專案正走向失敗模式',
  },
  'attention.kindLabel.governance.review_due': { en: 'Governance review due', 'zh-TW': '治理審查到期' },
})
