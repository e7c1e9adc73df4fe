// Tigrinya texts of the portal: signing in with e-ID. Every key of the Swedish catalogue.
import type { eidSv } from "./eid.sv.ts";

export const eidTi: Record<keyof typeof eidSv, string> = {
  "portal.eid.reason.avstangd": "ሕጂ ብኤሌክትሮኒካዊ መንነት ክትኣትዉ ኣይከኣልን። ካብ ኣሰልጣኒኹም ብዝተዋህበኩም ኮድ እተዉ።",
  "portal.eid.reason.misslyckades":
    "ብኤሌክትሮኒካዊ መንነት ምእታው ኣይሰርሐን። ደጊምኩም ፈትኑ። እንተዘይሰሪሑ፡ ካብ ኣሰልጣኒኹም ብዝተዋህበኩም ኮድ እተዉ።",
  "portal.eid.reason.for-lang-tid": "ምእታው ነዊሕ ግዜ ወሲዱ። ካብ መጀመርታ ጀሚርኩም ደጊምኩም ፈትኑ።",
  "portal.eid.reason.avbruten": "ምእታው ኣቋሪጽኩም። ኣብ ዝደለኹምዎ ግዜ ደጊምኩም ክትፍትኑ ትኽእሉ ኢኹም።",
  "portal.eid.reason.inget-konto": "ኣብዚ ፖርታል ኣካውንት የብልኩምን። ንኣሰልጣኒኹም ሕተቱ።",
};
