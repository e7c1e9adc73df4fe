// Swedish texts of the periodic-reports pages (one report, the lead's form, the steering
// group's analysis); spread into sv.ts. Question and answer texts follow
// src/reports/periodic-report-content.ts (STATUS_QUESTIONS, ANSWER_LABELS).
export const periodicReportsSv = {
  "periodicReport.periodLabel": "{kind, select, T {Tertial} other {Kvartal}} {number} {year}",
  "periodicReport.title": "Periodisk rapport: {initiative}, {period}",
  "periodicReport.editTitle": "Skriv rapporten: {initiative}, {period}",
  "periodicReport.steeringEditTitle": "Styrgruppens analys: {initiative}, {period}",
  "periodicReport.backToReports": "Alla rapporter",
  "periodicReport.backToReport": "Tillbaka till rapporten",
  "periodicReport.reload": "Hämta den senaste versionen av sidan",
  "periodicReport.reloadLatest": "Hämta den senaste versionen",
  "periodicReport.conflictHelp":
    "Det du skrev finns kvar i formuläret nedan men är inte sparat. Hämta den senaste versionen, och skriv in dina ändringar igen.",
  "periodicReport.onThisPage": "På den här sidan",
  "periodicReport.requiredToSubmit": "krävs för att skicka in",
  "periodicReport.empty": "Inte ifyllt",
  "periodicReport.dateHint": "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-04-28.",

  // status
  "periodicReport.status.utkast": "Utkast",
  "periodicReport.status.inskickad": "Inskickad",
  "periodicReport.status.aterskickad": "Åter för komplettering",
  "periodicReport.status.returnedShort": "Åter",
  "periodicReport.status.returnedOverdue": "Åter för komplettering, försenad (förföll {due})",
  "periodicReport.status.returnedOverdueShort": "Åter, försenad (förföll {due})",
  "periodicReport.status.last": "Låst",
  "periodicReport.status.overdue": "Försenad (förföll {due})",

  // header
  "periodicReport.initiative": "Insats",
  "periodicReport.owner": "Insatsägare",
  "periodicReport.period": "Period",
  "periodicReport.periodDates": "{label} ({key}), {start} – {end}",
  "periodicReport.dueDate": "Sista dag att skicka in",
  "periodicReport.statusLabel": "Status",
  "periodicReport.submittedOn": "Inskickad",
  "periodicReport.submittedLate": "{date}, efter sista dagen",
  "periodicReport.registryNumber": "Diarienummer",
  "periodicReport.notRegistered": "Får diarienummer när förbundet registrerar ankomsten",
  "periodicReport.arrivalDate": "Ankomstdatum",
  "periodicReport.receivedBy": "Mottagen av",
  "periodicReport.lockedAt": "Granskad och låst",
  "periodicReport.overdueWarning":
    "Rapporten för {period} är försenad. Den skulle ha skickats in senast {due}.",
  "periodicReport.edit": "Skriv eller ändra rapporten",
  "periodicReport.writeSteering": "Skriv styrgruppens analys (2.6)",
  "periodicReport.downloadDocx": "Ladda ner som Word (DOCX)",
  "periodicReport.downloadPdf": "Ladda ner som PDF",
  "periodicReport.returnedTitle": "Förbundet har skickat tillbaka rapporten",
  "periodicReport.returnedHelp":
    "Komplettera rapporten och skicka in den igen. Det som redan är skrivet finns kvar.",

  // notices
  "periodicReport.notice.saved": "Rapporten är sparad som utkast.",
  "periodicReport.notice.steeringSaved": "Styrgruppens analys är sparad.",
  "periodicReport.notice.submitted": "Rapporten är inskickad. Förbundet granskar den.",
  "periodicReport.notice.resubmitted":
    "Rapporten är inskickad igen. Förbundet granskar kompletteringen.",
  "periodicReport.notice.registered": "Ankomsten är registrerad med diarienummer {number}.",
  "periodicReport.notice.locked": "Rapporten är godkänd och låst. Den kan inte längre ändras.",
  "periodicReport.notice.returned":
    "Rapporten är skickad tillbaka för komplettering. Insatsansvarig kan nu ändra den.",
  "periodicReport.notice.commented": "Kommentaren är sparad.",

  // sections
  "periodicReport.activityReport": "2 Aktivitetsrapport",
  "periodicReport.field.activities": "2.1 Aktiviteter under perioden",
  "periodicReport.field.deviations": "2.2 Avvikelser från planering och vidtagna åtgärder",
  "periodicReport.field.userParticipation": "2.3 Brukarmedverkan",
  "periodicReport.goalsTitle": "2.4 Mål och delmål",
  "periodicReport.summaryTitle": "2.5 Sammanfattande bedömning",
  "periodicReport.field.goingWell": "Vad går bra?",
  "periodicReport.field.goingLessWell": "Vad går mindre bra?",
  "periodicReport.field.successFactors": "Framgångsfaktorer",
  "periodicReport.field.systemFaults": "Systemfel och hinder",
  "periodicReport.field.measures": "Åtgärder",
  "periodicReport.hint.activities": "Vad har ni gjort eller startat under perioden?",
  "periodicReport.hint.deviations":
    "Vad har avvikit från planen när det gäller ekonomi, tidsplan, aktiviteter eller mål i siffror? Vad har ni gjort åt det?",
  "periodicReport.hint.userParticipation":
    "Hur har deltagarna varit med och påverkat? Vad ändrades tack vare dem?",
  "periodicReport.hint.goingWell": "Det som fungerar och bör fortsätta.",
  "periodicReport.hint.goingLessWell": "Det som inte fungerar som ni tänkt.",
  "periodicReport.hint.successFactors": "Vad gör att det går bra?",
  "periodicReport.hint.systemFaults":
    "Hinder i regler, organisation eller samverkan som insatsen inte själv kan lösa.",
  "periodicReport.hint.measures": "Vad gör ni framåt?",
  "periodicReport.noGoals": "Insatsen har inga mål registrerade.",
  "periodicReport.goal": "Mål {number}",
  "periodicReport.goalNumbered": "Mål {number}: {text}",
  "periodicReport.goalText": "Mål",
  "periodicReport.assessment": "Bedömning",
  "periodicReport.goalComment": "Kommentar till mål {number}",
  "periodicReport.comment": "Kommentar",
  "periodicReport.notAnswered": "Inte besvarad",

  // status questions
  "periodicReport.statusQuestions": "Statusfrågor",
  "periodicReport.statusQuestionsHelp":
    "Svara på varje fråga. Svaren används i förbundets uppföljning. Några svar hämtar Samspår från sina egna uppgifter: kontrollera dem och ändra om de inte stämmer.",
  "periodicReport.question": "Fråga",
  "periodicReport.answer": "Svar",
  "periodicReport.commentAndBasis": "Kommentar och underlag",
  "periodicReport.answerComment": "Kommentar",
  "periodicReport.inPhaseCommentHint":
    "Om du svarar ”Ja, med kommentar” skriver du kommentaren här.",
  "periodicReport.derivedCommentHint": "Ändrar du svaret från Samspår? Förklara varför här.",
  "periodicReport.derivedNote": "Hämtat från Samspår: {answer}. {basis}",
  "periodicReport.derivedNoteOpen": "Samspår kan inte svara på frågan: {basis}",
  "periodicReport.suggested": "{answer} (förslag från Samspår)",
  "periodicReport.basis": "Hämtat från Samspår: {basis}",
  "periodicReport.carried": "(besvarad med Ja i en tidigare rapport)",
  "periodicReport.carriedNote":
    "Besvarad med Ja i en tidigare rapport. Frågan behöver inte besvaras igen.",
  "periodicReport.fieldComment": "{name}, {at}: {text}",
  "periodicReport.question.inPhase": "Ligger insatsen i fas gällande uppsatta mål?",
  "periodicReport.question.steeringPrognosis": "Styrgruppens prognos för måluppfyllelse",
  "periodicReport.question.startedOnTime": "Startade insatsen i tid?",
  "periodicReport.question.vacanciesFunded": "Vakanser i tjänster finansierade av förbundet?",
  "periodicReport.question.vacanciesOwn": "Vakanser i egenfinansierade resurser?",
  "periodicReport.question.budgetDeviationSubmitted": "Avvikelse gällande budget inlämnad?",
  "periodicReport.question.steeringMeetingsAsAgreed": "Styrgruppsmöten enligt avtal?",
  "periodicReport.question.allOrdinaryAttended": "Har alla ordinarie representanter deltagit?",
  "periodicReport.question.followUpAsAgreed": "Uppföljning enligt avtal?",
  "periodicReport.question.methodChecked": "Kontroll av metod",
  "periodicReport.question.targetGroupChecked": "Kontroll av målgrupp",
  "periodicReport.question.equityDiscussed": "Jämlikhet diskuterad (i styrgruppen eller i arbetet)",
  "periodicReport.question.genderEqualityDiscussed":
    "Jämställdhet diskuterad (i styrgruppen eller i arbetet)",
  "periodicReport.question.deviationGoalsOrTargetGroup": "Avvikelse mål/målgrupp",
  "periodicReport.answer.ja": "Ja",
  "periodicReport.answer.ja_kommentar": "Ja, med kommentar (Ja*)",
  "periodicReport.answer.nej": "Nej",
  "periodicReport.answer.for_tidigt": "För tidigt att utläsa",
  "periodicReport.answer.ingen": "– (ingen prognos)",
  "periodicReport.answer.uppfyllt": "Uppfyllt",
  "periodicReport.answer.i_fas": "I fas",
  "periodicReport.answer.risk": "Risk",
  "periodicReport.answer.ej_i_fas": "Ej i fas",

  // reporters
  "periodicReport.reportersTitle": "3 Uppgiftslämnare",
  "periodicReport.reportedBy": "Uppgiftslämnare",
  "periodicReport.reportedByHint": "Namn på den eller de som lämnar uppgifterna.",
  "periodicReport.reportedOn": "Datum",

  // 2.6
  "periodicReport.steeringTitle": "2.6 Styrgruppens analys",
  "periodicReport.steeringIntro":
    "Styrgruppen skriver sin analys av perioden. Du kan ändra den tills förbundet har låst rapporten.",
  "periodicReport.steeringField.goalFulfilment": "Måluppfyllelse",
  "periodicReport.steeringField.budget": "Budget",
  "periodicReport.steeringField.deviations": "Avvikelser",
  "periodicReport.steeringField.implementationPlan": "Implementeringsplan",
  "periodicReport.steeringHint.goalFulfilment": "Hur ser styrgruppen på måluppfyllelsen?",
  "periodicReport.steeringHint.budget": "Följer insatsen budgeten? Vad behöver ändras?",
  "periodicReport.steeringHint.deviations": "Vilka avvikelser ser styrgruppen, och vad görs?",
  "periodicReport.steeringHint.implementationPlan":
    "Hur ska arbetssättet leva vidare i ordinarie verksamhet?",
  "periodicReport.writtenBy": "Skriven av",
  "periodicReport.writtenByHint": "Namn och roll i styrgruppen, till exempel Anna Ek, ordförande.",
  "periodicReport.writtenOn": "Datum",
  "periodicReport.steeringWrittenBy": "Skriven av {name}, {date}.",
  "periodicReport.steeringNotWritten": "Styrgruppen har inte skrivit sin analys än.",
  "periodicReport.saveSteering": "Spara styrgruppens analys",

  // the lead's form
  "periodicReport.editIntro":
    "Skriv rapporten för perioden. Du kan spara ett utkast och fortsätta senare. Skicka in den senast {due}.",
  "periodicReport.editIntroOverdue":
    "Rapporten skulle ha skickats in senast {due}. Skriv den och skicka in så snart du kan.",
  "periodicReport.saveDraft": "Spara utkast",
  "periodicReport.saveAndSubmit": "Spara och skicka in",
  "periodicReport.savedNotSubmitted":
    "Utkastet är sparat, men rapporten är inte inskickad. Rätta det som står nedan och skicka in igen.",
  "periodicReport.notEditableTitle": "Rapporten kan inte ändras",
  "periodicReport.notEditableSubmitted":
    "Rapporten är inskickad och väntar på granskning. Du kan ändra den igen om förbundet skickar tillbaka den.",
  "periodicReport.notEditableLocked":
    "Rapporten är granskad och låst. Den kan inte ändras av någon.",

  // workflow panels
  "periodicReport.submitTitle": "Skicka in",
  "periodicReport.submitHelp":
    "När du skickar in rapporten kan du inte ändra den, om inte förbundet skickar tillbaka den. Alla statusfrågor och målen måste vara besvarade.",
  "periodicReport.resubmitHelp": "Skicka in rapporten igen när du har kompletterat den.",
  "periodicReport.submit": "Skicka in rapporten",
  "periodicReport.resubmit": "Skicka in rapporten igen",
  "periodicReport.reviewTitle": "Granskning",
  "periodicReport.registerTitle": "Registrera ankomst",
  "periodicReport.registerHelp":
    "Registrera när rapporten kom in och vem som tog emot den. Rapporten får då ett diarienummer.",
  "periodicReport.arrivalDateHint": "Dagen rapporten kom in. Skriv datumet som ÅÅÅÅ-MM-DD.",
  "periodicReport.initials": "Dina initialer",
  "periodicReport.initialsHint": "2–4 bokstäver, till exempel ML.",
  "periodicReport.register": "Registrera ankomsten",
  "periodicReport.acceptTitle": "Godkänn och lås",
  "periodicReport.acceptHelp":
    "Registrerad med diarienummer {number}, inkom {date}, mottagen av {initials}. När du låser rapporten kan ingen ändra den.",
  "periodicReport.acceptNeedsRegistration":
    "Du kan godkänna och låsa rapporten när ankomsten är registrerad.",
  "periodicReport.accept": "Godkänn och lås rapporten",
  "periodicReport.returnTitle": "Skicka tillbaka för komplettering",
  "periodicReport.returnMessage": "Vad ska kompletteras?",
  "periodicReport.returnMessageHint":
    "Skriv så att insatsansvarig förstår vad som saknas. Meddelandet sparas som en kommentar.",
  "periodicReport.returnSubmit": "Skicka tillbaka",

  // comments
  "periodicReport.commentsTitle": "Kommentarer",
  "periodicReport.noComments": "Inga kommentarer än.",
  "periodicReport.commentBy": "{name}, {at}",
  "periodicReport.commentAbout": "– gäller ”{question}”",
  "periodicReport.commentField": "Kommentaren gäller",
  "periodicReport.commentWhole": "Hela rapporten",
  "periodicReport.commentHint": "Förbundet, styrgruppen och insatsansvarig ser kommentaren.",
  "periodicReport.commentSubmit": "Spara kommentaren",
  "periodicReport.lockedNoComments": "Rapporten är låst. Den kan inte få fler kommentarer.",

  // history
  "periodicReport.historyTitle": "Versioner",
  "periodicReport.version": "Version",
  "periodicReport.when": "Tid",
  "periodicReport.who": "Vem",
  "periodicReport.event": "Händelse",
  "periodicReport.system": "Samspår (automatiskt)",
  "periodicReport.event.created": "Skapad",
  "periodicReport.event.saved": "Sparad",
  "periodicReport.event.steering_analysis_saved": "Styrgruppens analys sparad",
  "periodicReport.event.submitted": "Inskickad",
  "periodicReport.event.resubmitted": "Inskickad igen",
  "periodicReport.event.registered": "Ankomst registrerad",
  "periodicReport.event.returned": "Skickad tillbaka för komplettering",
  "periodicReport.event.locked": "Godkänd och låst",
} as const;
