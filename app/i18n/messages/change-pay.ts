import { defineMessages } from '../define'

// Change management: the variable-pay transition plan (變動薪酬過渡計畫) and its checklist item.
export const changePay = defineMessages({
  'change.pay.tab': { en: 'Variable pay', 'zh-TW': '變動薪酬' },
  'change.pay.heading': { en: 'Variable-pay transition plan', 'zh-TW': '變動薪酬過渡計畫' },
  'change.pay.explain': {
    en: 'How variable pay changes with this initiative, the rule that eases the transition, and what it does to each segment’s expected income. The sponsor approves it.',
    'zh-TW': '本專案對變動薪酬的調整、緩和過渡的規則，以及對各客群預期收入的影響；須由贊助者核准。',
  },
  'change.pay.noPlan': { en: 'No transition plan yet.', 'zh-TW': '尚未制定過渡計畫。' },
  'change.pay.status': { en: 'Status', 'zh-TW': '狀態' },
  'change.pay.summary': {
    en: 'Version {version}, in effect from {from}; {kind, select, guarantee {income guaranteed for {months, plural, one {# month} other {# months}}} other {old and new plans blended over {months, plural, one {# month} other {# months}}}}.',
    'zh-TW':
      '第 {version} 版，自 {from} 起生效；{kind, select, guarantee {保障收入 {months, number} 個月} other {新舊方案於 {months, number} 個月內逐步轉換}}。',
  },
  'change.pay.decided': {
    en: 'Decided by {name} on {date}.',
    'zh-TW': '由 {name} 於 {date} 決定。',
  },
  'change.pay.hiddenFigures': {
    en: 'Pay figures are shown only to administrators, the initiative’s sponsor and users with finance access.',
    'zh-TW': '薪酬數據僅向管理員、本專案的贊助者及具財務權限的使用者顯示。',
  },
  'change.pay.edit': { en: 'Edit the plan', 'zh-TW': '編輯計畫' },
  'change.pay.editHint': {
    en: 'Saving a submitted or decided plan makes a new draft version, to be submitted and approved again.',
    'zh-TW': '修改已送出或已決定的計畫會建立新的草稿版本，須重新送出並核准。',
  },
  'change.pay.effectiveFrom': { en: 'In effect from', 'zh-TW': '生效日期' },
  'change.pay.transitionKind': { en: 'Transition rule', 'zh-TW': '過渡規則' },
  'change.pay.transitionKind.guarantee': {
    en: 'Guarantee: the better of the old and new plans',
    'zh-TW': '保障：取新舊方案中較高者',
  },
  'change.pay.transitionKind.blend': {
    en: 'Blend: from the old plan to the new one month by month',
    'zh-TW': '逐步轉換：每月由舊方案移向新方案',
  },
  'change.pay.transitionMonths': { en: 'Transition months', 'zh-TW': '過渡月數' },
  'change.pay.lossThreshold': {
    en: 'Income loss to flag (%)',
    'zh-TW': '需示警的收入減少幅度（%）',
  },
  'change.pay.components': { en: 'Variable-pay components', 'zh-TW': '變動薪酬項目' },
  'change.pay.componentsHint': {
    en: 'Weights are shares of the target variable pay and add up to 100 on each side; quotas are per month. Leave a row’s name empty to leave it out.',
    'zh-TW': '權重為目標變動薪酬的占比，調整前後各自合計 100；配額以月計。名稱留空即不列入。',
  },
  'change.pay.componentName': { en: 'Component', 'zh-TW': '項目' },
  'change.pay.componentRow': { en: 'Component {n, number}', 'zh-TW': '項目 {n, number}' },
  'change.pay.weightBefore': { en: 'Weight before (%)', 'zh-TW': '調整前權重（%）' },
  'change.pay.weightAfter': { en: 'Weight after (%)', 'zh-TW': '調整後權重（%）' },
  'change.pay.quotaBefore': { en: 'Quota before', 'zh-TW': '調整前配額' },
  'change.pay.quotaAfter': { en: 'Quota after', 'zh-TW': '調整後配額' },
  'change.pay.segments': { en: 'Pay assumptions by segment', 'zh-TW': '各客群薪酬假設' },
  'change.pay.segmentsHint': {
    en: 'Per month for a typical rep of the segment: base pay, target variable pay, and the volume expected on each component.',
    'zh-TW': '以該客群典型業務代表的每月數字填寫：底薪、目標變動薪酬，以及各項目的預期量。',
  },
  'change.pay.segment': { en: 'Segment', 'zh-TW': '客群' },
  'change.pay.reps': { en: 'Reps', 'zh-TW': '業務代表人數' },
  'change.pay.basePay': { en: 'Base pay', 'zh-TW': '底薪' },
  'change.pay.targetVariable': { en: 'Target variable pay', 'zh-TW': '目標變動薪酬' },
  'change.pay.volume': { en: 'Expected volume, component {n, number}', 'zh-TW': '項目 {n, number} 預期量' },
  'change.pay.save': { en: 'Save the plan', 'zh-TW': '儲存計畫' },
  'change.pay.submit': { en: 'Submit to the sponsor', 'zh-TW': '送交贊助者' },
  'change.pay.decide': { en: 'Sponsor’s decision', 'zh-TW': '贊助者決定' },
  'change.pay.simulation': { en: 'Income simulation', 'zh-TW': '收入模擬' },
  'change.pay.simulationExplain': {
    en: 'Expected monthly income of a typical rep per segment: base pay + target variable pay × Σ weight × volume ÷ quota. First year: the mean of the 12 months after the change, as the transition rule pays them.',
    'zh-TW':
      '各客群典型業務代表的每月預期收入：底薪 + 目標變動薪酬 × Σ 權重 × 預期量 ÷ 配額。首年：變更後 12 個月依過渡規則實際支付的平均值。',
  },
  'change.pay.before': { en: 'Before', 'zh-TW': '調整前' },
  'change.pay.after': { en: 'After', 'zh-TW': '調整後' },
  'change.pay.change': { en: 'Change', 'zh-TW': '變化' },
  'change.pay.firstYear': { en: 'First year', 'zh-TW': '首年' },
  'change.pay.firstYearChange': { en: 'First-year change', 'zh-TW': '首年變化' },
  'change.pay.losesMore': { en: 'Loses more than {pct, number}%', 'zh-TW': '減少超過 {pct, number}%' },
  'change.pay.losers': {
    en: '{segments, plural, =0 {No segment loses more than {pct, number}% at full effect.} one {# segment ({reps, plural, one {# rep} other {# reps}}) would lose more than {pct, number}% at full effect.} other {# segments ({reps, plural, one {# rep} other {# reps}}) would lose more than {pct, number}% at full effect.}}',
    'zh-TW':
      '{segments, plural, =0 {全面生效後，沒有客群的收入減少超過 {pct, number}%。} other {全面生效後，有 # 個客群（{reps, number} 位業務代表）的收入將減少超過 {pct, number}%。}}',
  },
  'change.pay.uncovered': {
    en: 'Segments on the roster without pay assumptions: {segments}.',
    'zh-TW': '名冊上尚無薪酬假設的客群：{segments}。',
  },
  'change.pay.attrition': { en: 'Attrition watch', 'zh-TW': '離職觀察' },
  'change.pay.attritionExplain': {
    en: 'Since the change ({afterFrom} – {afterTo}): reps on the roster on {afterFrom} who left by {afterTo}. Before: reps on the roster on {beforeFrom} who left by {beforeTo}, the same {days, plural, one {# day} other {# days}} earlier.',
    'zh-TW':
      '變更後（{afterFrom} – {afterTo}）：{afterFrom} 在名冊上、並於 {afterTo} 前離開的業務代表。變更前：{beforeFrom} 在名冊上、並於 {beforeTo} 前離開者，即提前同樣的 {days, number} 天。',
  },
  'change.pay.attritionNotStarted': {
    en: 'The change is not in effect yet: nothing to watch.',
    'zh-TW': '變更尚未生效，暫無可觀察的資料。',
  },
  'change.pay.leftOf': {
    en: '{left, number} of {reps, number} ({rate})',
    'zh-TW': '{reps, number} 人中 {left, number} 人（{rate}）',
  },
  'change.pay.rateBefore': { en: 'Left before the change', 'zh-TW': '變更前離職' },
  'change.pay.rateAfter': { en: 'Left since the change', 'zh-TW': '變更後離職' },
  'change.pay.higher': { en: 'Higher than before', 'zh-TW': '高於變更前' },
  'change.pay.toast.saved': {
    en: 'Variable-pay plan saved as a draft.',
    'zh-TW': '已儲存變動薪酬計畫草稿。',
  },
  'change.pay.toast.submitted': { en: 'Plan submitted to the sponsor.', 'zh-TW': '已將計畫送交贊助者。' },
  'change.pay.toast.decided': { en: 'Decision recorded.', 'zh-TW': '已記錄決定。' },
  'change.pay.errors.noSegments': {
    en: 'The roster has no segment to plan for.',
    'zh-TW': '名冊上沒有可規劃的客群。',
  },
  'change.pay.errors.noComponents': {
    en: 'Name at least one component.',
    'zh-TW': '請至少填寫一個項目名稱。',
  },
  'change.pay.errors.weight': { en: 'A weight is at most 100.', 'zh-TW': '權重不得超過 100。' },
  'change.pay.errors.quota': {
    en: 'A component with a weight needs a quota above 0.',
    'zh-TW': '有權重的項目，配額須大於 0。',
  },
  'change.pay.errors.weights': {
    en: 'The weights before and the weights after must each add up to 100.',
    'zh-TW': '調整前與調整後的權重須各自合計 100。',
  },
  'change.pay.errors.noPlan': { en: 'There is no plan to act on yet.', 'zh-TW': '尚無可處理的計畫。' },
  'change.pay.errors.notDraft': {
    en: 'Only a draft, or a plan sent back for changes, can be submitted.',
    'zh-TW': '只有草稿或須修改的計畫可以送出。',
  },
  'change.pay.errors.notSubmitted': {
    en: 'The plan is not waiting for a decision.',
    'zh-TW': '此計畫目前不在等待決定。',
  },
  'change.pay.errors.ownPlan': {
    en: 'You wrote this version; someone else decides on it.',
    'zh-TW': '此版本由您撰寫，須由他人決定。',
  },
  'accountability.check.variablePay.detail': {
    en: '{status, select, none {No transition plan yet.} approved {Plan version {version} approved by the sponsor;} other {Plan version {version} not approved by the sponsor yet;}}{status, select, none {} other { income check: {check, select, pass {no segment loses more than {pct, number}%.} other {{losing, plural, one {# segment loses} other {# segments lose}} more than {pct, number}% or {uncovered, plural, one {# segment is} other {# segments are}} not covered.}}}}',
    'zh-TW':
      '{status, select, none {尚未制定過渡計畫。} approved {第 {version} 版計畫已獲贊助者核准；} other {第 {version} 版計畫尚未獲贊助者核准；}}{status, select, none {} other {收入檢核：{check, select, pass {沒有客群收入減少超過 {pct, number}%。} other {{losing, number} 個客群減少超過 {pct, number}%，或 {uncovered, number} 個客群未納入。}}}}',
  },
})
