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
  'change.training.tab': { en: 'Training', 'zh-TW': '訓練' },
  'change.training.heading': { en: 'Training tracked against adoption', 'zh-TW': '訓練與採用率追蹤' },
  'change.training.explain': {
    en: 'The initiative’s training modules (courses and microlearning in the daily workflow), who completed them, and how trained reps use the tool. Over the eligible reps of the sales force.',
    'zh-TW':
      '本計畫的訓練模組（課程與融入日常工作流程的微學習）、完成情況，以及受訓業務代表使用工具的情形。涵蓋銷售人員中的所有合格業務代表。',
  },
  'change.training.modules': { en: 'Modules', 'zh-TW': '訓練模組' },
  'change.training.noModules': { en: 'No training module yet.', 'zh-TW': '尚無訓練模組。' },
  'change.training.importLink': { en: 'Import completions (CSV)', 'zh-TW': '匯入完成紀錄（CSV）' },
  'change.training.kind.course': { en: 'Course', 'zh-TW': '課程' },
  'change.training.kind.microlearning': {
    en: 'Microlearning in the workflow',
    'zh-TW': '工作流程中的微學習',
  },
  'change.training.kindLabel': { en: 'Kind', 'zh-TW': '類型' },
  'change.training.addModule': { en: 'Add a module', 'zh-TW': '新增訓練模組' },
  'change.training.key': { en: 'Key', 'zh-TW': '代碼' },
  'change.training.keyHint': {
    en: 'Lower-case letters, digits and hyphens; the CSV and the API name the module by it.',
    'zh-TW': '小寫英文字母、數字與連字號；CSV 與 API 以此代碼指稱模組。',
  },
  'change.training.title': { en: 'Title', 'zh-TW': '名稱' },
  'change.training.saveModule': { en: 'Add the module', 'zh-TW': '新增模組' },
  'change.training.recordCompletion': { en: 'Record a completion', 'zh-TW': '登錄完成紀錄' },
  'change.training.module': { en: 'Module', 'zh-TW': '模組' },
  'change.training.sellerId': { en: 'Rep’s seller ID (roster)', 'zh-TW': '業務代表編號（名冊）' },
  'change.training.completedOn': { en: 'Completed on', 'zh-TW': '完成日期' },
  'change.training.saveCompletion': { en: 'Record the completion', 'zh-TW': '登錄完成紀錄' },
  'change.training.saved.module': { en: 'Module added.', 'zh-TW': '已新增模組。' },
  'change.training.saved.completion': { en: 'Completion recorded.', 'zh-TW': '已登錄完成紀錄。' },
  'change.training.saved.thresholds': { en: 'Thresholds saved.', 'zh-TW': '已儲存門檻。' },
  'change.training.thresholds': {
    en: 'Checklist thresholds of this program',
    'zh-TW': '本方案的查核清單門檻',
  },
  'change.training.thresholdsExplain': {
    en: 'The training item is met when this share of eligible reps is trained; the frontline-manager item when this share of the pilot’s reps has an engaged manager.',
    'zh-TW':
      '當受訓的合格業務代表比例達到此門檻時，訓練項目即達成；當試行業務代表中有投入經理的比例達到此門檻時，第一線經理項目即達成。',
  },
  'change.training.trainingThreshold': { en: 'Reps trained (%)', 'zh-TW': '已受訓業務代表（%）' },
  'change.training.managersThreshold': {
    en: 'Pilot reps with an engaged manager (%)',
    'zh-TW': '經理已投入的試行業務代表（%）',
  },
  'change.training.saveThresholds': { en: 'Save the thresholds', 'zh-TW': '儲存門檻' },
  'change.training.thresholdsAre': {
    en: 'Checklist thresholds: {training, number, percent} of reps trained; {managers, number, percent} of pilot reps with an engaged manager.',
    'zh-TW':
      '查核清單門檻：業務代表受訓比例 {training, number, percent}；試行業務代表中經理已投入的比例 {managers, number, percent}。',
  },
  'change.training.byTeam': { en: 'By team', 'zh-TW': '依團隊' },
  'change.training.byRep': { en: 'By rep', 'zh-TW': '依業務代表' },
  'change.training.team': { en: 'Team', 'zh-TW': '團隊' },
  'change.training.reps': { en: 'Reps', 'zh-TW': '業務代表人數' },
  'change.training.rep': { en: 'Rep', 'zh-TW': '業務代表' },
  'change.training.trained': { en: 'Trained', 'zh-TW': '已受訓' },
  'change.training.completionRate': { en: 'Completion rate', 'zh-TW': '完成率' },
  'change.training.daysToActive': {
    en: 'Days from training to first active day',
    'zh-TW': '從受訓到首個活躍日的天數',
  },
  'change.training.waiting': { en: 'Trained, not active since', 'zh-TW': '已受訓但之後未活躍' },
  'change.training.total': { en: 'All eligible reps', 'zh-TW': '全部合格業務代表' },
  'change.training.completed': { en: 'Modules completed', 'zh-TW': '已完成模組' },
  'change.training.modulesDone': {
    en: '{done, number}/{modules, number}',
    'zh-TW': '{done, number}/{modules, number}',
  },
  'change.training.trainedOn': { en: 'Trained on', 'zh-TW': '受訓完成日' },
  'change.training.comparison': {
    en: 'Adoption of trained and untrained reps',
    'zh-TW': '已受訓與未受訓業務代表的採用率',
  },
  'change.training.observational': {
    en: 'An observational comparison, not an experiment: reps chose when to train, so the difference is not proven to be caused by training.',
    'zh-TW': '此為觀察性比較而非實驗：業務代表自行選擇受訓時間，因此差異未必由訓練造成。',
  },
  'change.training.comparisonCounts': {
    en: '{trained, plural, one {# rep} other {# reps}} trained before {from}, {untrained, plural, one {# rep} other {# reps}} not trained; share of the 28 days since then each was active.',
    'zh-TW':
      '{from} 之前已受訓者 {trained, number} 人，未受訓者 {untrained, number} 人；各人在此後 28 天中的活躍天數比例。',
  },
  'change.training.trainedAdoption': { en: 'Trained', 'zh-TW': '已受訓' },
  'change.training.untrainedAdoption': { en: 'Not trained', 'zh-TW': '未受訓' },
  'change.training.difference': { en: 'Difference (points)', 'zh-TW': '差異（百分點）' },
  'change.training.errors.key': {
    en: 'Use lower-case letters, digits and hyphens (at most 64).',
    'zh-TW': '請使用小寫英文字母、數字與連字號（最多 64 個字元）。',
  },
  'change.training.errors.keyTaken': {
    en: 'A module already has this key.',
    'zh-TW': '已有模組使用此代碼。',
  },
  'change.training.rowError.module_key': {
    en: 'The module key is missing or too long.',
    'zh-TW': '缺少模組代碼或代碼過長。',
  },
  'change.training.rowError.seller_id': {
    en: 'The seller ID is missing or too long.',
    'zh-TW': '缺少業務代表編號或編號過長。',
  },
  'change.training.rowError.completed_on': {
    en: 'The completion date is not a date (YYYY-MM-DD).',
    'zh-TW': '完成日期格式錯誤（應為 YYYY-MM-DD）。',
  },
  'change.training.rowError.unknown_module': {
    en: 'No training module has this key.',
    'zh-TW': '沒有使用此代碼的訓練模組。',
  },
  'change.training.rowError.other_initiative': {
    en: 'This module belongs to another initiative.',
    'zh-TW': '此模組屬於其他計畫。',
  },
  'change.training.rowError.unknown_seller': {
    en: 'This seller ID is not in the roster.',
    'zh-TW': '名冊中沒有此業務代表編號。',
  },
  'change.training.rowError.future_date': {
    en: 'The completion date is in the future.',
    'zh-TW': '完成日期不可晚於今天。',
  },
  'change.training.import.heading': { en: 'Import training completions', 'zh-TW': '匯入訓練完成紀錄' },
  'change.training.import.explain': {
    en: 'A CSV file with the columns module_key, seller_id and completed_on (YYYY-MM-DD). Valid rows are stored, rows already stored count as duplicates, and each refused row is listed with its reason.',
    'zh-TW':
      'CSV 檔案需包含 module_key、seller_id 與 completed_on（YYYY-MM-DD）三欄。有效的列會儲存，已儲存的列計為重複，被拒絕的列會逐列列出原因。',
  },
  'change.training.import.back': { en: 'Back to training', 'zh-TW': '返回訓練' },
  'change.training.import.file': { en: 'CSV file', 'zh-TW': 'CSV 檔案' },
  'change.training.import.submit': { en: 'Import', 'zh-TW': '匯入' },
  'change.training.import.noFile': { en: 'Choose a CSV file.', 'zh-TW': '請選擇 CSV 檔案。' },
  'change.training.import.tooLarge': { en: 'The file is larger than 5 MB.', 'zh-TW': '檔案超過 5 MB。' },
  'change.training.import.header': {
    en: 'The header row lacks: {missing}.',
    'zh-TW': '標題列缺少：{missing}。',
  },
  'change.training.import.unreadable': {
    en: 'The file cannot be read as CSV (line {line, number}).',
    'zh-TW': '無法以 CSV 讀取此檔案（第 {line, number} 行）。',
  },
  'change.training.import.result': {
    en: '{accepted, plural, one {# completion} other {# completions}} stored, {duplicates, number} already stored, {rejected, number} refused.',
    'zh-TW': '已儲存 {accepted, number} 筆，{duplicates, number} 筆先前已儲存，{rejected, number} 筆被拒絕。',
  },
  'change.training.import.issues': { en: 'Refused rows', 'zh-TW': '被拒絕的列' },
  'change.training.import.line': { en: 'Line', 'zh-TW': '行' },
  'change.training.import.problem': { en: 'Why', 'zh-TW': '原因' },
  'change.managers.heading': { en: 'Frontline managers of the pilot', 'zh-TW': '試行的第一線經理' },
  'change.managers.explain': {
    en: '{covered, number} of {reps, number} pilot reps ({share, number, percent}; threshold {threshold, number, percent}) have a manager who opened the coaching view since {since} and has logged a coaching action.',
    'zh-TW':
      '{reps, number} 位試行業務代表中有 {covered, number} 位（{share, number, percent}；門檻 {threshold, number, percent}）的經理自 {since} 起開啟過輔導畫面並記錄過輔導行動。',
  },
  'change.managers.manager': { en: 'Manager', 'zh-TW': '經理' },
  'change.managers.pilotReps': { en: 'Pilot reps', 'zh-TW': '試行業務代表' },
  'change.managers.visits': {
    en: 'Days on the coaching view (28 days)',
    'zh-TW': '使用輔導畫面天數（28 天）',
  },
  'change.managers.actions': { en: 'Coaching actions logged', 'zh-TW': '已記錄的輔導行動' },
  'change.managers.engaged': { en: 'Engaged', 'zh-TW': '已投入' },
  'change.managers.yes': { en: 'Yes', 'zh-TW': '是' },
  'change.managers.no': { en: 'No', 'zh-TW': '否' },
  'change.managers.none': { en: 'No manager in the roster', 'zh-TW': '名冊中無經理' },
})
