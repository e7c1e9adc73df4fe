// Shows an authenticator enrolment: the QR code (server-rendered SVG) and the key to type in.
import { useT } from "./i18n.tsx";

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
