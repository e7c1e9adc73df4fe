// Swedish texts of the portal: Stöd: the support guides. The source catalogue: every other language has
// exactly these keys (the type says so). Plain language: short sentences, everyday words.
export const supportSv = {
  "portal.support.title": "Stöd",
  "portal.support.intro":
    "Här finns korta guider. De hjälper dig med datorn, videomöten, studier och svenska.",
  "portal.support.category.digitalt": "Dator och mobil",
  "portal.support.category.videomote": "Videomöten",
  "portal.support.category.matematik": "Matematik",
  "portal.support.category.svenska": "Svenska",
  "portal.support.category.studieteknik": "Att studera",
  "portal.support.category.ovrigt": "Annat",
  "portal.support.onlySwedish": "Finns bara på svenska",
  "portal.support.none": "Det finns inga guider här än. Fråga din coach om du behöver hjälp.",
  "portal.support.inSwedish": "På svenska",
  "portal.support.backToList": "Tillbaka till Stöd",
  "portal.support.notFound": "Guiden finns inte. Den kan ha tagits bort.",
  "portal.support.askCoach": "Har du fler frågor? Fråga din coach.",
} as const;
