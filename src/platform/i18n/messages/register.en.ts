// English texts of register.sv.ts; spread into en.ts.
import type { registerSv } from "./register.sv.ts";

export const registerEn: Record<keyof typeof registerSv, string> = {
  "register.title": "Participants",
  "register.backToList": "Back to the participants",
  "register.loggedNote":
    "Everything you read and change in the participant register is logged: who, when and what. The participant can see the log about themselves.",
  "register.dateHint": "Write the date as YYYY-MM-DD, for example 2026-03-02.",
  "register.choose": "Choose …",
  "register.defaultLanguage": "svenska",
  "register.value.yes": "yes",
  "register.value.no": "no",
  "register.value.unknown": "not known",

  "register.identity.lagrad": "stored (encrypted)",
  "register.identity.anonym": "anonymous",
  "register.identity.raderad": "erased",
  "register.identity.skyddad": "protected identity",
  "register.identityKind.personnummer": "personal identity number",
  "register.identityKind.samordningsnummer": "coordination number",
  "register.status.ongoing": "Ongoing",
  "register.status.ended": "Ended",
  "register.status.voided": "Registration error (not counted)",
  "register.period.half": "Half-year {number} {year}",

  "register.action.register": "Register a participant",
  "register.action.import": "Import participants",
  "register.chooseInitiative.label": "Initiative",
  "register.chooseInitiative.submit": "Continue",
  "register.chooseInitiative.unknown":
    "The initiative in the link is not one of yours. Choose one of them here.",

  "register.list.intro":
    "The participants of the initiatives where you are participant officer. Identity numbers are masked; anonymous participants have no number but count in all statistics.",
  "register.list.structuralTitle": "Structural initiatives",
  "register.list.structuralIntro":
    "A structural initiative has no individual participants in the register. It records the number of participants per period.",
  "register.list.countsOf": "{name}: number of participants",
  "register.list.caption": "{count, plural, one {# enrollment} other {# enrollments}}",
  "register.list.none": "No enrollments match your choice.",
  "register.filter.legend": "Show enrollments",
  "register.filter.allInitiatives": "All my initiatives",
  "register.filter.status": "Status",
  "register.filter.all": "All",
  "register.filter.open": "Ongoing",
  "register.filter.ended": "Ended",
  "register.filter.submit": "Show",
  "register.column.participant": "Participant",
  "register.column.start": "Start",
  "register.column.end": "End",
  "register.column.status": "Status",

  "register.field.initiative": "Initiative",
  "register.field.registration": "How is the person registered?",
  "register.field.consentedOn": "Date of consent",
  "register.field.consentTextVersion": "Version of the consent text",
  "register.field.consentLanguage": "Language of the consent text",
  "register.field.recordedBy": "Recorded by",
  "register.field.withdrawnOn": "Consent withdrawn",
  "register.field.personalNumber": "Personal identity number or coordination number",
  "register.field.name": "Name (optional)",
  "register.field.identity": "Identity number",
  "register.field.identityKind": "Kind of number",
  "register.field.erasedAt": "Identity erased",
  "register.field.gender": "Gender",
  "register.field.birthYear": "Year of birth",
  "register.field.municipalityCode": "Municipality of residence (code)",
  "register.field.education": "Highest completed education",
  "register.field.supportBefore": "Income support before the initiative",
  "register.field.timeOnSupport": "Time on public income support",
  "register.field.occupationBefore": "Occupation before the initiative",
  "register.field.referrer": "Referring party",
  "register.field.startDate": "Start date",
  "register.field.actionPlanDate": "Date of the action plan",
  "register.field.localUnit": "Local unit",
  "register.field.externalKey": "Participant id",
  "register.field.endDate": "End date",
  "register.field.exitStatus": "Status at exit",
  "register.field.studies": "Studies at exit",
  "register.field.studiesToo": "Studies",
  "register.field.extent": "Extent",
  "register.field.supportAfter": "Income support after the initiative",
  "register.field.actionPlanAtExit": "Is there an action plan towards work or studies at exit?",

  "register.hint.registration":
    "Without consent, or if the person has a protected identity, the person is registered anonymously: only gender, year of birth, background and enrollment are stored – no identity number and no name.",
  "register.hint.consentedOn":
    "Filled in when registering with consent. Consent must be given on the start date at the latest. Write the date as YYYY-MM-DD.",
  "register.hint.consentTextVersion":
    "The version of the consent text the person agreed to, for example 2026:1.",
  "register.hint.consentLanguage": "The language in which the person read the consent text.",
  "register.hint.personalNumber":
    "Write YYYYMMDD-NNNN or YYMMDD-NNNN. The number is stored encrypted and shown masked. Leave empty for an anonymous registration.",
  "register.hint.name": "Stored encrypted, only with consent. Not needed for the statistics.",
  "register.hint.birthYear":
    "Four digits. When registering with an identity number you may leave it empty: the year is taken from the number.",
  "register.hint.birthYearLocked":
    "The year of birth follows from the stored identity number and cannot be changed.",
  "register.hint.municipalityCode":
    "Four digits, for example 0360 for Tierp. Leave empty if not known.",
  "register.hint.supportBefore":
    "Choose all that apply. If you choose none, it is recorded as not known.",
  "register.hint.actionPlanDate":
    "The date an action plan towards work or studies was made. Leave empty if there is none yet.",
  "register.hint.externalKey":
    "Optional: the initiative’s own reference, for example VX-0012. The same id is used when participants are imported from a file.",
  "register.hint.studies": "Tick if the person also studies, together with work.",
  "register.hint.extent": "Only when the person went to work.",

  "register.registration.samtycke": "With consent – the identity number is stored encrypted",
  "register.registration.anonym": "Anonymously – the person has not given consent",
  "register.registration.skyddad": "Anonymously – the person has a protected identity",

  "register.new.title": "Register a participant",
  "register.new.intro": "New enrollment in {name}.",
  "register.new.noIndividual":
    "You are not participant officer of any individual initiative, so there is no initiative to register participants in.",
  "register.new.consentTitle": "Consent and identity",
  "register.new.personTitle": "About the person",
  "register.new.backgroundTitle": "Background at start",
  "register.new.backgroundIntro": "What you do not know can be left as “not known”.",
  "register.new.enrollmentTitle": "Enrollment",
  "register.new.submit": "Register the participant",

  "register.notice.registered":
    "The participant is registered. The identity number is stored encrypted and shown masked.",
  "register.notice.registeredAnonymous":
    "The participant is registered anonymously: no identity number or name is stored.",
  "register.notice.exited": "The exit is saved.",
  "register.notice.background": "The details are saved.",
  "register.notice.withdrawn":
    "Consent is withdrawn and the identity erased. The details for the statistics remain.",
  "register.notice.protected":
    "The participant is marked as having a protected identity and the identity is erased. The details for the statistics remain.",
  "register.notice.voided":
    "The enrollment is voided as a registration error and is not counted in any statistics.",

  "register.enrollment.title": "Enrollment in {name}",
  "register.enrollment.participantTitle": "The participant",
  "register.enrollment.consentTitle": "Consent",
  "register.enrollment.noConsent":
    "No consent for this initiative: the participant is registered without identity.",
  "register.enrollment.enrollmentTitle": "Enrollment and background",
  "register.enrollment.noActionPlan": "no action plan yet",
  "register.enrollment.exitTitle": "Exit",
  "register.enrollment.ongoing": "The participant is enrolled and has not exited.",
  "register.enrollment.voided":
    "The enrollment is voided as a registration error ({date}) and is not counted.",

  "register.reveal.button": "Show identity number",
  "register.reveal.hint":
    "Showing the full identity number is logged with your name and the time, and appears under “Who has read”.",
  "register.reveal.number": "Identity number:",
  "register.reveal.name": "Name:",
  "register.reveal.logged": "The viewing is logged.",

  "register.exit.title": "Exit the participant",
  "register.exit.correctTitle": "Change the exit",
  "register.exit.studiesYes": "The person also studies",
  "register.exit.extentNone": "Not given",
  "register.exit.submit": "Exit the participant",
  "register.exit.correct": "Save the exit",

  "register.background.title": "Change the details from the start",
  "register.background.intro":
    "Correct gender, year of birth, municipality, background, start date or action plan if something went wrong at registration.",
  "register.background.submit": "Save the details",

  "register.erase.title": "Consent, protected identity and registration error",
  "register.erase.intro":
    "Withdrawn consent and a protected identity erase the identity number and the name; the details for the statistics remain. The erasure is recorded and cannot be undone.",
  "register.withdraw.start": "Consent has been withdrawn …",
  "register.withdraw.confirmTitle": "Withdraw consent",
  "register.withdraw.confirmText":
    "The identity number and the name are erased for good. The enrollment and the details for the statistics remain, without identity.",
  "register.withdraw.confirm": "Withdraw consent and erase the identity",
  "register.protect.start": "The person has a protected identity …",
  "register.protect.confirmTitle": "Protected identity",
  "register.protect.confirmText":
    "The person is marked as having a protected identity, and the identity number and the name are erased for good. The details for the statistics remain.",
  "register.protect.confirm": "Mark and erase the identity",
  "register.protect.already": "The person is marked as having a protected identity.",
  "register.void.start": "The enrollment is a registration error …",
  "register.void.confirmTitle": "Void as a registration error",
  "register.void.confirmText":
    "The enrollment is voided and not counted in any statistics. This cannot be undone: if the person does take part, make a new enrollment.",
  "register.void.confirm": "Void the enrollment",

  "register.export.title": "Register extract",
  "register.export.intro":
    "Everything the register holds about the person, with the full identity number and the log of who has read the details – for example when the person asks for an extract. The extract is logged.",
  "register.export.pdf": "Download the register extract (PDF)",
  "register.export.json": "Download the register extract (JSON)",

  "register.log.title": "Who has read",
  "register.log.intro": "The access log about this person, latest first.",
  "register.log.none": "No events yet.",
  "register.log.caption": "{count, plural, one {# event} other {# events}} in the access log",
  "register.log.column.at": "Time",
  "register.log.column.person": "Person",
  "register.log.column.role": "Role",
  "register.log.column.organisation": "Organisation",
  "register.log.column.action": "Event",
  "register.log.column.fields": "Details",
  "register.log.column.outcome": "Outcome",
  "register.log.action.read": "read",
  "register.log.action.search": "searched/listed",
  "register.log.action.reveal": "showed the full identity number",
  "register.log.action.export": "exported",
  "register.log.action.change": "changed",
  "register.log.action.erase": "erased the identity",
  "register.log.action.import": "imported",
  "register.log.outcome.ok": "done",
  "register.log.outcome.denied": "denied",
  "register.log.outcome.error": "error",
  "register.log.role.system": "system (automatic)",
  "register.log.field.identityMasked": "identity number (masked)",
  "register.log.field.identity": "identity number",
  "register.log.field.name": "name",
  "register.log.field.gender": "gender",
  "register.log.field.birthYear": "year of birth",
  "register.log.field.protectedIdentity": "protected identity",
  "register.log.field.consent": "consent",
  "register.log.field.enrollment": "enrollment",
  "register.log.field.startDate": "start date",
  "register.log.field.localUnit": "local unit",
  "register.log.field.municipalityCode": "municipality of residence",
  "register.log.field.actionPlanDate": "action plan",
  "register.log.field.background": "background",
  "register.log.field.exit": "exit",
  "register.log.field.externalKey": "participant id",
  "register.log.field.voided": "registration error",
  "register.log.field.countOnly": "number of participants",
  "register.log.field.erasures": "erasures",
  "register.log.field.accessLog": "access log",
  "register.log.field.measurements": "progression measurements",
  "register.log.field.jamforelsegrupp": "comparison group",
  "register.log.field.felregistrering:fel_deltagare": "registered in error (wrong participant)",
  "register.log.field.felregistrering:dubblett": "registered in error (registered twice)",
  "register.log.field.felregistrering:fel_instrument": "registered in error (wrong instrument)",
  "register.log.field.felregistrering:fel_tillfalle": "registered in error (wrong occasion)",

  "register.import.title": "Import participants",
  "register.import.intro":
    "Read participants into {name} from a CSV or XLSX file. First the whole file is checked without saving anything, and you see every row’s problems. Then you read it in.",
  "register.import.uploadTitle": "Choose a file",
  "register.import.uploadAgainTitle": "Check a corrected file",
  "register.import.file": "File of participants (CSV or XLSX)",
  "register.import.fileHint": "At most {size} MB. The columns are described further down the page.",
  "register.import.localUnitHint":
    "The local unit the file’s participants belong to: one file per local unit.",
  "register.import.consentHint":
    "The version and language of the consent text the file’s participants with an identity number agreed to. Leave both empty if not known.",
  "register.import.dryRunNote": "The check saves nothing.",
  "register.import.progress.checkLabel": "Checking {file}",
  "register.import.progress.importLabel": "Importing {file}",
  "register.import.progress.sending": "Sending {file} …",
  "register.import.progress.reading": "Reading {file} …",
  "register.import.progress.checked": "Row {done, number} of {total, number} checked",
  "register.import.progress.imported": "Row {done, number} of {total, number} imported",
  "register.import.progress.failed":
    "Something went wrong on our side before the file was done, so nothing is saved. Try again in a while.",
  "register.import.progress.lostCheck":
    "The connection was lost before the check was done. Nothing is saved. Check the file again.",
  "register.import.progress.lostImport":
    "The connection was lost before the answer came. Open the list of participants to see whether the file was read in, or check the file again – the same file twice never makes duplicates.",
  "register.import.progress.tooLarge":
    "The file {file} is too large to send. Split it into several smaller files and read them in one at a time.",
  "register.import.check": "Check the file",
  "register.import.checkTitle": "Check of {file}",
  "register.import.checkOk": "The file has no problems. Nothing is saved yet.",
  "register.import.checkProblems":
    "The file has problems. Nothing is saved. Correct the rows in the file and check it again.",
  "register.import.count.rows":
    "{count, plural, one {# row} other {# rows}} of participants in the file",
  "register.import.count.created":
    "{count, plural, one {# new enrollment} other {# new enrollments}}",
  "register.import.count.updated":
    "{count, plural, one {# enrollment changes} other {# enrollments change}}",
  "register.import.count.unchanged":
    "{count, plural, one {# enrollment unchanged} other {# enrollments unchanged}}",
  "register.import.count.withProblems":
    "{count, plural, =0 {no rows with problems} one {# row with problems} other {# rows with problems}}",
  "register.import.problems.caption":
    "{count, plural, one {# problem} other {# problems}} in the file",
  "register.import.problems.row": "Row",
  "register.import.problems.column": "Column",
  "register.import.problems.message": "Problem",
  "register.import.problems.wholeFile": "the whole file",
  "register.import.confirm": "Read in {count, plural, one {# row} other {# rows}}",
  "register.import.validRowsIntro":
    "You can also read in only the rows without problems. {count, plural, one {The row} other {The # rows}} with problems are then skipped; correct them and read the file in again later – the same participant id never makes duplicates.",
  "register.import.confirmValidRows":
    "Read in only the {count, plural, one {# row} other {# rows}} without problems",
  "register.import.doneTitle": "The import is done",
  "register.import.refusedTitle": "Nothing was read in",
  "register.import.saved":
    "{file} is read in: {created, plural, one {# new enrollment} other {# new enrollments}} and {updated, plural, one {# changed} other {# changed}}.",
  "register.import.nothingChanged":
    "{file} is checked: the register already had every detail, nothing changed.",
  "register.import.nothingSaved":
    "The file has problems, so nothing is saved. Correct the rows and check the file again.",
  "register.import.skipped":
    "{count, plural, one {# row with problems was} other {# rows with problems were}} not read in.",
  "register.import.toList": "To the participants",
  "register.import.again": "Import another file",
  "register.import.formatTitle": "The file’s format",
  "register.import.formatIntro":
    "The file has a header row with exactly these columns, in this order, and one row per enrollment.",
  "register.import.formatFile":
    "CSV with semicolons (;) or commas (,) between the columns, UTF-8 with or without BOM – or an XLSX workbook, whose first sheet is read.",
  "register.import.formatWords":
    "Code values are written with the Swedish words of the register’s lists, for example “kvinna”, “gymnasial” or “a-kassa”. Several values are separated by |, for example a-kassa|försörjningsstöd.",
  "register.import.formatEmpty": "An empty cell means “not known”. Dates are written YYYY-MM-DD.",
  "register.import.formatAnonymous":
    "An empty personnummer registers the participant anonymously. A personnummer requires samtycke_datum.",
  "register.import.formatAgain":
    "deltagar_id is the initiative’s own key: the same file again updates the enrollments and never makes duplicates.",
  "register.import.template": "Download an empty template (CSV)",
  "register.import.columnsCaption": "The columns of the file",
  "register.import.columnName": "Column",
  "register.import.columnContent": "Content",
  "register.import.formatDocument":
    "The full description of the format, with examples, is in Samspår’s documentation: docs/formats/participant-import.md.",
  "register.import.column.deltagar_id":
    "The initiative’s own id of the enrollment (required), for example VX-0012. Not an identity number.",
  "register.import.column.personnummer": "YYYYMMDD-NNNN or YYMMDD-NNNN. Empty = anonymous.",
  "register.import.column.samtycke_datum":
    "Date of consent; required with a personnummer, empty without.",
  "register.import.column.kon":
    "kvinna, man, annan (icke-binär), vill ej ange or uppgift saknas (required).",
  "register.import.column.fodelsear":
    "Four digits. Empty with a personnummer: the year is taken from the number.",
  "register.import.column.kommun":
    "The municipality code of residence, four digits, for example 0360.",
  "register.import.column.utbildning": "Highest completed education, for example gymnasial.",
  "register.import.column.forsorjning_fore": "Income support before; several separated by |.",
  "register.import.column.tid_offentlig_forsorjning":
    "under 1 år, 1–2 år, 2–3 år, mer än 3 år or okänd.",
  "register.import.column.sysselsattning_fore": "Occupation before, for example arbetslös.",
  "register.import.column.remittent": "Referring party, for example Arbetsförmedlingen.",
  "register.import.column.startdatum": "Date of the enrollment (required).",
  "register.import.column.handlingsplan_datum": "Date the action plan was made.",
  "register.import.column.slutdatum":
    "Date of the exit; filled in together with status_vid_avslut.",
  "register.import.column.status_vid_avslut":
    "For example arbete, ej subventionerat; studier; arbetssökande.",
  "register.import.column.studier_vid_avslut": "ja or nej: studies, also together with work.",
  "register.import.column.forsorjning_efter": "Income support after; several separated by |.",

  "register.counts.title": "Number of participants in {name}",
  "register.counts.backToInitiative": "Back to the initiative",
  "register.counts.intro":
    "A structural initiative records the number of participants per period, split into women, men and others – no individual persons.",
  "register.counts.individual":
    "{name} is an individual initiative: each participant is registered on their own, not as a number.",
  "register.counts.toParticipants": "To the initiative’s participants",
  "register.counts.none": "No numbers are recorded yet.",
  "register.counts.caption": "Number of participants per period",
  "register.counts.period": "Period",
  "register.counts.periodHint": "Periods that already have numbers are changed in the table above.",
  "register.counts.women": "Women",
  "register.counts.men": "Men",
  "register.counts.others": "Others",
  "register.counts.othersHint": "Another gender identity, prefers not to say, or not known.",
  "register.counts.total": "Total",
  "register.counts.recordedBy": "Recorded",
  "register.counts.recordedByAt": "{name}, {at}",
  "register.counts.change": "Change",
  "register.counts.changeOf": "Change the number for {period}",
  "register.counts.newTitle": "Record the number for a period",
  "register.counts.editTitle": "Change the number for {period}",
  "register.counts.submit": "Save the number",
  "register.counts.saved": "The number is saved.",

  "register.code.gender.kvinna": "woman",
  "register.code.gender.man": "man",
  "register.code.gender.annan": "other (non-binary)",
  "register.code.gender.vill_ej_ange": "prefers not to say",
  "register.code.gender.uppgift_saknas": "not known",
  "register.code.education.forgymnasial_kortare_an_9": "primary, shorter than 9 years",
  "register.code.education.forgymnasial_9": "primary, 9 years (compulsory school)",
  "register.code.education.gymnasial": "upper secondary",
  "register.code.education.eftergymnasial_kortare_an_3": "post-secondary, shorter than 3 years",
  "register.code.education.eftergymnasial_3_eller_langre": "post-secondary, 3 years or longer",
  "register.code.education.saknas": "none",
  "register.code.education.okand": "unknown",
  "register.code.education.uppgift_saknas": "not known",
  "register.code.support.lon": "salary",
  "register.code.support.sjukpenning": "sickness benefit incl. rehabilitation benefit",
  "register.code.support.aktivitetsersattning": "activity compensation",
  "register.code.support.sjukersattning": "sickness compensation",
  "register.code.support.a_kassa": "unemployment insurance",
  "register.code.support.aktivitetsstod": "activity support incl. development allowance",
  "register.code.support.etableringsersattning": "establishment allowance",
  "register.code.support.forsorjningsstod": "financial assistance",
  "register.code.support.studiemedel": "student finance",
  "register.code.support.annan": "other",
  "register.code.support.ingen": "none",
  "register.code.support.uppgift_saknas": "not known",
  "register.code.timeOnSupport.under_1_ar": "less than 1 year",
  "register.code.timeOnSupport.1_2_ar": "1–2 years",
  "register.code.timeOnSupport.2_3_ar": "2–3 years",
  "register.code.timeOnSupport.mer_an_3_ar": "more than 3 years",
  "register.code.timeOnSupport.okand": "unknown",
  "register.code.timeOnSupport.uppgift_saknas": "not known",
  "register.code.occupation.arbetslos": "unemployed",
  "register.code.occupation.sjukskriven": "on sick leave",
  "register.code.occupation.studerar": "studying",
  "register.code.occupation.arbetar_delvis": "working part-time",
  "register.code.occupation.ingen_sysselsattning": "no occupation",
  "register.code.occupation.okand": "unknown",
  "register.code.occupation.uppgift_saknas": "not known",
  "register.code.referrer.arbetsformedlingen": "Swedish Public Employment Service",
  "register.code.referrer.forsakringskassan": "Swedish Social Insurance Agency",
  "register.code.referrer.kommun": "municipality",
  "register.code.referrer.region": "region",
  "register.code.referrer.eget_initiativ": "own initiative",
  "register.code.referrer.annan": "other",
  "register.code.referrer.uppgift_saknas": "not known",
  "register.code.exitStatus.arbete_ej_subventionerat": "work, unsubsidised",
  "register.code.exitStatus.arbete_subventionerat": "work, subsidised",
  "register.code.exitStatus.eget_foretag": "own business",
  "register.code.exitStatus.studier": "studies",
  "register.code.exitStatus.arbetssokande": "job-seeking",
  "register.code.exitStatus.annan_insats": "another initiative",
  "register.code.exitStatus.sjukskriven": "on sick leave / ill health",
  "register.code.exitStatus.foraldraledig": "parental leave",
  "register.code.exitStatus.flyttat": "moved",
  "register.code.exitStatus.avbrutit": "dropped out",
  "register.code.exitStatus.kontakt_upphort": "contact lost",
  "register.code.exitStatus.avliden": "deceased",
  "register.code.exitStatus.annat": "other",
  "register.code.exitStatus.felregistrering": "registration error",
  "register.code.extent.heltid": "full-time",
  "register.code.extent.deltid": "part-time",
};
