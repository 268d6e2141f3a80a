import { defineMessages } from '../define'

export const eet = defineMessages({
  // Navigation and tabs
  'eet.nav.roster': { en: 'Sales force', 'zh-TW': '銷售團隊名冊' },
  'eet.tab.eet': { en: 'Early experience team', 'zh-TW': '早期經驗團隊' },
  'eet.tab.feedback': { en: 'Pilot feedback', 'zh-TW': '試行回饋' },

  // Roster
  'eet.roster.title': { en: 'Sales force roster', 'zh-TW': '銷售團隊名冊' },
  'eet.roster.subtitle': {
    en: '{active, plural, one {# current rep} other {# current reps}}, {left, number} who have left. Frontline managers come from the manager column.',
    'zh-TW':
      '現職銷售代表 {active, plural, other {# 位}}，已離職 {left, number} 位。第一線銷售經理依「主管」欄位判定。',
  },
  'eet.roster.import': { en: 'Import CSV', 'zh-TW': '匯入 CSV' },
  'eet.roster.search': { en: 'Name or ID', 'zh-TW': '姓名或編號' },
  'eet.roster.manager': { en: 'Frontline manager', 'zh-TW': '第一線銷售經理' },
  'eet.roster.includeLeft': { en: 'Left the company', 'zh-TW': '離職狀態' },
  'eet.roster.currentOnly': { en: 'Current reps only', 'zh-TW': '僅現職' },
  'eet.roster.withLeft': { en: 'Current and left', 'zh-TW': '現職與已離職' },
  'eet.roster.onlyLeft': { en: 'Left only', 'zh-TW': '僅已離職' },
  'eet.roster.empty': {
    en: 'No reps match. Import the sales force from a CSV file to start.',
    'zh-TW': '沒有符合的銷售代表。請先以 CSV 檔匯入銷售團隊。',
  },
  'eet.roster.leftOn': { en: 'Left {date}', 'zh-TW': '於 {date} 離職' },
  'eet.roster.linkedUser': { en: 'Portal user', 'zh-TW': '入口網站使用者' },
  'eet.roster.linkedUserHint': {
    en: 'An EET member signs in as themself: link the rep to their portal account.',
    'zh-TW': '早期經驗團隊成員以本人身分登入：請將銷售代表連結到其入口網站帳號。',
  },
  'eet.roster.editTitle': { en: 'Edit rep {id}', 'zh-TW': '編輯銷售代表 {id}' },
  'eet.roster.userTaken': {
    en: 'This portal user is already linked to another rep.',
    'zh-TW': '此入口網站使用者已連結到其他銷售代表。',
  },
  'eet.roster.error.code': {
    en: 'Use letters, digits and . - _ / only.',
    'zh-TW': '只能使用英文字母、數字及 . - _ /。',
  },
  'eet.roster.error.affinity': {
    en: 'Use avoider, reluctant, enthusiast or unknown.',
    'zh-TW': '請使用 avoider、reluctant、enthusiast 或 unknown。',
  },
  'eet.roster.error.eligible': {
    en: 'Use true or false (yes/no, 1/0).',
    'zh-TW': '請使用 true 或 false（yes/no、1/0）。',
  },
  'eet.field.seller_id': { en: 'Seller ID', 'zh-TW': '銷售代表編號' },
  'eet.field.name': { en: 'Name', 'zh-TW': '姓名' },
  'eet.field.email': { en: 'Email', 'zh-TW': '電子郵件' },
  'eet.field.region': { en: 'Region', 'zh-TW': '區域' },
  'eet.field.segment': { en: 'Segment', 'zh-TW': '客群' },
  'eet.field.team': { en: 'Team', 'zh-TW': '團隊' },
  'eet.field.manager_id': { en: 'Manager ID', 'zh-TW': '主管編號' },
  'eet.field.hire_date': { en: 'Hire date', 'zh-TW': '到職日' },
  'eet.field.role': { en: 'Role', 'zh-TW': '職務' },
  'eet.field.tech_affinity': { en: 'Tech affinity', 'zh-TW': '科技接受度' },
  'eet.field.eligible': { en: 'Meant to use the tool', 'zh-TW': '預定使用推薦工具' },
  'eet.field.tenure': { en: 'Tenure', 'zh-TW': '年資' },
  'eet.field.status': { en: 'Status', 'zh-TW': '狀態' },
  'eet.affinity.avoider': { en: 'Avoider', 'zh-TW': '避之唯恐不及' },
  'eet.affinity.reluctant': { en: 'Reluctant user', 'zh-TW': '勉強採行' },
  'eet.affinity.enthusiast': { en: 'Enthusiast', 'zh-TW': '狂熱愛用者' },
  'eet.affinity.unknown': { en: 'Unknown', 'zh-TW': '未知' },
  'eet.tenure.lt1': { en: '< 1 year', 'zh-TW': '未滿 1 年' },
  'eet.tenure.1to3': { en: '1–3 years', 'zh-TW': '1–3 年' },
  'eet.tenure.3to5': { en: '3–5 years', 'zh-TW': '3–5 年' },
  'eet.tenure.5to10': { en: '5–10 years', 'zh-TW': '5–10 年' },
  'eet.tenure.10plus': { en: '10+ years', 'zh-TW': '10 年以上' },
  'eet.tenure.unknown': { en: 'Unknown', 'zh-TW': '未知' },

  // Import
  'eet.import.title': { en: 'Import the sales force', 'zh-TW': '匯入銷售團隊' },
  'eet.import.help': {
    en: 'UTF-8 CSV with the header seller_id,name,email,region,segment,team,manager_id,hire_date,role,tech_affinity,eligible. Reps are matched by seller_id. Preview shows every change before anything is saved; reps missing from the file are marked as left (never deleted) only when you say the file is the whole roster.',
    'zh-TW':
      'UTF-8 編碼的 CSV，標題列為 seller_id,name,email,region,segment,team,manager_id,hire_date,role,tech_affinity,eligible。以 seller_id 比對銷售代表。預覽會先列出所有變更，確認後才會儲存；只有在您指明此檔案為完整名冊時，檔案中未列出的代表才會標示為已離職（不會刪除）。',
  },
  'eet.import.file': { en: 'CSV file', 'zh-TW': 'CSV 檔案' },
  'eet.import.mode': { en: 'When some rows have errors', 'zh-TW': '部分資料列有錯誤時' },
  'eet.import.mode.all_or_nothing': {
    en: 'Import nothing (all or nothing)',
    'zh-TW': '全部不匯入（全有或全無）',
  },
  'eet.import.mode.valid_rows': { en: 'Import the valid rows only', 'zh-TW': '僅匯入正確的資料列' },
  'eet.import.preview': { en: 'Preview', 'zh-TW': '預覽' },
  'eet.import.apply': { en: 'Import', 'zh-TW': '匯入' },
  'eet.import.previewTitle': { en: 'Preview: nothing has been saved yet', 'zh-TW': '預覽：尚未儲存任何資料' },
  'eet.import.noFile': { en: 'Choose a CSV file.', 'zh-TW': '請選擇 CSV 檔案。' },
  'eet.import.tooLarge': { en: 'The file is larger than 20 MB.', 'zh-TW': '檔案超過 20 MB。' },
  'eet.import.rows': { en: 'Rows', 'zh-TW': '資料列' },
  'eet.import.create': { en: 'New reps', 'zh-TW': '新增代表' },
  'eet.import.update': { en: 'Changed', 'zh-TW': '有變更' },
  'eet.import.unchanged': { en: 'Unchanged', 'zh-TW': '未變更' },
  'eet.import.markLeft': { en: 'Marked as left', 'zh-TW': '標示為離職' },
  'eet.import.invalid': { en: 'Rows with errors', 'zh-TW': '有錯誤的資料列' },
  'eet.import.line': { en: 'Line', 'zh-TW': '行號' },
  'eet.import.field': { en: 'Field', 'zh-TW': '欄位' },
  'eet.import.problem': { en: 'Problem', 'zh-TW': '問題' },
  'eet.import.moreIssues': { en: '… and {count, number} more.', 'zh-TW': '……另有 {count, number} 項。' },
  'eet.import.done': {
    en: 'Roster imported: {create, number} new, {update, number} changed, {unchanged, number} unchanged, {left, number} marked as left.',
    'zh-TW':
      '名冊已匯入：新增 {create, number}、變更 {update, number}、未變更 {unchanged, number}、標示離職 {left, number}。',
  },
  'eet.import.refused': {
    en: 'Nothing was imported: fix the rows below or import the valid rows only.',
    'zh-TW': '未匯入任何資料：請修正下列資料列，或選擇僅匯入正確的資料列。',
  },
  'eet.import.issueLine': {
    en: 'line {line}, {field}: {message}',
    'zh-TW': '第 {line} 行，{field}：{message}',
  },
  'eet.import.summary': {
    en: '{rows, plural, one {# row} other {# rows}}: {create, number} new, {update, number} changed, {unchanged, number} unchanged, {left, number} to mark as left, {invalid, number} with errors.',
    'zh-TW':
      '共 {rows, plural, other {# 列}}：新增 {create, number}、變更 {update, number}、未變更 {unchanged, number}、將標示離職 {left, number}、錯誤 {invalid, number}。',
  },
  'eet.import.error.header': {
    en: 'The header row lacks these columns: {columns}.',
    'zh-TW': '標題列缺少下列欄位：{columns}。',
  },
  'eet.import.error.malformed': {
    en: 'The file is not valid CSV (near line {line}).',
    'zh-TW': '檔案不是有效的 CSV（約在第 {line} 行）。',
  },
  'eet.import.error.empty': { en: 'The file is empty.', 'zh-TW': '檔案是空的。' },
  'eet.import.error.duplicate': {
    en: 'This seller_id already appears on line {line}.',
    'zh-TW': '此 seller_id 已出現在第 {line} 行。',
  },
  'eet.import.error.selfManager': {
    en: 'A rep cannot be their own manager.',
    'zh-TW': '銷售代表不能是自己的主管。',
  },
  'eet.import.fullRoster': {
    en: 'This file is the whole roster: mark reps missing from it as left',
    'zh-TW': '此檔案為完整名冊：將檔案中未列出的代表標示為已離職',
  },
  'eet.import.fullRosterHelp': {
    en: 'Off by default: a partial file only adds and updates reps.',
    'zh-TW': '預設不勾選：部分名單只會新增與更新代表。',
  },
  'eet.import.absent': { en: 'Not in the file', 'zh-TW': '未列於檔案' },
  'eet.import.absentKept': {
    en: '{count, plural, one {# current rep is} other {# current reps are}} not in this file and will stay on the roster (the file is not marked as the whole roster).',
    'zh-TW': '有 {count, number} 位現職代表未列於此檔案，將保留在名冊上（未勾選「完整名冊」）。',
  },
  'eet.import.stintsEnding': { en: 'EET memberships ending', 'zh-TW': '將結束的 EET 成員資格' },
  'eet.import.createdList': { en: 'New reps', 'zh-TW': '新增的代表' },
  'eet.import.changedList': { en: 'Changed reps (old → new)', 'zh-TW': '有變更的代表（舊值 → 新值）' },
  'eet.import.changes': { en: 'Changes', 'zh-TW': '變更內容' },
  'eet.import.leavingList': { en: 'Reps to be marked as left', 'zh-TW': '將標示為離職的代表' },
  'eet.import.pilots': { en: 'Pilots whose EET shrinks', 'zh-TW': 'EET 人數將減少的試行專案' },
  'eet.import.pilot': { en: 'Initiative', 'zh-TW': '專案' },
  'eet.import.eetBefore': { en: 'EET members now', 'zh-TW': '目前 EET 人數' },
  'eet.import.eetAfter': { en: 'After the import', 'zh-TW': '匯入後' },
  'eet.import.stintsList': { en: 'EET memberships that end', 'zh-TW': '將結束的 EET 成員資格' },
  'eet.import.managersLeaving': {
    en: 'Frontline managers leaving who still have reps',
    'zh-TW': '仍有下屬卻將離職的第一線銷售經理',
  },
  'eet.import.reports': { en: 'Reps reporting to them', 'zh-TW': '直屬代表人數' },
  'eet.import.managerChanges': {
    en: '{count, plural, one {# rep gets} other {# reps get}} a different manager.',
    'zh-TW': '有 {count, number} 位代表將更換主管。',
  },
  'eet.import.confirmTitle': { en: 'Save these changes', 'zh-TW': '儲存這些變更' },
  'eet.import.confirmLeavers': {
    en: 'This marks {count, number} of {total, number} current reps as left (more than 10 %). Type {count, number} to confirm.',
    'zh-TW':
      '這會將現職 {total, number} 位代表中的 {count, number} 位標示為已離職（超過 10%）。請輸入 {count, number} 以確認。',
  },
  'eet.import.error.confirmLeavers': {
    en: 'Type the number of reps who will be marked as left ({count, number}) to confirm.',
    'zh-TW': '請輸入將標示為離職的代表人數（{count, number}）以確認。',
  },
  'eet.import.error.pendingGone': {
    en: 'This preview is no longer available: preview the file again.',
    'zh-TW': '此預覽已失效，請重新預覽檔案。',
  },
  'eet.import.error.stale': {
    en: 'The roster changed since this preview: preview the file again.',
    'zh-TW': '預覽後名冊已有變動，請重新預覽檔案。',
  },
  'eet.import.history': { en: 'Recent imports', 'zh-TW': '最近的匯入' },
  'eet.import.historyHelp': {
    en: 'The latest import can be undone within 7 days: every rep and EET membership it changed goes back exactly as it was.',
    'zh-TW': '最近一次匯入可在 7 天內復原：其變更的每位代表與 EET 成員資格都會完整還原。',
  },
  'eet.import.noHistory': { en: 'No imports yet.', 'zh-TW': '尚無匯入紀錄。' },
  'eet.import.appliedAt': { en: 'Imported', 'zh-TW': '匯入時間' },
  'eet.import.by': { en: 'By', 'zh-TW': '執行者' },
  'eet.import.versionStatus': { en: 'Status', 'zh-TW': '狀態' },
  'eet.import.applied': { en: 'Applied', 'zh-TW': '已套用' },
  'eet.import.undoneBy': { en: 'Undone by {who} on {when}', 'zh-TW': '已由 {who} 於 {when} 復原' },
  'eet.import.undo': { en: 'Undo', 'zh-TW': '復原' },
  'eet.import.undoTitle': {
    en: 'Undo the import of {when}?',
    'zh-TW': '要復原 {when} 的匯入嗎？',
  },
  'eet.import.undoMessage': {
    en: 'Removes the {created, number} reps it added, puts back the {updated, number} it changed and the {left, number} it marked as left, and reopens {stints, number} EET memberships.',
    'zh-TW':
      '將移除其新增的 {created, number} 位代表，還原其變更的 {updated, number} 位與標示離職的 {left, number} 位，並恢復 {stints, number} 筆 EET 成員資格。',
  },
  'eet.import.undo.done': {
    en: 'Import undone: {restored, number} reps restored, {removed, number} removed, {stints, number} EET memberships reopened.',
    'zh-TW':
      '已復原匯入：還原 {restored, number} 位代表、移除 {removed, number} 位、恢復 {stints, number} 筆 EET 成員資格。',
  },
  'eet.import.undo.missing': { en: 'This import does not exist.', 'zh-TW': '找不到此匯入。' },
  'eet.import.undo.already': { en: 'This import was already undone.', 'zh-TW': '此匯入已復原。' },
  'eet.import.undo.tooOld': {
    en: 'Imports can be undone for {days, number} days only.',
    'zh-TW': '匯入僅能在 {days, number} 天內復原。',
  },
  'eet.import.undo.notLatest': {
    en: 'Undo the later imports first: imports are undone newest first.',
    'zh-TW': '請先復原較新的匯入：匯入須由新到舊依序復原。',
  },
  'eet.import.undo.createdInUse': {
    en: 'Rep {id}, added by this import, is now linked to a user or an EET: it cannot be removed.',
    'zh-TW': '此次匯入新增的代表 {id} 已連結使用者或 EET，無法移除。',
  },
  'eet.import.undo.stintReopened': {
    en: 'Rep {id} was added to the same EET again since this import: end that membership first.',
    'zh-TW': '此次匯入後，代表 {id} 已再次加入同一個 EET，請先結束該成員資格。',
  },
  'eet.import.error.unknownManager': {
    en: 'Manager {id} is neither in this file nor on the roster.',
    'zh-TW': '主管 {id} 不在此檔案中，也不在名冊上。',
  },

  // EET page
  'eet.members.leaveConfirm': {
    en: 'End {name}’s EET membership?',
    'zh-TW': '要結束 {name} 的 EET 成員資格嗎？',
  },
  'eet.members.leaveConfirmBody': {
    en: 'They leave this pilot’s early experience team on the day below and lose access to its pilot pages. You can undo this from the message that follows.',
    'zh-TW': '此代表將於下列日期離開本試行的早期經驗團隊，並失去試行頁面的存取權。可在隨後出現的訊息中復原。',
  },
  'eet.members.reinstated': { en: 'EET membership reinstated.', 'zh-TW': '已恢復 EET 成員資格。' },
  'eet.members.title': { en: 'Early experience team', 'zh-TW': '早期經驗團隊' },
  'eet.members.subtitle': {
    en: 'Reps who test early versions, shape the solution and then champion it to their peers. It should be a typical cross-section of the sales force, not only its most tech-savvy reps.',
    'zh-TW':
      '率先試用早期版本、形塑解決方案，再向同儕推廣的銷售代表。應是銷售團隊的典型縮影，而非僅包含技術最專精的代表。',
  },
  'eet.members.current': { en: 'Current members ({count, number})', 'zh-TW': '目前成員（{count, number}）' },
  'eet.members.past': { en: 'Former members', 'zh-TW': '過去成員' },
  'eet.members.none': {
    en: 'No reps in this EET yet.',
    'zh-TW': '此早期經驗團隊尚無成員。',
  },
  'eet.members.joined': { en: 'Joined', 'zh-TW': '加入日期' },
  'eet.members.left': { en: 'Left', 'zh-TW': '離開日期' },
  'eet.members.leave': { en: 'End membership', 'zh-TW': '結束成員資格' },
  'eet.members.leaveOn': { en: 'Leaves on', 'zh-TW': '離開日期' },
  'eet.members.add': { en: 'Add reps', 'zh-TW': '加入銷售代表' },
  'eet.members.shownOf': {
    en: '{shown, number} of {total, plural, one {# eligible rep} other {# eligible reps}} shown; search or filter to find others.',
    'zh-TW':
      '顯示 {shown, number} 位，共 {total, plural, other {# 位}}符合資格的銷售代表；可搜尋或篩選以找到其他人。',
  },
  'eet.members.addAllShown': {
    en: '{count, plural, one {Add the # rep shown} other {Add all # reps shown}}',
    'zh-TW': '{count, plural, other {加入顯示的全部 # 位}}',
  },
  'eet.members.addSelected': { en: 'Add selected reps', 'zh-TW': '加入所選代表' },
  'eet.members.pick': { en: 'Select {name}', 'zh-TW': '選取 {name}' },
  'eet.members.pickOne': { en: 'Select at least one rep.', 'zh-TW': '請至少選取一位代表。' },
  'eet.members.noCandidates': {
    en: 'No current, eligible reps match this filter.',
    'zh-TW': '沒有符合篩選條件的現職合格代表。',
  },
  'eet.members.added': {
    en: '{count, plural, one {# rep added} other {# reps added}} to the EET.',
    'zh-TW': '已將 {count, plural, other {# 位}}代表加入早期經驗團隊。',
  },
  'eet.members.ended': { en: 'Membership ended.', 'zh-TW': '已結束成員資格。' },
  'eet.members.error.seller': {
    en: 'One of these reps is no longer available (left, or not in this EET).',
    'zh-TW': '其中有代表已無法選取（已離職或不在此團隊中）。',
  },
  'eet.members.error.already': {
    en: 'One of these reps is already in this EET.',
    'zh-TW': '其中有代表已在此早期經驗團隊中。',
  },
  'eet.members.error.dates': {
    en: 'The leaving date cannot be before the joining date.',
    'zh-TW': '離開日期不能早於加入日期。',
  },
  'eet.members.portalUser': { en: 'Signs in', 'zh-TW': '可登入' },
  'eet.releases.title': { en: 'Pilot releases', 'zh-TW': '試行版本' },
  'eet.releases.help': {
    en: 'EET members give feedback on a release; the newest one is offered first.',
    'zh-TW': '早期經驗團隊成員針對版本提供回饋；最新版本會優先顯示。',
  },
  'eet.releases.version': { en: 'Version', 'zh-TW': '版本' },
  'eet.releases.releasedOn': { en: 'Released on', 'zh-TW': '發布日期' },
  'eet.releases.notes': { en: 'Notes', 'zh-TW': '說明' },
  'eet.releases.add': { en: 'Add release', 'zh-TW': '新增版本' },
  'eet.releases.added': { en: 'Release added.', 'zh-TW': '已新增版本。' },
  'eet.releases.taken': { en: 'This version already exists.', 'zh-TW': '此版本已存在。' },
  'eet.releases.none': { en: 'No releases yet.', 'zh-TW': '尚無版本。' },

  // Representativeness
  'eet.rep.title': { en: 'Is the EET representative?', 'zh-TW': '早期經驗團隊是否具代表性？' },
  'eet.rep.score': { en: 'Representativeness score', 'zh-TW': '代表性分數' },
  'eet.rep.scoreOf': { en: '{score} / 100', 'zh-TW': '{score} / 100' },
  'eet.rep.sizes': {
    en: '{eet, plural, one {# EET member} other {# EET members}} compared with {force, plural, one {# current, eligible rep} other {# current, eligible reps}}.',
    'zh-TW': '比較 {eet, plural, other {# 位}}早期經驗團隊成員與 {force, plural, other {# 位}}現職合格代表。',
  },
  'eet.rep.tvd': { en: 'Distance (TVD)', 'zh-TW': '差距（TVD）' },
  'eet.rep.force': { en: 'Sales force', 'zh-TW': '銷售團隊' },
  'eet.rep.eet': { en: 'EET', 'zh-TW': '早期經驗團隊' },
  'eet.rep.chartTitle': { en: '{attribute}: share of reps', 'zh-TW': '{attribute}：代表人數占比' },
  'eet.rep.method': {
    en: 'How it is computed: for each attribute, both groups become shares per category. The total variation distance (TVD) is half the sum of the absolute differences between the shares: the fraction of the EET that would have to change category to match the sales force (0 = identical, 1 = nothing in common). The score is 100 × (1 − the average TVD of the five attributes). Tenure is counted in whole years from the hire date.',
    'zh-TW':
      '計算方式：每個屬性分別換算兩個群體在各類別的占比。總變異距離（TVD）為各類別占比差的絕對值總和的一半，代表早期經驗團隊中須更換類別才能與銷售團隊一致的比例（0 = 完全相同，1 = 毫無重疊）。分數 = 100 ×（1 − 五個屬性 TVD 的平均）。年資以到職日起算的完整年數計。',
  },
  'eet.rep.warnings': { en: 'Warnings', 'zh-TW': '警示' },
  'eet.rep.warn.enthusiasts': {
    en: 'Enthusiasts are over-represented: {eet} of the EET against {force} of the sales force.',
    'zh-TW': '狂熱愛用者比例過高：早期經驗團隊占 {eet}，銷售團隊僅占 {force}。',
  },
  'eet.rep.warn.missing': {
    en: '{attribute} “{category}” ({force} of the sales force) has nobody in the EET.',
    'zh-TW': '{attribute}「{category}」（占銷售團隊 {force}）在早期經驗團隊中沒有任何人。',
  },
  'eet.rep.warn.small': {
    en: 'The EET has {size, plural, one {# member} other {# members}}; with fewer than {minimum, number} the shares are unreliable.',
    'zh-TW': '早期經驗團隊只有 {size, plural, other {# 位}}成員；少於 {minimum, number} 位時占比並不可靠。',
  },
  'eet.rep.warn.empty': { en: 'The EET has no members yet.', 'zh-TW': '早期經驗團隊尚無成員。' },
  'eet.rep.suggestions': { en: 'Suggested additions', 'zh-TW': '建議加入的代表' },
  'eet.rep.suggest': {
    en: 'Add {count, plural, one {# rep} other {# reps}} with {attribute}: {category}',
    'zh-TW': '加入 {count, plural, other {# 位}}{attribute}為「{category}」的代表',
  },
  'eet.rep.noSuggestions': {
    en: 'The EET mirrors the sales force; nothing to add.',
    'zh-TW': '早期經驗團隊已反映銷售團隊的組成，無須增補。',
  },
  'eet.rep.noForce': {
    en: 'Import the sales force first: there is nothing to compare with.',
    'zh-TW': '請先匯入銷售團隊名冊，才有比較的基準。',
  },

  // Feedback
  'eet.feedback.title': { en: 'Pilot feedback', 'zh-TW': '試行回饋' },
  'eet.feedback.subtitle': {
    en: 'What the early experience team says about each release, and what happened to it.',
    'zh-TW': '早期經驗團隊對各版本的意見，以及每則回饋的處理結果。',
  },
  'eet.feedback.new': { en: 'Give feedback', 'zh-TW': '提供回饋' },
  'eet.feedback.newTitle': { en: 'Your feedback on the pilot', 'zh-TW': '您對試行版本的回饋' },
  'eet.feedback.mine': { en: 'Only mine', 'zh-TW': '僅顯示我的' },
  'eet.feedback.empty': { en: 'No feedback yet.', 'zh-TW': '尚無回饋。' },
  'eet.feedback.release': { en: 'Release', 'zh-TW': '版本' },
  'eet.feedback.kind': { en: 'Kind', 'zh-TW': '類型' },
  'eet.feedback.kind.bug': { en: 'Bug', 'zh-TW': '錯誤' },
  'eet.feedback.kind.idea': { en: 'Idea', 'zh-TW': '建議' },
  'eet.feedback.kind.usability': { en: 'Usability', 'zh-TW': '易用性' },
  'eet.feedback.kind.recommendation_quality': { en: 'Recommendation quality', 'zh-TW': '推薦品質' },
  'eet.feedback.kind.training_need': { en: 'Training need', 'zh-TW': '培訓需求' },
  'eet.feedback.usefulness': { en: 'How useful is it? (1–5)', 'zh-TW': '實用程度（1–5）' },
  'eet.feedback.ease': { en: 'How easy is it to use? (1–5)', 'zh-TW': '容易使用的程度（1–5）' },
  'eet.feedback.recommend': {
    en: 'Would you recommend it to a colleague? (0–10)',
    'zh-TW': '您會向同事推薦嗎？（0–10）',
  },
  'eet.feedback.scaleLow': { en: '1 = not at all, 5 = very', 'zh-TW': '1 = 完全不，5 = 非常' },
  'eet.feedback.recommendScale': {
    en: '0 = not at all likely, 10 = extremely likely',
    'zh-TW': '0 = 完全不可能，10 = 極有可能',
  },
  'eet.feedback.titleField': { en: 'In one line', 'zh-TW': '一句話摘要' },
  'eet.feedback.body': { en: 'Details (optional)', 'zh-TW': '詳細說明（選填）' },
  'eet.feedback.bodyHint': {
    en: 'What happened, what you expected, which customer situation. Write in English or Chinese.',
    'zh-TW': '發生了什麼、您原本的預期、在什麼客戶情境。可用中文或英文撰寫。',
  },
  'eet.feedback.submit': { en: 'Send feedback', 'zh-TW': '送出回饋' },
  'eet.feedback.sent': {
    en: 'Thank you: your feedback was sent to the team.',
    'zh-TW': '謝謝您！回饋已送交團隊。',
  },
  'eet.feedback.badRelease': {
    en: 'Choose one of this pilot’s releases.',
    'zh-TW': '請選擇此試行的版本之一。',
  },
  'eet.feedback.reasonRequired': {
    en: 'Tell the submitter why it is declined.',
    'zh-TW': '請告知提出者婉拒的原因。',
  },
  'eet.feedback.by': { en: 'by {name}', 'zh-TW': '提出者：{name}' },
  'eet.feedback.yours': { en: 'Yours', 'zh-TW': '您提出的' },
  'eet.feedback.votes': { en: '+{count, number}', 'zh-TW': '+{count, number}' },
  'eet.feedback.submitter': { en: 'Submitted by', 'zh-TW': '提出者' },
  'eet.feedback.created': { en: 'Submitted on', 'zh-TW': '提出日期' },
  'eet.feedback.sort.created': { en: 'Date submitted', 'zh-TW': '提出日期' },
  'eet.feedback.sort.votes': { en: 'Votes', 'zh-TW': '附議數' },
  'eet.feedback.sort.usefulness': { en: 'Usefulness', 'zh-TW': '實用程度' },
  'eet.feedback.sort.title': { en: 'Title', 'zh-TW': '標題' },
  'eet.feedback.sort.status': { en: 'Status', 'zh-TW': '狀態' },
  'eet.feedback.sort.kind': { en: 'Kind', 'zh-TW': '類型' },
  'eet.feedback.votesLabel': { en: 'Votes', 'zh-TW': '附議數' },
  'eet.feedback.vote': { en: '+1 (me too)', 'zh-TW': '+1（我也是）' },
  'eet.feedback.unvote': { en: 'Withdraw my +1', 'zh-TW': '撤回我的 +1' },
  'eet.feedback.voted': { en: 'Your +1 is counted.', 'zh-TW': '已計入您的 +1。' },
  'eet.feedback.unvoted': { en: 'Your +1 was withdrawn.', 'zh-TW': '已撤回您的 +1。' },
  'eet.feedback.ratings': {
    en: 'Useful {usefulness}/5 · Easy {ease}/5 · Recommend {recommend}/10',
    'zh-TW': '實用 {usefulness}/5 · 易用 {ease}/5 · 推薦 {recommend}/10',
  },
  'eet.feedback.history': { en: 'What happened', 'zh-TW': '處理歷程' },
  'eet.feedback.event.submitted': { en: 'Submitted', 'zh-TW': '已提出' },
  'eet.feedback.event.status': { en: '{from} → {to}', 'zh-TW': '{from} → {to}' },
  'eet.feedback.event.merged': { en: 'Merged into another item', 'zh-TW': '已合併至另一則回饋' },
  'eet.feedback.declineReason': { en: 'Why it was declined', 'zh-TW': '婉拒原因' },
  'eet.feedback.mergedInto': {
    en: 'Merged into “{title}”, which is {status}.',
    'zh-TW': '已合併至「{title}」，目前狀態：{status}。',
  },
  'eet.feedback.mergedShort': { en: 'Duplicate', 'zh-TW': '重複' },
  'eet.feedback.duplicates': { en: 'Merged duplicates', 'zh-TW': '已合併的重複回饋' },
  'eet.feedback.triage': { en: 'Triage', 'zh-TW': '分類處理' },
  'eet.feedback.moveTo': { en: 'New status', 'zh-TW': '新狀態' },
  'eet.feedback.note': { en: 'Note to the submitter (optional)', 'zh-TW': '給提出者的說明（選填）' },
  'eet.feedback.declineConfirm': {
    en: 'Decline this feedback?',
    'zh-TW': '要婉拒這則回饋嗎？',
  },
  'eet.feedback.declineConfirmBody': {
    en: 'The rep who sent it sees it as declined, with your reason.',
    'zh-TW': '提出回饋的業務代表會看到此回饋已婉拒，以及您的理由。',
  },
  'eet.feedback.mergeConfirm': {
    en: 'Merge this feedback into another item?',
    'zh-TW': '要將這則回饋合併至另一則嗎？',
  },
  'eet.feedback.mergeConfirmBody': {
    en: 'It becomes a duplicate of that item and its votes move there.',
    'zh-TW': '此回饋將成為該則回饋的重複項目，其投票也會移至該則。',
  },
  'eet.feedback.apply': { en: 'Update status', 'zh-TW': '更新狀態' },
  'eet.feedback.statusChanged': {
    en: 'Status changed; the submitter was notified.',
    'zh-TW': '狀態已更新，並已通知提出者。',
  },
  'eet.feedback.badTransition': {
    en: 'This status cannot follow the current one.',
    'zh-TW': '無法從目前狀態變更為此狀態。',
  },
  'eet.feedback.merge': { en: 'Merge as duplicate of', 'zh-TW': '合併為下列回饋的重複項' },
  'eet.feedback.mergeButton': { en: 'Merge', 'zh-TW': '合併' },
  'eet.feedback.merged': {
    en: 'Merged; votes carried over.',
    'zh-TW': '已合併，附議數一併轉移。',
  },
  'eet.feedback.badMerge': {
    en: 'Choose another open item of this initiative.',
    'zh-TW': '請選擇此行動方案中另一則未合併的回饋。',
  },
  'eet.feedback.backlog': { en: 'Backlog item', 'zh-TW': '待辦事項' },
  'eet.feedback.noReleases': {
    en: 'The lead has not published a release yet; name the version you are using.',
    'zh-TW': '負責人尚未發布版本；請填寫您使用的版本。',
  },
  'eet.status.new': { en: 'New', 'zh-TW': '新提出' },
  'eet.status.under_review': { en: 'Under review', 'zh-TW': '審查中' },
  'eet.status.planned': { en: 'Planned', 'zh-TW': '已排入計畫' },
  'eet.status.shipped': { en: 'Shipped', 'zh-TW': '已上線' },
  'eet.status.declined': { en: 'Declined', 'zh-TW': '已婉拒' },

  // Analytics
  'eet.stats.title': { en: 'Feedback analytics', 'zh-TW': '回饋分析' },
  'eet.stats.allReleases': { en: 'All releases', 'zh-TW': '所有版本' },
  'eet.stats.total': { en: 'Items', 'zh-TW': '回饋數' },
  'eet.stats.usefulness': { en: 'Average usefulness', 'zh-TW': '平均實用度' },
  'eet.stats.ease': { en: 'Average ease', 'zh-TW': '平均易用度' },
  'eet.stats.nps': { en: 'NPS-style score', 'zh-TW': '淨推薦分數（NPS）' },
  'eet.stats.npsParts': {
    en: '{promoters, plural, one {# promoter} other {# promoters}}, {passives, plural, one {# passive} other {# passives}}, {detractors, plural, one {# detractor} other {# detractors}}',
    'zh-TW':
      '推薦者 {promoters, plural, other {#}}、中立者 {passives, plural, other {#}}、批評者 {detractors, plural, other {#}}',
  },
  'eet.stats.firstResponse': { en: 'Median time to first response', 'zh-TW': '首次回應時間中位數' },
  'eet.stats.hours': { en: '{hours} h', 'zh-TW': '{hours} 小時' },
  'eet.stats.closedLoop': { en: 'Loop closed', 'zh-TW': '已結案比例' },
  'eet.stats.byKind': { en: 'Volume by kind', 'zh-TW': '各類型回饋數' },
  'eet.stats.byStatus': { en: 'Items by status', 'zh-TW': '各狀態回饋數' },
  'eet.stats.byRelease': { en: 'NPS-style score by release', 'zh-TW': '各版本淨推薦分數' },
  'eet.stats.method': {
    en: 'NPS-style score: % of answers rating 9–10 minus % rating 0–6 (−100 to 100). Loop closed: items shipped or declined, the submitter having been told (a merged duplicate counts with its original). Time to first response: from submission to the first triage step.',
    'zh-TW':
      '淨推薦分數：評分 9–10 的比例減去評分 0–6 的比例（−100 至 100）。已結案：已上線或已婉拒且已通知提出者的回饋（重複項依其原始回饋計算）。首次回應時間：從提出到首次分類處理的時間。',
  },
  'eet.stats.none': { en: '—', 'zh-TW': '—' },
})
