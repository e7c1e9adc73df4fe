// Swedish texts of the staff pages for courses: the preview of the draft; spread into sv.ts.
export const coursePreviewSv = {
  "coursePreview.title": "Förhandsvisning: {title}",
  "coursePreview.banner": "Förhandsvisning – så här ser deltagarna kursen om du publicerar nu",
  "coursePreview.intro":
    "Ett kapitel som inte är klart på det valda språket visas på svenska, precis som för deltagarna. Frågornas rätta svar är markerade här; deltagarna ser dem först när de har svarat.",
  "coursePreview.choose": "Välj vad du vill se",
  "coursePreview.language": "Språk",
  "coursePreview.chapter": "Kapitel",
  "coursePreview.chapterOption": "{number}. {title}",
  "coursePreview.chapterInSwedish": "{number}. {title} (visas på svenska)",
  "coursePreview.page": "Sida",
  "coursePreview.show": "Visa",
  "coursePreview.back": "Tillbaka till kursen",
  "coursePreview.noChapters":
    "Kursen har inga kapitel än. Lägg till ett kapitel med minst en sida för att se förhandsvisningen.",
  "coursePreview.noPages": "Kapitlet har inga sidor än. Lägg till en sida för att se den här.",
  "coursePreview.noPage": "Sidan finns inte i kapitlet. Välj en sida mellan 1 och {count}.",
  "coursePreview.versionBanner":
    "Version {number}, publicerad {date} – exakt som den publicerades för deltagarna",
  "coursePreview.version": "Version",
  "coursePreview.draft": "Utkastet (så som det skulle publiceras nu)",
  "coursePreview.versionOption": "Version {number}, publicerad {date}",
} as const;
