// Time-based one-time passwords (RFC 6238) for staff: 6 digits, 30 s, SHA-1 (what every
// authenticator app supports), ±1 step of clock drift, and no code accepted twice.
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";

const PERIOD = 30;

export const generateTotpSecret = () => new Secret({ size: 20 }).base32;

function totpFor(secretBase32: string, label = "") {
  return new TOTP({
    issuer: "Samspår",
    label,
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(secretBase32),
  });
}

export const otpauthUri = (secretBase32: string, email: string) =>
  totpFor(secretBase32, email).toString();

/** An accessible SVG of the enrolment QR code, rendered on the server (works without JavaScript). */
export const otpauthQrSvg = (uri: string) =>
  QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });

/** The time step the code belongs to, or undefined when it is wrong or was already used. */
export function checkTotp(
  secretBase32: string,
  code: string,
  lastStep: number | null,
  now = Date.now(),
): number | undefined {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return undefined;
  const delta = totpFor(secretBase32).validate({ token, timestamp: now, window: 1 });
  if (delta === null) return undefined;
  const step = Math.floor(now / 1000 / PERIOD) + delta;
  if (lastStep !== null && step <= lastStep) return undefined;
  return step;
}

/** For tests and the demo: the code an authenticator app would show now. */
export const currentTotp = (secretBase32: string, now = Date.now()) =>
  totpFor(secretBase32).generate({ timestamp: now });
