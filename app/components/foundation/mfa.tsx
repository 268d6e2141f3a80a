import { useT } from '~/i18n/react'

/** The enrolment step: the key as a QR code (an SVG data URL, drawn on the server) and as text. */
export function MfaEnrolmentKey({ qrDataUrl, secret }: { qrDataUrl: string; secret: string }) {
  const t = useT()
  return (
    <div className="mfa-key">
      <p>{t('mfa.scan')}</p>
      <img src={qrDataUrl} alt={t('mfa.qrAlt')} width={192} height={192} className="mfa-qr" />
      <p>
        {t('mfa.secret')}: <code className="mfa-secret">{secret}</code>
      </p>
    </div>
  )
}

/** Recovery codes, shown once, right after they were made. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const t = useT()
  return (
    <section className="one-time" role="status" aria-labelledby="recovery-codes-title">
      <h2 id="recovery-codes-title">{t('mfa.recoveryTitle')}</h2>
      <p>{t('mfa.recoveryIntro')}</p>
      <ul className="recovery-codes" aria-label={t('mfa.recoveryTitle')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
    </section>
  )
}
