// Shows an authenticator enrolment: the QR code (server-rendered SVG) and the key to type in.
import { TextField } from "./form.tsx";
import { useT } from "./i18n.tsx";

/** The six-digit code from the authenticator app, wherever one is asked for. */
export function TotpCodeField({ error }: { error: string | undefined }) {
  const t = useT();
  return (
    <TextField
      name="code"
      label={t("totp.code")}
      hint={t("totp.codeHint")}
      inputMode="numeric"
      autoComplete="one-time-code"
      width="short"
      error={error}
      required
    />
  );
}

export function TotpEnrolment({ qrSvg, secret }: { qrSvg: string; secret: string }) {
  const t = useT();
  const grouped = secret.match(/.{1,4}/g)?.join(" ") ?? secret;
  return (
    <div>
      <p>{t("totp.enrolIntro")}</p>
      <figure className="qr">
        <div
          role="img"
          aria-label={t("totp.qrLabel")}
          // biome-ignore lint/security/noDangerouslySetInnerHtml: SVG generated on our server from our own otpauth URI
          dangerouslySetInnerHTML={{ __html: qrSvg }}
        />
      </figure>
      <p>{t("totp.secretLabel")}</p>
      <p>
        <code data-testid="totp-secret" data-secret={secret}>
          {grouped}
        </code>
      </p>
    </div>
  );
}
