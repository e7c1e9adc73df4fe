// The portal's catalogues, one per language, put together from one file per area (so the people
// writing an area never edit the same file). Swedish is the source; the types make every other
// language complete, so nothing is shown half-translated.
import type { PortalLocale } from "../locales.ts";
import { accessibilityAr } from "./accessibility.ar.ts";
import { accessibilityEn } from "./accessibility.en.ts";
import { accessibilityFa } from "./accessibility.fa.ts";
import { accessibilitySo } from "./accessibility.so.ts";
import { accessibilitySv } from "./accessibility.sv.ts";
import { accessibilityTi } from "./accessibility.ti.ts";
import { bookingAr } from "./booking.ar.ts";
import { bookingEn } from "./booking.en.ts";
import { bookingFa } from "./booking.fa.ts";
import { bookingSo } from "./booking.so.ts";
import { bookingSv } from "./booking.sv.ts";
import { bookingTi } from "./booking.ti.ts";
import { commonAr } from "./common.ar.ts";
import { commonEn } from "./common.en.ts";
import { commonFa } from "./common.fa.ts";
import { commonSo } from "./common.so.ts";
import { commonSv } from "./common.sv.ts";
import { commonTi } from "./common.ti.ts";
import { coursesAr } from "./courses.ar.ts";
import { coursesEn } from "./courses.en.ts";
import { coursesFa } from "./courses.fa.ts";
import { coursesSo } from "./courses.so.ts";
import { coursesSv } from "./courses.sv.ts";
import { coursesTi } from "./courses.ti.ts";
import { eidAr } from "./eid.ar.ts";
import { eidEn } from "./eid.en.ts";
import { eidFa } from "./eid.fa.ts";
import { eidSo } from "./eid.so.ts";
import { eidSv } from "./eid.sv.ts";
import { eidTi } from "./eid.ti.ts";
import { feedbackAr } from "./feedback.ar.ts";
import { feedbackEn } from "./feedback.en.ts";
import { feedbackFa } from "./feedback.fa.ts";
import { feedbackSo } from "./feedback.so.ts";
import { feedbackSv } from "./feedback.sv.ts";
import { feedbackTi } from "./feedback.ti.ts";
import { myDataAr } from "./my-data.ar.ts";
import { myDataEn } from "./my-data.en.ts";
import { myDataFa } from "./my-data.fa.ts";
import { myDataSo } from "./my-data.so.ts";
import { myDataSv } from "./my-data.sv.ts";
import { myDataTi } from "./my-data.ti.ts";
import { planAr } from "./plan.ar.ts";
import { planEn } from "./plan.en.ts";
import { planFa } from "./plan.fa.ts";
import { planSo } from "./plan.so.ts";
import { planSv } from "./plan.sv.ts";
import { planTi } from "./plan.ti.ts";
import { signInAr } from "./sign-in.ar.ts";
import { signInEn } from "./sign-in.en.ts";
import { signInFa } from "./sign-in.fa.ts";
import { signInSo } from "./sign-in.so.ts";
import { signInSv } from "./sign-in.sv.ts";
import { signInTi } from "./sign-in.ti.ts";
import { supportAr } from "./support.ar.ts";
import { supportEn } from "./support.en.ts";
import { supportFa } from "./support.fa.ts";
import { supportSo } from "./support.so.ts";
import { supportSv } from "./support.sv.ts";
import { supportTi } from "./support.ti.ts";

export const portalSv = {
  ...commonSv,
  ...signInSv,
  ...eidSv,
  ...planSv,
  ...bookingSv,
  ...supportSv,
  ...myDataSv,
  ...accessibilitySv,
  ...coursesSv,
  ...feedbackSv,
};
export type PortalKey = keyof typeof portalSv;

export const PORTAL_CATALOGUES: Readonly<
  Record<PortalLocale, Readonly<Record<PortalKey, string>>>
> = {
  sv: portalSv,
  en: {
    ...commonEn,
    ...signInEn,
    ...eidEn,
    ...planEn,
    ...bookingEn,
    ...supportEn,
    ...myDataEn,
    ...accessibilityEn,
    ...coursesEn,
    ...feedbackEn,
    ...coursesEn,
    ...feedbackEn,
  },
  ar: {
    ...commonAr,
    ...signInAr,
    ...eidAr,
    ...planAr,
    ...bookingAr,
    ...supportAr,
    ...myDataAr,
    ...accessibilityAr,
    ...coursesAr,
    ...feedbackAr,
    ...coursesAr,
    ...feedbackAr,
  },
  so: {
    ...commonSo,
    ...signInSo,
    ...eidSo,
    ...planSo,
    ...bookingSo,
    ...supportSo,
    ...myDataSo,
    ...accessibilitySo,
    ...coursesSo,
    ...feedbackSo,
    ...coursesSo,
    ...feedbackSo,
  },
  ti: {
    ...commonTi,
    ...signInTi,
    ...eidTi,
    ...planTi,
    ...bookingTi,
    ...supportTi,
    ...myDataTi,
    ...accessibilityTi,
    ...coursesTi,
    ...feedbackTi,
    ...coursesTi,
    ...feedbackTi,
  },
  fa: {
    ...commonFa,
    ...signInFa,
    ...eidFa,
    ...planFa,
    ...bookingFa,
    ...supportFa,
    ...myDataFa,
    ...accessibilityFa,
    ...coursesFa,
    ...feedbackFa,
    ...coursesFa,
    ...feedbackFa,
  },
};
