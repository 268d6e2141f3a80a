import { defineMessages } from '../define'

export const sponsor = defineMessages({
  'sponsor.nav.portfolio': { en: 'Portfolio', 'zh-TW': '方案組合' },
  'sponsor.nav.approvals': { en: 'Approvals', 'zh-TW': '待核准' },
  'sponsor.nav.report': { en: 'Period report', 'zh-TW': '期間報告' },

  // Failure modes and bands
  'sponsor.mode.progress': { en: 'Progress', 'zh-TW': '進展' },
  'sponsor.mode.adoption': { en: 'Adoption', 'zh-TW': '採用' },
  'sponsor.mode.sustainment': { en: 'Sustainment', 'zh-TW': '長期維持' },
  'sponsor.modeRisk.progress': { en: 'Heading for slow progress', 'zh-TW': '有進展緩慢之虞' },
  'sponsor.modeRisk.adoption': { en: 'Heading for low adoption', 'zh-TW': '有採用率偏低之虞' },
  'sponsor.modeRisk.sustainment': { en: 'Results may not be sustained', 'zh-TW': '成果恐不易長期維持' },
  'sponsor.band.green': { en: 'Green', 'zh-TW': '綠燈' },
  'sponsor.band.amber': { en: 'Amber', 'zh-TW': '黃燈' },
  'sponsor.band.red': { en: 'Red', 'zh-TW': '紅燈' },
  'sponsor.noData': { en: 'No data yet', 'zh-TW': '尚無資料' },
  'sponsor.inputsUsed': {
    en: '{used, number} of {total, plural, one {# input} other {# inputs}}',
    'zh-TW': '{total, plural, other {# 項}}指標中的 {used, number} 項',
  },
  'sponsor.scoreOf': { en: '{mode}: {score} ({band})', 'zh-TW': '{mode}：{score}（{band}）' },
  'sponsor.weight': { en: 'weight {share}', 'zh-TW': '權重 {share}' },

  // Inputs
  'sponsor.input.phaseClock': {
    en: 'Running phase: time used of budget',
    'zh-TW': '進行中階段：已用時間占預算比',
  },
  'sponsor.input.phaseOverruns': {
    en: '10/10/10 phases over budget',
    'zh-TW': '超出預算的 10/10/10 階段比例',
  },
  'sponsor.input.sprintPredictability': {
    en: 'Sprint predictability (last 3 sprints)',
    'zh-TW': '衝刺可預測性（最近 3 次衝刺）',
  },
  'sponsor.input.daysSinceGate': { en: 'Days since the last stage gate', 'zh-TW': '距上次階段關卡的天數' },
  'sponsor.input.caseApproved': { en: 'Business case approved', 'zh-TW': '提案理由說明書已核准' },
  'sponsor.input.adoptionRate': {
    en: 'Adoption rate of eligible reps (28 days)',
    'zh-TW': '合格業務代表的採用率（28 天）',
  },
  'sponsor.input.adoptionTrend': { en: 'Adoption rate change', 'zh-TW': '採用率變化' },
  'sponsor.input.acceptanceTrend': { en: 'Acceptance rate change', 'zh-TW': '推薦接受率變化' },
  'sponsor.input.feedbackScore': {
    en: 'EET feedback: usefulness (1–5)',
    'zh-TW': '早期經驗團隊意見：實用性（1–5）',
  },
  'sponsor.input.closedLoops': { en: 'EET feedback loops closed', 'zh-TW': '已結案的早期經驗團隊意見比例' },
  'sponsor.input.representativeness': { en: 'EET representativeness', 'zh-TW': '早期經驗團隊的代表性' },
  'sponsor.input.laggingStatus': { en: 'Lagging KPIs on track', 'zh-TW': '落後指標達成情況' },
  'sponsor.input.laggingTrend': {
    en: 'Lagging KPIs held since the pilot ended',
    'zh-TW': '試行結束後維持或改善的落後指標',
  },
  'sponsor.input.usageDecay': { en: 'Usage drop since launch', 'zh-TW': '推行後使用量下滑幅度' },
  'sponsor.input.valueRealised': {
    en: 'Business-case value realised vs planned',
    'zh-TW': '提案理由說明書價值：實現相對於規劃',
  },
  'sponsor.why.phaseClock': {
    en: 'Time used ÷ budget of the running frame/design/pilot phase (10 hours / 10 days / 10 weeks).',
    'zh-TW': '進行中的界定／設計／試行階段已用時間 ÷ 預算（10 小時／10 天／10 週）。',
  },
  'sponsor.why.phaseOverruns': {
    en: 'Share of this initiative’s 10/10/10 phases that ran over budget.',
    'zh-TW': '此行動方案超出預算的 10/10/10 階段比例。',
  },
  'sponsor.why.sprintPredictability': {
    en: 'Committed points delivered ÷ committed, over the last three closed sprints.',
    'zh-TW': '最近三次已結束衝刺中，承諾點數的完成比例。',
  },
  'sponsor.why.daysSinceGate': {
    en: 'Days since the last approved stage gate, or since the start when none passed yet.',
    'zh-TW': '距上次核准的階段關卡天數；若尚未通過任何關卡，則自開始日起算。',
  },
  'sponsor.why.caseApproved': {
    en: 'Whether a version of the business case is approved.',
    'zh-TW': '提案理由說明書是否已有核准版本。',
  },
  'sponsor.why.adoptionRate': {
    en: 'Company-wide recommendation-tool usage (events are not per initiative); counted once launched (scale, sustain).',
    'zh-TW': '全公司推薦工具的使用情況（事件不分行動方案）；於推行後（擴大推行、長期維持）才計入。',
  },
  'sponsor.why.adoptionTrend': {
    en: 'Adoption rate of the last 28 days minus that of the 28 days before.',
    'zh-TW': '最近 28 天的採用率減去前 28 天的採用率。',
  },
  'sponsor.why.acceptanceTrend': {
    en: 'Share of decided recommendations accepted, last 28 days minus the 28 before.',
    'zh-TW': '已決定推薦中被接受的比例，最近 28 天減去前 28 天。',
  },
  'sponsor.why.feedbackScore': {
    en: 'Mean usefulness rating of the EET’s pilot feedback.',
    'zh-TW': '早期經驗團隊試行意見的平均實用性評分。',
  },
  'sponsor.why.closedLoops': {
    en: 'Share of feedback items shipped or declined, with the submitter told.',
    'zh-TW': '已上線或已婉拒並告知提出者的意見比例。',
  },
  'sponsor.why.representativeness': {
    en: 'How closely the EET matches the eligible sales force (0–100).',
    'zh-TW': '早期經驗團隊與合格銷售團隊的相近程度（0–100）。',
  },
  'sponsor.why.laggingStatus': {
    en: 'Lagging KPIs: on track counts 1, at risk ½, off track or stale 0.',
    'zh-TW': '落後指標：進度正常計 1，有風險計 ½，落後或過期計 0。',
  },
  'sponsor.why.laggingTrend': {
    en: 'Share of lagging KPIs as good now as when the last pilot ended.',
    'zh-TW': '目前表現不低於上次試行結束時的落後指標比例。',
  },
  'sponsor.why.usageDecay': {
    en: 'Adoption KPIs: drop of the latest value from its peak since the pilot ended.',
    'zh-TW': '採用類指標：最新值相對試行結束後高峰的下滑幅度。',
  },
  'sponsor.why.valueRealised': {
    en: 'Benefit KPIs of the approved case: latest value ÷ target, averaged.',
    'zh-TW': '已核准說明書之效益指標：最新值 ÷ 目標值的平均。',
  },

  // Portfolio page
  'sponsor.portfolio.title': { en: 'Portfolio health', 'zh-TW': '方案組合健康度' },
  'sponsor.portfolio.subtitle': {
    en: 'Each initiative scored against the three ways sales digitalization fails: slow progress, low adoption, results not sustained.',
    'zh-TW': '依銷售數位化失敗的三大原因為每個行動方案評分：進展緩慢、採用率偏低、不易長期維持。',
  },
  'sponsor.portfolio.asOf': { en: 'As of {date}', 'zh-TW': '資料截至 {date}' },
  'sponsor.portfolio.initiative': { en: 'Initiative', 'zh-TW': '行動方案' },
  'sponsor.portfolio.phaseClock': { en: 'Phase clock', 'zh-TW': '階段時鐘' },
  'sponsor.portfolio.kpis': { en: 'KPIs', 'zh-TW': '關鍵績效指標' },
  'sponsor.portfolio.case': { en: 'Business case', 'zh-TW': '提案理由說明書' },
  'sponsor.portfolio.checklist': { en: 'Checklist', 'zh-TW': '查核清單' },
  'sponsor.portfolio.checklistCount': {
    en: '{met, number} of {total, number} met',
    'zh-TW': '{total, number} 項中已達成 {met, number} 項',
  },
  'sponsor.portfolio.noPhase': { en: 'No running phase', 'zh-TW': '無進行中階段' },
  'sponsor.portfolio.clock': {
    en: '{phase} · {used} of {budget} {unit}',
    'zh-TW': '{phase}・{used}／{budget} {unit}',
  },
  'sponsor.unit.hours': { en: 'h', 'zh-TW': '小時' },
  'sponsor.unit.working_days': { en: 'working days', 'zh-TW': '工作天' },
  'sponsor.unit.days': { en: 'days', 'zh-TW': '天' },
  'sponsor.portfolio.approvedValue': { en: 'Approved {value}', 'zh-TW': '核准 {value}' },
  'sponsor.portfolio.realised': { en: 'Realised {share} of target', 'zh-TW': '已實現目標的 {share}' },
  'sponsor.portfolio.realisedMoney': {
    en: 'Value realised {realised} of {planned} planned (measured periods)',
    'zh-TW': '已實現價值 {realised}，計畫 {planned}（已量測期間）',
  },
  'sponsor.export.realisationCsv': { en: 'Value realised (CSV)', 'zh-TW': '已實現價值（CSV）' },
  'sponsor.report.realisation': { en: 'Value realised in the period', 'zh-TW': '本期已實現價值' },
  'sponsor.report.realisationHint': {
    en: 'Each approved business case’s benefit lines re-computed with their KPIs’ measured periods that ended in the period; periods without a measurement count in neither column.',
    'zh-TW': '各核准提案的效益項目，以本期內結束的 KPI 量測期間重新計算；未量測的期間兩欄皆不計入。',
  },
  'sponsor.report.noRealisation': {
    en: 'No measured benefit periods ended in this period.',
    'zh-TW': '本期沒有結束的已量測效益期間。',
  },
  'sponsor.portfolio.caseNone': { en: 'No approved case', 'zh-TW': '無核准的說明書' },
  'sponsor.portfolio.caseHidden': { en: 'Approved (figures restricted)', 'zh-TW': '已核准（金額不公開）' },
  'sponsor.portfolio.none': { en: 'No initiatives match.', 'zh-TW': '沒有符合的行動方案。' },
  'sponsor.portfolio.noProgram': { en: 'There is no program yet.', 'zh-TW': '目前尚無數位化方案。' },
  'sponsor.portfolio.band': { en: 'Band', 'zh-TW': '燈號' },
  'sponsor.portfolio.mode': { en: 'Failure mode', 'zh-TW': '失敗原因' },
  'sponsor.portfolio.anyMode': { en: 'Any', 'zh-TW': '任一' },
  'sponsor.portfolio.summary': {
    en: '{red, number} red and {amber, number} amber scores across {count, plural, one {# initiative} other {# initiatives}}',
    'zh-TW': '{count, plural, other {# 個}}行動方案中共有 {red, number} 個紅燈與 {amber, number} 個黃燈分數',
  },
  'sponsor.portfolio.atRisk': { en: 'Heading into a failure mode', 'zh-TW': '正走向失敗原因的行動方案' },
  'sponsor.portfolio.noneAtRisk': {
    en: 'No initiative is amber or red.',
    'zh-TW': '沒有黃燈或紅燈的行動方案。',
  },
  'sponsor.portfolio.inputs': { en: 'Inputs of the {mode} score', 'zh-TW': '{mode}分數的輸入' },
  'sponsor.portfolio.settings': { en: 'Health settings', 'zh-TW': '健康度設定' },
  'sponsor.export.csv': { en: 'Export CSV', 'zh-TW': '匯出 CSV' },
  'sponsor.export.inputsCsv': { en: 'Export inputs CSV', 'zh-TW': '匯出輸入 CSV' },
  'sponsor.boardPack': { en: 'Board pack', 'zh-TW': '董事會簡報' },

  // Approvals
  'sponsor.approvals.title': { en: 'Awaiting your decision', 'zh-TW': '等待您決定的項目' },
  'sponsor.approvals.subtitle': {
    en: 'Business cases and stage gates of the initiatives you sponsor.',
    'zh-TW': '您所贊助行動方案的提案理由說明書與階段關卡。',
  },
  'sponsor.approvals.cases': { en: 'Business cases', 'zh-TW': '提案理由說明書' },
  'sponsor.approvals.gates': { en: 'Stage gates', 'zh-TW': '階段關卡' },
  'sponsor.approvals.version': { en: 'Version {version}', 'zh-TW': '第 {version} 版' },
  'sponsor.approvals.gate': { en: '{from} → {to}', 'zh-TW': '{from} → {to}' },
  'sponsor.approvals.askedBy': { en: 'Asked by', 'zh-TW': '提出者' },
  'sponsor.approvals.askedAt': { en: '{date} ({zone} time)', 'zh-TW': '{date}（{zone} 時間）' },
  'sponsor.approvals.asked': { en: 'What is asked', 'zh-TW': '申請內容' },
  'sponsor.approvals.decide': { en: 'Decide', 'zh-TW': '決議' },
  'sponsor.approvals.none': { en: 'Nothing waits for you.', 'zh-TW': '目前沒有等待您決定的項目。' },
  'sponsor.approvals.notPending': {
    en: 'This is no longer waiting for a decision.',
    'zh-TW': '此項目已不再等待決定。',
  },
  'sponsor.approvals.ownCase': {
    en: 'You wrote or submitted this case; another sponsor must decide it.',
    'zh-TW': '此說明書由您撰寫或送審，須由其他贊助者決定。',
  },
  'sponsor.approvals.kind': { en: 'Kind', 'zh-TW': '類型' },
  'sponsor.approvals.submittedAt': { en: 'Asked on', 'zh-TW': '提出時間' },
  'sponsor.approvals.noneMatch': {
    en: 'Nothing waiting for you matches these filters.',
    'zh-TW': '沒有符合這些篩選條件的待決定項目。',
  },
  'sponsor.approvals.count': { en: '{count, number} waiting', 'zh-TW': '{count, number} 項待決定' },

  // Period report
  'sponsor.report.title': { en: 'Period report', 'zh-TW': '期間報告' },
  'sponsor.report.subtitle': { en: 'What moved in {period}', 'zh-TW': '{period} 期間的變化' },
  'sponsor.report.period': { en: 'Period', 'zh-TW': '期間' },
  'sponsor.report.periodHint': {
    en: 'A month (2026-11) or a quarter (2026-Q4).',
    'zh-TW': '月份（2026-11）或季度（2026-Q4）。',
  },
  'sponsor.report.scope': { en: 'Initiative', 'zh-TW': '行動方案' },
  'sponsor.report.wholePortfolio': { en: 'Whole portfolio', 'zh-TW': '整體方案組合' },
  'sponsor.report.show': { en: 'Show', 'zh-TW': '顯示' },
  'sponsor.report.kpiChanges': { en: 'KPIs that changed status', 'zh-TW': '狀態改變的關鍵績效指標' },
  'sponsor.report.kpi': { en: 'KPI', 'zh-TW': '指標' },
  'sponsor.report.from': { en: 'Start of period', 'zh-TW': '期初' },
  'sponsor.report.to': { en: 'End of period', 'zh-TW': '期末' },
  'sponsor.report.gates': { en: 'Stage gates passed', 'zh-TW': '通過的階段關卡' },
  'sponsor.report.decided': { en: 'Decided', 'zh-TW': '決定日期' },
  'sponsor.report.ended': { en: 'Ended', 'zh-TW': '結束日期' },
  'sponsor.report.sprints': { en: 'Sprints closed', 'zh-TW': '已結束的衝刺' },
  'sponsor.report.sprint': { en: 'Sprint {number}', 'zh-TW': '第 {number} 次衝刺' },
  'sponsor.report.committed': { en: 'Committed', 'zh-TW': '承諾點數' },
  'sponsor.report.completed': { en: 'Completed', 'zh-TW': '完成點數' },
  'sponsor.report.slipped': { en: 'Slipped out', 'zh-TW': '延後移出' },
  'sponsor.report.added': { en: 'Added in sprint', 'zh-TW': '衝刺中新增' },
  'sponsor.report.predictability': { en: 'Predictability', 'zh-TW': '可預測性' },
  'sponsor.report.feedback': { en: 'Feedback loops closed', 'zh-TW': '已結案的意見' },
  'sponsor.report.shipped': { en: 'Shipped', 'zh-TW': '已上線' },
  'sponsor.report.declined': { en: 'Declined', 'zh-TW': '已婉拒' },
  'sponsor.report.adoption': { en: 'Adoption', 'zh-TW': '採用情況' },

  'sponsor.report.adoptionNote': {
    en: 'Company-wide recommendation-tool usage of eligible reps.',
    'zh-TW': '全公司合格業務代表使用推薦工具的情況。',
  },
  'sponsor.report.nothing': { en: 'Nothing in this period.', 'zh-TW': '此期間沒有資料。' },
  'sponsor.report.badPeriod': {
    en: 'Enter a month as 2026-11 or a quarter as 2026-Q4.',
    'zh-TW': '請以 2026-11 輸入月份，或以 2026-Q4 輸入季度。',
  },

  // Board pack
  'sponsor.pack.title': { en: 'Board pack', 'zh-TW': '董事會簡報' },
  'sponsor.pack.subtitle': { en: '{program} · {period}', 'zh-TW': '{program}・{period}' },
  'sponsor.pack.print': { en: 'Print or save as PDF', 'zh-TW': '列印或另存為 PDF' },
  'sponsor.pack.language': { en: 'Language of the pack', 'zh-TW': '簡報語言' },
  'sponsor.pack.generated': { en: 'Generated {date}', 'zh-TW': '產生於 {date}' },
  'sponsor.pack.health': { en: 'Failure-mode health', 'zh-TW': '失敗原因健康度' },

  // Settings
  'sponsor.settings.title': { en: 'Health weights and thresholds', 'zh-TW': '健康度權重與門檻' },
  'sponsor.settings.subtitle': {
    en: 'Each input scores 100 at its good value and 0 at its bad value, linearly between. Weights are relative within a failure mode.',
    'zh-TW':
      '每項輸入在「良好值」得 100 分、在「不良值」得 0 分，其間線性計算。權重在同一失敗原因內相對計算。',
  },
  'sponsor.settings.program': { en: 'Program', 'zh-TW': '數位化方案' },
  'sponsor.settings.input': { en: 'Input', 'zh-TW': '輸入' },
  'sponsor.settings.weight': { en: 'Weight', 'zh-TW': '權重' },
  'sponsor.settings.good': { en: 'Good value', 'zh-TW': '良好值' },
  'sponsor.settings.bad': { en: 'Bad value', 'zh-TW': '不良值' },
  'sponsor.settings.green': { en: 'Green from score', 'zh-TW': '綠燈起始分數' },
  'sponsor.settings.amber': { en: 'Amber from score', 'zh-TW': '黃燈起始分數' },
  'sponsor.settings.reset': { en: 'Reset to defaults', 'zh-TW': '恢復預設值' },
  'sponsor.settings.saved': { en: 'Health settings saved.', 'zh-TW': '已儲存健康度設定。' },
  'sponsor.settings.resetDone': {
    en: 'Health settings reset to defaults.',
    'zh-TW': '已恢復預設的健康度設定。',
  },
  'sponsor.settings.bandOrder': {
    en: 'Green must start above amber.',
    'zh-TW': '綠燈起始分數須高於黃燈。',
  },
})
