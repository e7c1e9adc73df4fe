// Swedish texts of the staff pages for courses and Tyck till: the protected figures; spread into sv.ts.
// The rows' labels and definitions are read by src/courses/figures.ts and src/evaluation/results.ts
// too (and by the follow-up report's definitions).
export const courseFiguresSv = {
  "courseFigures.title": "Kurser i portalen",
  "courseFigures.intro":
    "Hur deltagarna i {initiative} läser kurserna i deltagarportalen under perioden: hur många som började och avslutade varje kurs och hur många kapitel som blev klara. Siffrorna går igenom förbundets röjandekontroll, så ingen enskild deltagare kan pekas ut.",
  "courseFigures.link": "Kurser i portalen (påbörjade och avslutade kurser)",
  "courseFigures.back": "Tillbaka till insatsen",
  "courseFigures.none":
    "Det finns inga publicerade kurser för insatsen. När en kurs har publicerats visas dess siffror här.",
  "courseFigures.course.meta":
    "Version {version}, {chapters, plural, one {# kapitel} other {# kapitel}}.",
  "courseFigures.course.forAll": "Kursen är förbundets och finns för alla insatser.",
  "courseFigures.course.withdrawn":
    "Kursen är tillbakadragen och visas inte längre för deltagarna.",
  "courseFigures.column.figure": "Uppgift",
  "courseFigures.row.started": "Påbörjade kursen",
  "courseFigures.row.started.definition":
    "Deltagare som har öppnat minst ett kapitel av kursen under perioden. En person räknas en gång per kurs. Kön enligt deltagarregistret.",
  "courseFigures.row.finished": "Avslutade kursen",
  "courseFigures.row.finished.definition":
    "Deltagare som har gjort klart alla kapitel i kursens senaste version, det sista av dem under perioden. En person räknas en gång per kurs.",
  "courseFigures.row.chapters": "Klara kapitel",
  "courseFigures.row.chapters.definition":
    "Antal kapitel av kursen som deltagarna gjorde klart under perioden, inte antal personer. En person som gör klart tre kapitel räknas tre gånger.",
  "courseFigures.quiz": "Rätt svar på första försöket",
  "courseFigures.quiz.definition":
    "Andel av deltagarnas svar på kursens kunskapsfrågor, med det senaste svaret under perioden, som var rätt redan första gången. Visas inte när svaren är för få.",
  "courseFigures.quiz.none": "Kursen har inga kunskapsfrågor.",
  "courseFigures.genderNote":
    "Kolumnen Totalt räknar alla: kvinnor, män och deltagare med annat kön, som inte vill ange kön eller där uppgift saknas. Därför kan Totalt vara större än kvinnor och män tillsammans.",
  "courseFigures.leftOut":
    "{count, plural, one {# summa visas} other {# summor visas}} som ”..” eftersom dolda uppgifter annars skulle kunna räknas fram.",
  "courseFigures.caption": "{title}, {from} – {to}",
  "courseFigures.results.title": "Tyck till – resultat",
  "courseFigures.results.intro":
    "Vad deltagarna i {initiative} har svarat i Tyck till, fråga för fråga, per månad och för hela perioden. Svaren är anonyma och går igenom förbundets röjandekontroll. Fritextsvar räknas bara här; texterna visas inte.",
  "courseFigures.results.link": "Tyck till – resultat per fråga",
  "courseFigures.results.context.legend": "Vilka svar",
  "courseFigures.results.context.kapitel": "Korta frågor efter kapitel",
  "courseFigures.results.context.mote": "Korta frågor efter möten",
  "courseFigures.results.context.slut": "Slutenkäten",
  "courseFigures.results.context.error":
    "Välj vilka svar som ska visas: efter kapitel, efter möten eller slutenkäten.",
  "courseFigures.results.none":
    "Insatsen har inga frågor för de här svaren och inga svar under perioden. Frågorna skrivs under Tyck till på insatsens sida.",
  "courseFigures.results.whole": "Hela perioden",
  "courseFigures.results.column.period": "Period",
  "courseFigures.results.column.answers": "Antal svar",
  "courseFigures.results.column.mean": "Medelvärde",
  "courseFigures.results.value": "Svar {value}",
  "courseFigures.results.scale": "Skala 1–5. 1 betyder ”{low}”, 5 betyder ”{high}”.",
  "courseFigures.results.scalePlain": "Skala 1–5.",
  "courseFigures.results.freeText":
    "Fritextfråga: bara antalet svar visas här. Texterna läser insatsens deltagarhandläggare.",
  "courseFigures.results.notInForm":
    "Frågan finns inte längre bland insatsens frågor. Svaren från när den ställdes räknas ändå.",
  "courseFigures.results.answersDefinition":
    "Antal svar är hur många som svarade på frågan (inte hoppade över den). Svaren sparas utan namn, med månaden de lämnades.",
  "courseFigures.results.meanDefinition":
    "Medelvärdet är genomsnittet av svaren 1–5, med en decimal. Det visas bara när alla delar av fördelningen visas: annars skulle dolda antal kunna räknas fram.",
  "courseFigures.results.mean.few": "visas inte, för få svar",
  "courseFigures.results.mean.distribution": "visas inte, en del av fördelningen är dold",
  "courseFigures.results.distributionHidden": "Fördelningen visas inte, för få svar.",
  "courseFigures.results.chart.title": "Svaren på ”{question}”, hela perioden",
  "courseFigures.results.chart.description":
    "Stapeldiagram: antal svar för varje värde 1–5 under hela perioden. {shown}",
  "courseFigures.results.chart.hidden":
    "{count, plural, one {# stapel ritas inte} other {# staplar ritas inte}} eftersom antalet är dolt; se tabellen.",
  "courseFigures.results.chart.axis": "Antal svar",
} as const;
