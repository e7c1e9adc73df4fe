// English texts of progression measurement's pages (instruments); spread into en.ts.
import type { progressionInstrumentsSv } from "./progression-instruments.sv.ts";

export const progressionInstrumentsEn: Record<keyof typeof progressionInstrumentsSv, string> = {
  "progressionInstruments.listTitle": "Rating instruments",
  "progressionInstruments.listLead":
    "The instruments the association can measure its participants’ progression with: Samspår’s own open instruments and the association’s own. A published instrument never changes, since it may have answers; a change becomes a new version.",
  "progressionInstruments.listLeadReadOnly":
    "The instruments the association can measure its participants’ progression with. The association’s office adds and changes instruments.",
  "progressionInstruments.listCaption": "The association’s instruments, Samspår’s first",
  "progressionInstruments.columnName": "Instrument",
  "progressionInstruments.columnOrigin": "From",
  "progressionInstruments.columnLicence": "Licence",
  "progressionInstruments.columnVersions": "Versions",
  "progressionInstruments.fromSamspar": "From Samspår",
  "progressionInstruments.fromAssociation": "The association’s own",
  "progressionInstruments.archivedTag": "Archived",
  "progressionInstruments.open": "Open",
  "progressionInstruments.versionPublished": "Version {number}: published {date}",
  "progressionInstruments.versionDraft": "Version {number}: draft",
  "progressionInstruments.showArchived": "Also show archived instruments",
  "progressionInstruments.hideArchived": "Show only instruments in use",
  "progressionInstruments.none": "The association has no instruments of its own yet.",
  "progressionInstruments.addOwn": "Add an instrument of your own",
  "progressionInstruments.licensedNote":
    "Licensed instruments, such as KASAM or the national indicator questionnaires, may only be added if the association holds a licence to use them. They must not be reworded: enter the questions, the scale and the instructions exactly as in the original.",

  "progressionInstruments.newTitle": "New instrument",
  "progressionInstruments.newLead":
    "Give the instrument a name and a short name. Then write the questions in a draft, which you publish when it is ready. A published instrument can be chosen in the initiatives’ measurement plans.",
  "progressionInstruments.key": "Short name",
  "progressionInstruments.keyHint":
    "Lower-case letters a–z, digits and hyphens, for example kasam-13. The short name appears in exports and cannot be changed.",
  "progressionInstruments.name": "Name",
  "progressionInstruments.nameHint": "As staff see it, for example KASAM-13.",
  "progressionInstruments.licence": "Licence",
  "progressionInstruments.licenceHint":
    "Leave empty for an open instrument. For a licensed one: who holds the licence and on what terms, for example Licence from Foundation X, valid 2026–2028.",
  "progressionInstruments.licenceConfirmed":
    "The association holds a licence to use the instrument unchanged",
  "progressionInstruments.licenceConfirmedHint":
    "Required for a licensed instrument. Its questions must then not be reworded.",
  "progressionInstruments.create": "Create the instrument",
  "progressionInstruments.backToList": "Back to the instruments",

  "progressionInstruments.shippedNote":
    "This instrument comes with Samspår and is the same for every association. It cannot be changed here; create an instrument of your own if the association needs other questions.",
  "progressionInstruments.licencedInstrument":
    "Licensed instrument: {licence}. It must not be reworded: the questions, the scale and the instructions must be exactly as in the original.",
  "progressionInstruments.openInstrument": "Open instrument.",
  "progressionInstruments.archivedNote":
    "The instrument is archived: it is not offered for new measurement plans. Its versions and every answer remain.",
  "progressionInstruments.noticeCreated":
    "The instrument has been created. Write the questions in the draft below and save.",
  "progressionInstruments.noticeSaved": "The draft has been saved.",
  "progressionInstruments.noticePublished":
    "The version has been published. It can now be chosen in the initiatives’ measurement plans and never changes.",
  "progressionInstruments.noticeNewVersion":
    "A new version has been started as a copy of the latest. Change it and publish it when it is ready.",
  "progressionInstruments.noticeArchived": "The instrument has been archived.",
  "progressionInstruments.noticeUnarchived": "The instrument is in use again.",
  "progressionInstruments.noticeItemAdded":
    "A question has been added at the end. The change is saved when you press Save draft.",
  "progressionInstruments.noticeItemRemoved":
    "Question {number} has been removed. The change is saved when you press Save draft.",
  "progressionInstruments.noticeSubscaleAdded":
    "A subscale has been added at the end. The change is saved when you press Save draft.",
  "progressionInstruments.noticeSubscaleRemoved":
    "Subscale {number} has been removed; its questions now count in the total only. The change is saved when you press Save draft.",
  "progressionInstruments.reload": "Reload the page",
  "progressionInstruments.versionHeadingDraft": "Version {number} (draft)",
  "progressionInstruments.versionHeadingPublished": "Version {number} (published {date})",
  "progressionInstruments.versionMeta": "Created {date} by {by}",
  "progressionInstruments.versionPublishedMeta": "Published {date} by {by}",
  "progressionInstruments.draftLead":
    "The draft can be changed until it is published. Empty translations are shown in Swedish. Every Swedish text must be filled in before the version can be published.",
  "progressionInstruments.draftReadOnly": "The draft has not been published yet.",
  "progressionInstruments.publishedLead":
    "The version is published and may have answers. It never changes; start a new version to change the questions.",
  "progressionInstruments.olderVersions": "Earlier versions",

  "progressionInstruments.about": "About the instrument",
  "progressionInstruments.respondent": "Who answers",
  "progressionInstruments.respondent_deltagare": "The participant (self-rating)",
  "progressionInstruments.respondent_personal": "Staff (rating of the participant)",
  "progressionInstruments.instructions": "Instructions",
  "progressionInstruments.instructionsHint": "Shown above the questions. Short and simple.",
  "progressionInstruments.scale": "Scale",
  "progressionInstruments.scaleMin": "Lowest value",
  "progressionInstruments.scaleMax": "Highest value",
  "progressionInstruments.scaleHint": "A whole number from 0 to 100.",
  "progressionInstruments.minLabel": "Text for the lowest value",
  "progressionInstruments.maxLabel": "Text for the highest value",
  "progressionInstruments.minLabelHint": "For example Not at all.",
  "progressionInstruments.maxLabelHint": "For example Completely.",
  "progressionInstruments.scoring": "Results",
  "progressionInstruments.method": "How the result is computed",
  "progressionInstruments.method_medel": "Mean of the answered questions",
  "progressionInstruments.method_summa":
    "Sum (the mean times the number of questions, so a skipped question does not lower the sum)",
  "progressionInstruments.minAnsweredShare": "Least share of questions answered (per cent)",
  "progressionInstruments.minAnsweredShareHint":
    "If the participant answered fewer questions, no result is given, neither in total nor for a subscale. For example 70.",
  "progressionInstruments.improvement": "Improvement that counts",
  "progressionInstruments.improvementHint":
    "How much the total must at least rise from the zero-point for the participant to count as improved, for example 1.",
  "progressionInstruments.subscales": "Subscales",
  "progressionInstruments.subscalesLead":
    "A subscale is computed from the questions that belong to it. A question may belong to a subscale or count in the total only.",
  "progressionInstruments.noSubscales": "The instrument has no subscales.",
  "progressionInstruments.subscaleLegend": "Subscale {number}",
  "progressionInstruments.subscaleKeyHint":
    "Lower-case letters a–z, digits and _, for example daily_life.",
  "progressionInstruments.subscaleName": "Name in Swedish",
  "progressionInstruments.addSubscale": "Add subscale",
  "progressionInstruments.removeSubscale": "Remove subscale {number}",
  "progressionInstruments.items": "Questions",
  "progressionInstruments.itemLegend": "Question {number}",
  "progressionInstruments.itemKeyHint":
    "Lower-case letters a–z, digits and _, for example fraga_1. Answers are stored under the short name.",
  "progressionInstruments.itemText": "The question in Swedish",
  "progressionInstruments.itemReverse":
    "Reverse-scored: a high answer means less of what is measured",
  "progressionInstruments.itemSubscale": "Subscale",
  "progressionInstruments.itemNoSubscale": "None (counts in the total only)",
  "progressionInstruments.addItem": "Add question",
  "progressionInstruments.removeItem": "Remove question {number}",
  "progressionInstruments.inLanguage": "{what} in {language}",
  "progressionInstruments.otherLanguages": "{what} in other languages",
  "progressionInstruments.nounInstructions": "The instructions",
  "progressionInstruments.nounMinLabel": "The text for the lowest value",
  "progressionInstruments.nounMaxLabel": "The text for the highest value",
  "progressionInstruments.nounSubscale": "The name of subscale {number}",
  "progressionInstruments.nounItem": "Question {number}",
  "progressionInstruments.saveDraft": "Save draft",
  "progressionInstruments.publish": "Publish version {number}",
  "progressionInstruments.confirmTitle": "Publish version {number}?",
  "progressionInstruments.confirmLead":
    "A published version can be chosen in the initiatives’ measurement plans and never changes, since it may get answers. Check the questions below before you publish.",
  "progressionInstruments.confirmLicensed":
    "The instrument is licensed: check that the questions, the scale and the instructions are exactly as in the original.",
  "progressionInstruments.confirmPublish": "Yes, publish version {number}",
  "progressionInstruments.cancel": "Cancel",
  "progressionInstruments.newVersion": "Start version {number}",
  "progressionInstruments.newVersionHint":
    "The new version becomes a draft with the same questions as version {number}. Answers already given belong to their version.",
  "progressionInstruments.archive": "Archive the instrument",
  "progressionInstruments.archiveHint":
    "An archived instrument is not offered for new measurement plans. Nothing is removed.",
  "progressionInstruments.unarchive": "Use the instrument again",
  "progressionInstruments.reverseTag": "reverse-scored",
  "progressionInstruments.inSubscale": "Subscale: {name}",
  "progressionInstruments.scaleSummary": "{min} ({minLabel}) to {max} ({maxLabel})",
  "progressionInstruments.scoringSummary":
    "{method}; at least {share} per cent of the questions answered; improved at {improvement} or more",
  "progressionInstruments.scoringMedel": "Mean",
  "progressionInstruments.scoringSumma": "Sum",
  "progressionInstruments.language_sv": "Swedish",
  "progressionInstruments.language_en": "English",
  "progressionInstruments.language_ar": "Arabic (العربية)",
  "progressionInstruments.language_so": "Somali (Soomaali)",
  "progressionInstruments.language_ti": "Tigrinya (ትግርኛ)",
  "progressionInstruments.language_fa": "Persian/Dari (فارسی)",
  "progressionInstruments.missingText": "(missing)",
};
