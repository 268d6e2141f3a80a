import { defineMessages } from '../define'

// Change management: frontline managers' coaching of their reps.
export const change = defineMessages({
  'change.coaching.tab': { en: 'Coaching', 'zh-TW': '輔導' },
  'change.coaching.heading': { en: 'Coaching your reps', 'zh-TW': '輔導您的業務代表' },
  'change.coaching.explain': {
    en: 'The last 90 days of your eligible reps, against your team and the whole company.',
    'zh-TW': '您的合格業務代表最近 90 天的表現，並與您的團隊及全公司比較。',
  },
  'change.coaching.rep': { en: 'Rep', 'zh-TW': '業務代表' },
  'change.coaching.activeDays': { en: 'Active days', 'zh-TW': '活躍天數' },
  'change.coaching.lastActive': { en: 'Last active day', 'zh-TW': '最後活躍日' },
  'change.coaching.never': { en: 'Not yet', 'zh-TW': '尚未使用' },
  'change.coaching.acceptance': { en: 'Acceptance', 'zh-TW': '接受率' },
  'change.coaching.conversion': { en: 'Conversion', 'zh-TW': '轉換率' },
  'change.coaching.team': { en: 'Your team', 'zh-TW': '您的團隊' },
  'change.coaching.company': { en: 'Company', 'zh-TW': '全公司' },
  'change.coaching.quiet': {
    en: 'Gone quiet (no activity for 14 days)',
    'zh-TW': '已沉寂（連續 14 天無活動）',
  },
  'change.coaching.noQuiet': {
    en: 'None of your reps has gone quiet.',
    'zh-TW': '您的業務代表中沒有人沉寂。',
  },
  'change.coaching.quietBadge': { en: 'Quiet', 'zh-TW': '沉寂' },
  'change.coaching.reasons': {
    en: 'Why your reps reject recommendations',
    'zh-TW': '您的業務代表拒絕推薦的原因',
  },
  'change.coaching.noReasons': {
    en: 'Your reps have rejected no recommendation.',
    'zh-TW': '您的業務代表尚未拒絕任何推薦。',
  },
  'change.coaching.rejections': { en: 'Rejections', 'zh-TW': '拒絕次數' },
  'change.coaching.openFeedback': {
    en: 'Open feedback from your reps',
    'zh-TW': '您的業務代表尚未結案的意見回饋',
  },
  'change.coaching.noFeedback': {
    en: 'No open feedback from your reps.',
    'zh-TW': '您的業務代表沒有尚未結案的意見回饋。',
  },
  'change.coaching.log': { en: 'Log a coaching action', 'zh-TW': '記錄輔導行動' },
  'change.coaching.kind': { en: 'Action', 'zh-TW': '行動' },
  'change.coaching.kind.conversation': { en: 'Conversation', 'zh-TW': '面談' },
  'change.coaching.kind.ride_along': { en: 'Ride-along', 'zh-TW': '同行拜訪' },
  'change.coaching.kind.training_assigned': { en: 'Training assigned', 'zh-TW': '指派培訓' },
  'change.coaching.doneOn': { en: 'Date', 'zh-TW': '日期' },
  'change.coaching.note': { en: 'Note (optional)', 'zh-TW': '備註（選填）' },
  'change.coaching.save': { en: 'Log action', 'zh-TW': '記錄行動' },
  'change.coaching.logged': { en: 'Coaching action logged.', 'zh-TW': '已記錄輔導行動。' },
  'change.coaching.notYourRep': { en: 'Choose a rep of your team.', 'zh-TW': '請選擇您團隊中的業務代表。' },
  'change.coaching.history': { en: 'Coaching logged', 'zh-TW': '輔導紀錄' },
  'change.coaching.noHistory': { en: 'No coaching action logged yet.', 'zh-TW': '尚未記錄任何輔導行動。' },
  'change.coaching.by': { en: 'By', 'zh-TW': '記錄者' },
  'change.effect.heading': {
    en: 'Coached reps against similar reps not coached',
    'zh-TW': '受輔導與類似但未受輔導的業務代表比較',
  },
  'change.effect.observational': {
    en: 'An observational comparison, not an experiment: you chose whom to coach, so the difference is not proof that coaching caused it. Change in adoption = share of days active in the four weeks after the first action minus the four weeks before; similar reps are teammates never coached, over the same weeks.',
    'zh-TW':
      '這是觀察性比較，而非實驗：受輔導的對象由您選擇，因此差異並不能證明是輔導所造成。採用率變化＝首次輔導後四週的活躍天數比例減去之前四週；類似業務代表為同團隊中從未受輔導的成員，比較相同的週次。',
  },
  'change.effect.coached': { en: 'Coached reps (change in adoption)', 'zh-TW': '受輔導者（採用率變化）' },
  'change.effect.similar': { en: 'Similar reps not coached (change)', 'zh-TW': '類似未受輔導者（變化）' },
  'change.effect.difference': { en: 'Difference (95% interval)', 'zh-TW': '差異（95% 信賴區間）' },
  'change.effect.interval': { en: '{value} ({low} to {high})', 'zh-TW': '{value}（{low} 至 {high}）' },
  'change.effect.noInterval': {
    en: '{value} (too few reps for an interval)',
    'zh-TW': '{value}（人數過少，無法計算區間）',
  },
  'change.effect.none': {
    en: 'No coached rep has four weeks behind their first action and a similar teammate not coached yet.',
    'zh-TW': '目前尚無受輔導者已滿首次輔導後四週且有類似的未受輔導同事可比較。',
  },
  'change.effect.counts': {
    en: '{coached, plural, one {# coached rep} other {# coached reps}}, {similar, plural, one {# similar rep} other {# similar reps}}',
    'zh-TW': '受輔導者 {coached, number} 人，類似未受輔導者 {similar, number} 人',
  },
})
