import { defineMessages } from '../define'

export const auth = defineMessages({
  'login.title': { en: 'Sign in to Tenfold', 'zh-TW': '登入 Tenfold' },
  'login.email': { en: 'Email', 'zh-TW': '電子郵件' },
  'login.password': { en: 'Password', 'zh-TW': '密碼' },
  'login.submit': { en: 'Sign in', 'zh-TW': '登入' },
  'login.invalid': { en: 'The email or password is incorrect.', 'zh-TW': '電子郵件或密碼不正確。' },
  'login.throttled': {
    en: 'Too many failed attempts. Try again in {minutes} minute(s).',
    'zh-TW': '失敗次數過多，請於 {minutes} 分鐘後再試。',
  },
  'login.demoHint': {
    en: 'Demo: sign in as admin@, lead@, sponsor@, eet@ or viewer@tenfold.demo with the password from the README.',
    'zh-TW': '示範：以 admin@、lead@、sponsor@、eet@ 或 viewer@tenfold.demo 登入，密碼請見 README。',
  },
  'login.signedOut': { en: 'You are signed out.', 'zh-TW': '您已登出。' },
  'password.setTitle': { en: 'Choose your password', 'zh-TW': '設定您的密碼' },
  'password.setIntro': {
    en: 'Welcome, {name}. Choose a password for {email}.',
    'zh-TW': '{name}，歡迎。請為 {email} 設定密碼。',
  },
  'password.new': { en: 'New password', 'zh-TW': '新密碼' },
  'password.confirm': { en: 'Repeat the password', 'zh-TW': '再次輸入密碼' },
  'password.current': { en: 'Current password', 'zh-TW': '目前密碼' },
  'password.rules': {
    en: '12 to 128 characters, any characters. Common passwords are refused.',
    'zh-TW': '12 至 128 個字元，可使用任何字元。常見密碼將被拒絕。',
  },
  'password.submit': { en: 'Set password', 'zh-TW': '設定密碼' },
  'password.changeTitle': { en: 'Change your password', 'zh-TW': '變更密碼' },
  'password.changeIntro': {
    en: 'Changing your password signs you out everywhere else.',
    'zh-TW': '變更密碼後，您在其他裝置上的登入將全部失效。',
  },
  'password.changed': {
    en: 'Password changed. Other sessions were signed out.',
    'zh-TW': '密碼已變更，其他工作階段已登出。',
  },
  'password.set': { en: 'Password set. You can sign in now.', 'zh-TW': '密碼已設定，現在可以登入。' },
  'password.linkInvalid': {
    en: 'This link is invalid, used or expired. Ask an administrator for a new one.',
    'zh-TW': '此連結無效、已使用或已過期。請向系統管理員索取新連結。',
  },
  'password.currentWrong': { en: 'The current password is incorrect.', 'zh-TW': '目前密碼不正確。' },
  'errors.passwordTooShort': { en: 'Use at least 12 characters.', 'zh-TW': '密碼至少需要 12 個字元。' },
  'errors.passwordTooLong': { en: 'Use at most 128 characters.', 'zh-TW': '密碼最多 128 個字元。' },
  'errors.passwordCommon': {
    en: 'This password is too common. Choose one that is harder to guess.',
    'zh-TW': '此密碼過於常見，請選擇較難猜測的密碼。',
  },
  'errors.passwordMismatch': { en: 'The two passwords differ.', 'zh-TW': '兩次輸入的密碼不一致。' },
  'errors.timezone': {
    en: 'Use an IANA time zone such as Asia/Taipei.',
    'zh-TW': '請使用 IANA 時區名稱，例如 Asia/Taipei。',
  },
})
