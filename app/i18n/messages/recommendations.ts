import { defineMessages } from '../define'

export const recommendations = defineMessages({
  'recommendations.labelled.title': { en: 'Training data', 'zh-TW': '訓練資料' },
  'recommendations.labelled.explain': {
    en: 'Every decided recommendation of the range with its outcome (accepted, or rejected with its reason; actioned, opportunity, won) and its features, for retraining the model. Each download is recorded as an export with an id; the recommendation tool reports which model version it trained on which export.',
    'zh-TW':
      '範圍內每筆已決定的推薦及其結果（接受，或拒絕及原因；已行動、商機、成交）與特徵，用於重新訓練模型。每次下載都記錄為一個具識別碼的匯出；推薦工具會回報哪個模型版本以哪個匯出訓練。',
  },
  'recommendations.labelled.export': { en: 'Download training data (CSV)', 'zh-TW': '下載訓練資料（CSV）' },
  'recommendations.labelled.trainings': {
    en: 'Models trained on an export',
    'zh-TW': '以匯出資料訓練的模型',
  },
  'recommendations.labelled.noTrainings': {
    en: 'The recommendation tool has not reported a model trained on an export yet.',
    'zh-TW': '推薦工具尚未回報任何以匯出資料訓練的模型。',
  },
  'recommendations.labelled.modelVersion': { en: 'Model version', 'zh-TW': '模型版本' },
  'recommendations.labelled.exportId': { en: 'Export', 'zh-TW': '匯出' },
  'recommendations.labelled.range': { en: 'Recommendations generated', 'zh-TW': '推薦產生期間' },
  'recommendations.labelled.rows': { en: 'Rows', 'zh-TW': '筆數' },
  'recommendations.labelled.reportedAt': { en: 'Reported', 'zh-TW': '回報時間' },
  'recommendations.nav': { en: 'Recommendations', 'zh-TW': '每日推薦者' },
  'recommendations.title': { en: 'Recommendation tool', 'zh-TW': '推薦工具（每日推薦者）' },
  'recommendations.subtitle': {
    en: 'From recommendation to revenue: what reps see, accept, reject and turn into opportunities. Reporting time zone: {timezone}.',
    'zh-TW': '從推薦到營收：業務代表看到、接受、拒絕並轉為銷售機會的推薦。報表時區：{timezone}。',
  },
  'recommendations.tabs': { en: 'Recommendation analytics', 'zh-TW': '推薦分析' },
  'recommendations.tab.funnel': { en: 'Funnel', 'zh-TW': '轉換漏斗' },
  'recommendations.tab.rejections': { en: 'Rejection reasons', 'zh-TW': '拒絕原因' },
  'recommendations.tab.explanations': { en: 'Explanations & models', 'zh-TW': '解釋與模型版本' },
  'recommendations.tab.adoption': { en: 'Adoption', 'zh-TW': '採用率' },
  'recommendations.tab.import': { en: 'Import events', 'zh-TW': '匯入事件' },

  'recommendations.filter.from': { en: 'From', 'zh-TW': '起始日' },
  'recommendations.filter.to': { en: 'To (exclusive)', 'zh-TW': '結束日（不含）' },
  'recommendations.filter.groupBy': { en: 'Slice by', 'zh-TW': '切分依據' },
  'recommendations.filter.apply': { en: 'Show', 'zh-TW': '顯示' },
  'recommendations.errors.rangeOrder': {
    en: 'The end must be after the start.',
    'zh-TW': '結束日期必須晚於開始日期。',
  },
  'recommendations.errors.rangeTooLong': {
    en: 'The range may span at most 1,100 days.',
    'zh-TW': '期間最長為 1,100 天。',
  },
  'recommendations.errors.range': {
    en: 'That range cannot be shown; showing the last 90 days instead.',
    'zh-TW': '無法顯示該期間，改為顯示最近 90 天。',
  },

  'recommendations.group.recommendation_type': { en: 'Recommendation type', 'zh-TW': '推薦類型' },
  'recommendations.group.model_version': { en: 'Model version', 'zh-TW': '模型版本' },
  'recommendations.group.explanation': { en: 'Explanation shown', 'zh-TW': '是否附解釋' },
  'recommendations.group.region': { en: 'Region', 'zh-TW': '區域' },
  'recommendations.group.segment': { en: 'Segment', 'zh-TW': '客群' },
  'recommendations.group.team': { en: 'Team', 'zh-TW': '團隊' },
  'recommendations.group.manager': { en: 'Frontline manager', 'zh-TW': '第一線銷售經理' },
  'recommendations.group.tech_affinity': { en: 'Tech affinity', 'zh-TW': '科技接受度' },
  'recommendations.group.seller': { en: 'Rep', 'zh-TW': '業務代表' },
  'recommendations.group.week': { en: 'Week', 'zh-TW': '週' },
  'recommendations.group.pilot': {
    en: 'Pilot (EET) reps vs the rest',
    'zh-TW': '試行（早期經驗團隊）業務代表與其他人',
  },
  'recommendations.key.with': { en: 'With explanation', 'zh-TW': '附解釋' },
  'recommendations.key.without': { en: 'Without explanation', 'zh-TW': '未附解釋' },
  'recommendations.type.cross_sell': { en: 'Cross-sell', 'zh-TW': '交叉銷售' },
  'recommendations.type.renewal_risk': { en: 'Renewal risk', 'zh-TW': '續約風險' },
  'recommendations.type.upsell_seats': { en: 'More seats', 'zh-TW': '加購授權席次' },
  'recommendations.type.competitor_alert': { en: 'Competitor alert', 'zh-TW': '競爭者警示' },
  'recommendations.type.re_engage': { en: 'Re-engage', 'zh-TW': '重新聯繫' },
  'recommendations.key.unknown': { en: 'Unknown', 'zh-TW': '不明' },
  'recommendations.key.pilot': { en: 'Pilot (EET) reps', 'zh-TW': '試行業務代表（早期經驗團隊）' },
  'recommendations.key.rest': { en: 'Everyone else', 'zh-TW': '其他業務代表' },
  'recommendations.affinity.avoider': { en: 'Tech-avoider', 'zh-TW': '科技逃避者' },
  'recommendations.affinity.reluctant': { en: 'Reluctant user', 'zh-TW': '勉強使用者' },
  'recommendations.affinity.enthusiast': { en: 'Enthusiast', 'zh-TW': '熱衷者' },

  'recommendations.stage.generated': { en: 'Generated', 'zh-TW': '已產生' },
  'recommendations.stage.shown': { en: 'Shown', 'zh-TW': '已呈現' },
  'recommendations.stage.viewed': { en: 'Viewed', 'zh-TW': '已檢視' },
  'recommendations.stage.accepted': { en: 'Accepted', 'zh-TW': '已接受' },
  'recommendations.stage.rejected': { en: 'Rejected', 'zh-TW': '已拒絕' },
  'recommendations.stage.actioned': { en: 'Acted on', 'zh-TW': '已採取行動' },
  'recommendations.stage.opportunities': { en: 'Opportunities', 'zh-TW': '銷售機會' },
  'recommendations.stage.won': { en: 'Won', 'zh-TW': '贏單' },
  'recommendations.rate.shown_rate': { en: 'Shown rate', 'zh-TW': '呈現率' },
  'recommendations.rate.view_rate': { en: 'View rate', 'zh-TW': '檢視率' },
  'recommendations.rate.acceptance_rate': { en: 'Acceptance rate', 'zh-TW': '接受率' },
  'recommendations.rate.conversion_rate': { en: 'Conversion', 'zh-TW': '轉換率' },
  'recommendations.rate.win_rate': { en: 'Win rate', 'zh-TW': '贏單率' },
  'recommendations.wonAmount': { en: 'Won amount', 'zh-TW': '贏單金額' },

  'recommendations.funnel.heading': { en: 'The funnel', 'zh-TW': '轉換漏斗' },
  'recommendations.funnel.chart': { en: 'Recommendations at each stage', 'zh-TW': '各階段的推薦數' },
  'recommendations.funnel.count': { en: 'Recommendations', 'zh-TW': '推薦數' },
  'recommendations.funnel.bySlice': { en: 'Conversion by {group}', 'zh-TW': '依{group}的轉換率' },
  'recommendations.funnel.trend': { en: 'Weekly conversion', 'zh-TW': '每週轉換率' },
  'recommendations.funnel.table': { en: 'Every slice', 'zh-TW': '各切分明細' },
  'recommendations.benchmark.industryLow': {
    en: 'Industry average, low (6%)',
    'zh-TW': '業界平均下限（6%）',
  },
  'recommendations.benchmark.industryHigh': {
    en: 'Industry average, high (10%)',
    'zh-TW': '業界平均上限（10%）',
  },
  'recommendations.benchmark.oneInThree': {
    en: 'Daily Recommender (one in three)',
    'zh-TW': '每日推薦者（三分之一）',
  },
  'recommendations.funnel.explain': {
    en: 'The cohort is the recommendations generated in the range (reporting time zone); every later event of each one counts, whenever it arrives. Conversion is opportunities ÷ shown; acceptance is accepted ÷ (accepted + rejected), the latest decision of each recommendation deciding. Microsoft’s Daily Recommender turned one in three recommendations into a qualified opportunity, against an industry average of 6–10%: the dashed lines.',
    'zh-TW':
      '分析對象為期間內（報表時區）產生的推薦；每則推薦之後的所有事件，不論何時送達都會計入。轉換率＝銷售機會 ÷ 已呈現；接受率＝接受 ÷（接受＋拒絕），以每則推薦最新的決定為準。微軟的「每日推薦者」有三分之一的推薦成為具體的銷售機會，業界平均為 6% 至 10%：即圖中的虛線。',
  },
  'recommendations.empty': {
    en: 'No recommendation was generated in this range.',
    'zh-TW': '此期間內沒有產生任何推薦。',
  },

  'recommendations.rejections.heading': {
    en: 'Why reps reject recommendations',
    'zh-TW': '業務代表拒絕推薦的原因',
  },
  'recommendations.rejections.byReason': { en: 'Rejections by reason', 'zh-TW': '依原因統計的拒絕數' },
  'recommendations.rejections.trend': {
    en: 'Rejections by reason, week by week',
    'zh-TW': '每週各原因的拒絕數',
  },
  'recommendations.rejections.export': {
    en: 'Export rejected recommendations (CSV)',
    'zh-TW': '匯出被拒絕的推薦（CSV）',
  },
  'recommendations.rejections.explain': {
    en: 'Counted once per recommendation of the cohort whose latest decision is a rejection, with the reason given then. Reps’ choices, and why, retrain the algorithm: the CSV export is that labelled data.',
    'zh-TW':
      '以期間內產生、最新決定為拒絕的推薦計算，每則一次，並採用當時提供的原因。業務代表的選擇及理由會用來重新訓練演算法：CSV 匯出即為這些標註資料。',
  },
  'recommendations.rejections.list': { en: 'Rejected recommendations', 'zh-TW': '被拒絕的推薦' },
  'recommendations.rejections.rejectedAt': { en: 'Rejected', 'zh-TW': '拒絕時間' },
  'recommendations.rejections.type': { en: 'Type', 'zh-TW': '類型' },
  'recommendations.rejections.reason': { en: 'Reason', 'zh-TW': '原因' },
  'recommendations.rejections.reasonText': { en: 'In the rep’s words', 'zh-TW': '業務代表的說明' },
  'recommendations.rejections.model': { en: 'Model', 'zh-TW': '模型' },
  'recommendations.rejections.explained': { en: 'Explanation shown', 'zh-TW': '有顯示說明' },
  'recommendations.rejections.account': { en: 'Account', 'zh-TW': '客戶' },
  'recommendations.rejections.rep': { en: 'Rep', 'zh-TW': '業務代表' },
  'recommendations.rejections.noneMatch': {
    en: 'No rejected recommendation matches these filters.',
    'zh-TW': '沒有符合這些篩選條件的被拒絕推薦。',
  },
  'recommendations.rejections.total': { en: 'Rejections', 'zh-TW': '拒絕數' },
  'recommendations.reason.not_relevant': { en: 'Not relevant', 'zh-TW': '不相關' },
  'recommendations.reason.already_in_progress': { en: 'Already in progress', 'zh-TW': '已在進行中' },
  'recommendations.reason.bad_timing': { en: 'Bad timing', 'zh-TW': '時機不對' },
  'recommendations.reason.customer_not_ready': { en: 'Customer not ready', 'zh-TW': '顧客尚未準備好' },
  'recommendations.reason.price_or_affordability': {
    en: 'Price or affordability',
    'zh-TW': '價格或負擔能力',
  },
  'recommendations.reason.wrong_data': { en: 'Wrong data', 'zh-TW': '資料錯誤' },
  'recommendations.reason.other': { en: 'Other', 'zh-TW': '其他' },

  'recommendations.evidence.explanations': {
    en: 'With an explanation vs without',
    'zh-TW': '附解釋與未附解釋的比較',
  },
  'recommendations.evidence.explain': {
    en: 'Each rate is shown with its 95% confidence interval (Wilson score interval: the range of true rates consistent with what was observed). The two-proportion z-test asks whether the difference could be chance: p below 0.05 means a difference this large would be rare if both groups had the same true rate.',
    'zh-TW':
      '每個比率都附上 95% 信賴區間（Wilson 分數區間：與觀察結果相符的真實比率範圍）。雙比例 z 檢定判斷差異是否可能出於偶然：p 值小於 0.05，代表若兩組真實比率相同，出現這麼大差異的機會很小。',
  },
  'recommendations.evidence.metric': { en: 'Measure', 'zh-TW': '指標' },
  'recommendations.evidence.group': { en: 'Group', 'zh-TW': '組別' },
  'recommendations.evidence.rate': { en: 'Rate', 'zh-TW': '比率' },
  'recommendations.evidence.interval': { en: '95% interval', 'zh-TW': '95% 信賴區間' },
  'recommendations.evidence.n': { en: 'Out of', 'zh-TW': '樣本數' },
  'recommendations.evidence.test': { en: 'Difference (z, p)', 'zh-TW': '差異（z、p）' },
  'recommendations.evidence.significant': { en: 'significant', 'zh-TW': '顯著' },
  'recommendations.evidence.notSignificant': { en: 'could be chance', 'zh-TW': '可能出於偶然' },
  'recommendations.evidence.noTest': { en: 'not enough data', 'zh-TW': '資料不足' },
  'recommendations.evidence.chart': {
    en: 'Acceptance and conversion with vs without an explanation',
    'zh-TW': '附解釋與未附解釋的接受率與轉換率',
  },
  'recommendations.evidence.models': {
    en: 'Model versions, each against the one before',
    'zh-TW': '各模型版本與前一版本的比較',
  },
  'recommendations.evidence.modelsExplain': {
    en: 'Versions in the order they first generated a recommendation in the range; each is compared with its predecessor on the recommendations each generated.',
    'zh-TW': '依期間內首次產生推薦的順序排列各版本；每個版本以各自產生的推薦與前一版本比較。',
  },
  'recommendations.adjusted.oddsRatio': {
    en: 'Odds ratio, Mantel–Haenszel (95% interval)',
    'zh-TW': 'Mantel–Haenszel 勝算比（95% 信賴區間）',
  },
  'recommendations.adjusted.difference': {
    en: 'Difference within strata (95% interval, clustered by rep)',
    'zh-TW': '分層內差異（95% 信賴區間，依業務代表群集）',
  },
  'recommendations.adjusted.p': { en: 'p (clustered by rep)', 'zh-TW': 'p 值（依業務代表群集）' },
  'recommendations.adjusted.points': {
    en: '{value} pts ({low} to {high}), {reps, plural, one {# rep} other {# reps}}',
    'zh-TW': '{value} 個百分點（{low} 至 {high}），{reps, plural, other {# 位業務代表}}',
  },
  'recommendations.adjusted.explanationsTitle': {
    en: 'Adjusted: with against without an explanation, within the same tech affinity and segment',
    'zh-TW': '調整後：在相同科技接受度與客群內，比較有無說明',
  },
  'recommendations.adjusted.naiveTitle': {
    en: 'Naive: all recommendations with against without (mixes the explanation with who receives it)',
    'zh-TW': '未調整：所有推薦有無說明的比較（混雜了說明本身與收到說明的人）',
  },
  'recommendations.adjusted.versionsTitle': {
    en: 'Adjusted: this version against the one before, within the weeks both ran',
    'zh-TW': '調整後：在兩個版本同時運作的週內，比較此版本與前一版本',
  },
  'recommendations.adjusted.beforeAfterTitle': {
    en: 'Naive before/after: credits the model with anything else that changed over time',
    'zh-TW': '未調整的前後比較：會把同期其他變化都歸功於模型',
  },
  'recommendations.adjusted.several': {
    en: 'This page reads {tests, number} tests at once: at 5 % each, about one in twenty is "significant" by chance; to keep the chance of any false alarm at 5 %, read p against {threshold} (Bonferroni). Recommendations without a model version are left out of the version comparisons.',
    'zh-TW':
      '本頁同時判讀 {tests, number} 項檢定：每項以 5% 為準時，約每二十項就有一項會因偶然而「顯著」；若要讓任何誤報的機率維持在 5%，請以 {threshold} 判讀 p 值（Bonferroni）。沒有模型版本的推薦不納入版本比較。',
  },
  'recommendations.evidence.previous': { en: 'Before', 'zh-TW': '前一版本' },
  'recommendations.evidence.first': { en: 'first version in range', 'zh-TW': '期間內第一個版本' },

  'recommendations.adoption.heading': { en: 'Adoption by the sales force', 'zh-TW': '銷售團隊的採用情形' },
  'recommendations.adoption.explain': {
    en: 'Eligible reps are the roster’s current reps marked eligible. A rep is active on a day when they view, accept, reject or act on a recommendation that day. Adoption = active at least once ÷ eligible; average daily and weekly active count eligible reps active per day and per 7-day window from the start; stickiness = average daily active ÷ active.',
    'zh-TW':
      '符合資格的業務代表為名冊上目前在職且標示為符合資格者。業務代表在某天檢視、接受、拒絕或依推薦採取行動，即視為當天活躍。採用率＝期間內至少活躍一次者 ÷ 符合資格者；平均每日與每週活躍人數分別以每天及自起始日起每 7 天計算；黏著度＝平均每日活躍人數 ÷ 活躍人數。',
  },
  'recommendations.adoption.eligible': { en: 'Eligible reps', 'zh-TW': '符合資格的業務代表' },
  'recommendations.adoption.active': { en: 'Active reps', 'zh-TW': '活躍業務代表' },
  'recommendations.adoption.adoption_rate': { en: 'Adoption', 'zh-TW': '採用率' },
  'recommendations.adoption.avg_daily_active': { en: 'Average daily active', 'zh-TW': '平均每日活躍' },
  'recommendations.adoption.avg_weekly_active': { en: 'Average weekly active', 'zh-TW': '平均每週活躍' },
  'recommendations.adoption.stickiness': { en: 'Stickiness', 'zh-TW': '黏著度' },
  'recommendations.adoption.by': { en: 'Adoption by {group}', 'zh-TW': '依{group}的採用率' },
  'recommendations.adoption.managersExplain': {
    en: 'Frontline sales managers are the key change allies: a team that lags is where to help first.',
    'zh-TW': '第一線銷售經理是推動變革的關鍵盟友：落後的團隊就是最先需要協助的地方。',
  },
  'recommendations.adoption.cohorts': {
    en: 'Weekly retention by first-active week',
    'zh-TW': '依首次活躍週的每週留存率',
  },
  'recommendations.adoption.cohortsExplain': {
    en: 'Each row is the reps whose first activity in the range fell in that week; each column the share of them active again n weeks later.',
    'zh-TW': '每一列是期間內首次活躍落在該週的業務代表；每一欄是其中在 n 週後仍活躍的比例。',
  },
  'recommendations.adoption.cohort': { en: 'First active week', 'zh-TW': '首次活躍週' },
  'recommendations.adoption.cohortSize': { en: 'Reps', 'zh-TW': '人數' },
  'recommendations.adoption.weekN': { en: 'Week +{n}', 'zh-TW': '第 +{n} 週' },
  'recommendations.adoption.noRoster': {
    en: 'No eligible reps on the roster yet: adoption needs the sales-force roster.',
    'zh-TW': '名冊上尚無符合資格的業務代表：計算採用率需要銷售團隊名冊。',
  },

  'recommendations.import.heading': { en: 'Import recommendation events', 'zh-TW': '匯入推薦事件' },
  'recommendations.import.explain': {
    en: 'The same import as POST /api/v1/recommendation-events: a CSV file with a header row of the field names, a JSON array, or NDJSON (one event per line). Up to {max, number} events per file. Events already stored are counted as duplicates; invalid rows are listed below and the valid ones are stored.',
    'zh-TW':
      '與 POST /api/v1/recommendation-events 相同的匯入：第一列為欄位名稱的 CSV、JSON 陣列，或 NDJSON（每行一個事件）。每個檔案最多 {max, number} 個事件。已儲存的事件計為重複；無效的列會列在下方，有效的列則會儲存。',
  },
  'recommendations.import.file': { en: 'Events file', 'zh-TW': '事件檔案' },
  'recommendations.import.submit': { en: 'Import', 'zh-TW': '匯入' },
  'recommendations.import.progress': { en: 'Import progress', 'zh-TW': '匯入進度' },
  'recommendations.import.uploading': { en: 'Uploading… {percent}%', 'zh-TW': '上傳中…{percent}%' },
  'recommendations.import.processing': { en: 'Storing events…', 'zh-TW': '正在儲存事件…' },
  'recommendations.import.done': {
    en: '{accepted, number} stored, {duplicates, plural, one {# duplicate} other {# duplicates}}, {rejected, number} rejected.',
    'zh-TW':
      '已儲存 {accepted, number} 筆，重複 {duplicates, plural, other {# 筆}}，拒絕 {rejected, number} 筆。',
  },
  'recommendations.import.failed': {
    en: 'The file could not be imported: {message}',
    'zh-TW': '無法匯入此檔案：{message}',
  },
  'recommendations.import.chooseFile': { en: 'Choose a file first.', 'zh-TW': '請先選擇檔案。' },
  'recommendations.import.row': { en: 'Row', 'zh-TW': '列' },
  'recommendations.import.eventId': { en: 'event_id', 'zh-TW': 'event_id' },
  'recommendations.import.errors': { en: 'Problems', 'zh-TW': '問題' },
  'recommendations.import.unsupported': {
    en: 'Use a .csv, .json or .ndjson file.',
    'zh-TW': '請使用 .csv、.json 或 .ndjson 檔案。',
  },
  'recommendations.import.tooLarge': { en: 'The file is too large.', 'zh-TW': '檔案過大。' },
  'recommendations.import.unparseable': { en: 'The file cannot be read.', 'zh-TW': '無法讀取檔案。' },
  'recommendations.eventError.not_object': {
    en: '{field}: not an event object',
    'zh-TW': '{field}：不是事件物件',
  },
  'recommendations.eventError.required': { en: '{field}: required', 'zh-TW': '{field}：必填' },
  'recommendations.eventError.not_string': { en: '{field}: must be text', 'zh-TW': '{field}：必須是文字' },
  'recommendations.eventError.too_long': {
    en: '{field}: longer than {max, plural, one {# character} other {# characters}}',
    'zh-TW': '{field}：超過 {max, plural, other {# 個字元}}',
  },
  'recommendations.eventError.invalid_type': {
    en: '{field}: unknown event type',
    'zh-TW': '{field}：未知的事件類型',
  },
  'recommendations.eventError.invalid_timestamp': {
    en: '{field}: not an RFC 3339 time with an offset',
    'zh-TW': '{field}：不是含時區偏移的 RFC 3339 時間',
  },
  'recommendations.eventError.invalid_reason': {
    en: '{field}: unknown reason code',
    'zh-TW': '{field}：未知的原因代碼',
  },
  'recommendations.eventError.invalid_amount': {
    en: '{field}: must be a number ≥ 0',
    'zh-TW': '{field}：必須是大於或等於 0 的數字',
  },
  'recommendations.eventError.invalid_currency': {
    en: '{field}: not an ISO 4217 currency code',
    'zh-TW': '{field}：不是 ISO 4217 貨幣代碼',
  },
  'recommendations.eventError.invalid_json': {
    en: '{field}: not valid JSON',
    'zh-TW': '{field}：不是有效的 JSON',
  },
  'recommendations.eventError.invalid_character': {
    en: '{field}: contains the NUL character (U+0000)',
    'zh-TW': '{field}：含有 NUL 字元（U+0000）',
  },

  // A manager's team (the manager role)
  'recommendations.team.nav': { en: 'My team', 'zh-TW': '我的團隊' },
  'recommendations.team.title': { en: 'My team', 'zh-TW': '我的團隊' },
  'recommendations.team.subtitle': {
    en: 'The reps who report to you, and the teams below yours.',
    'zh-TW': '直屬於您的業務代表，以及您轄下各團隊的成員。',
  },
  'recommendations.team.tabs': { en: 'Team views', 'zh-TW': '團隊檢視' },
  'recommendations.team.tab.overview': { en: 'Funnel and adoption', 'zh-TW': '漏斗與採用' },
  'recommendations.team.tab.feedback': { en: 'Pilot feedback', 'zh-TW': '試行意見回饋' },
  'recommendations.team.heading': { en: 'Your team’s use of the tool', 'zh-TW': '您團隊的工具使用情形' },
  'recommendations.team.noReps': {
    en: 'No eligible reps report to you in the roster. The roster links you by your email address.',
    'zh-TW': '名冊中沒有向您回報的合格業務代表。名冊以您的電子郵件地址與您連結。',
  },
  'recommendations.team.byRep': { en: 'By rep', 'zh-TW': '依業務代表' },
  'recommendations.team.rep': { en: 'Rep', 'zh-TW': '業務代表' },
  'recommendations.team.activeDays': { en: 'Active days', 'zh-TW': '活躍天數' },
  'recommendations.team.lastActive': { en: 'Last active day', 'zh-TW': '最後活躍日' },
  'recommendations.team.never': { en: 'Not yet', 'zh-TW': '尚未使用' },
  'recommendations.team.back': { en: 'Back to my team', 'zh-TW': '返回我的團隊' },
  'recommendations.team.feedbackHeading': {
    en: 'Feedback from your reps',
    'zh-TW': '您的業務代表提出的意見回饋',
  },
  'recommendations.team.noFeedback': {
    en: 'Your reps have not given pilot feedback yet.',
    'zh-TW': '您的業務代表尚未提出試行意見回饋。',
  },
  'recommendations.team.feedbackTitle': { en: 'Feedback', 'zh-TW': '意見回饋' },
  'recommendations.team.feedbackStatus': { en: 'Status', 'zh-TW': '狀態' },
  'recommendations.team.initiative': { en: 'Initiative', 'zh-TW': '行動方案' },
  'recommendations.team.submitted': { en: 'Submitted', 'zh-TW': '提出日期' },
  // Rep-data privacy
  'recommendations.privacy.fewerThan': {
    en: 'Fewer than 5 reps: not shown, to protect their privacy',
    'zh-TW': '少於 5 位業務代表：為保護個人隱私不予顯示',
  },
  'recommendations.privacy.explain': {
    en: 'Figures about fewer than 5 reps are not shown; a rep’s own figures are for their managers and administrators.',
    'zh-TW': '少於 5 位業務代表的數據不予顯示；個別業務代表的數據僅供其主管與系統管理員查看。',
  },
})
