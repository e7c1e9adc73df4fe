// Somali texts of the portal: the accessibility statement and reporting a problem. Written for the purpose in plain language,
// not translated word for word; every key of the Swedish catalogue, no other.
import type { accessibilitySv } from "./accessibility.sv.ts";

export const accessibilitySo: Record<keyof typeof accessibilitySv, string> = {
  "portal.accessibility.title": "Fududaynta isticmaalka",
  "portal.accessibility.intro":
    "Qof walba waa inuu isticmaali karaa Samspår. Halkan waxaan kuugu sheegaynaa waxa si fiican u shaqeeya iyo waxa aan weli shaqayn. Sharciga Iswiidhan ee adeegyada dijitaalka ah ee dawladda (DOS-lagen) ayaa na faraya inaan kuu sheegno.",
  "portal.accessibility.coversTitle": "Qoraalkani maxuu khuseeyaa?",
  "portal.accessibility.covers":
    "Qoraalku wuxuu khuseeyaa bogagga ka-qaybgalayaasha ee Samspår. Halkaas waxaad ku aragtaa qorshahaaga, waxaad ku qabsataa ballamo, waxaad ku akhridaa hagayaal, waxaadna ku aragtaa xogtaada. Ururka iskuduwidda (samordningsförbund) ee aad ka qayb gasho ayaa mas'uul ka ah bogagga.",
  "portal.accessibility.statusTitle": "Sidee bay u shaqeeyaan?",
  "portal.accessibility.status":
    "Bogaggu qayb ahaan waxay raacaan xeerarka fududaynta (WCAG 2.1 heerka AA, halbeegga EN 301 549). Inta badan way shaqeeyaan. Waxa aan weli shaqayn hoos ayay ku qoran yihiin.",
  "portal.accessibility.problemsTitle": "Waxyaabahan weli ma shaqeeyaan",
  "portal.accessibility.problemPdfScript":
    "Foomka warqadda ee cabbirrada (PDF) kuma qorna far Carabi, far Tigrinya ama Dari. Su'aalaha waxay ku qoran yihiin af Iswiidhish ama Ingiriis. Tababarahaaga ka codso inuu su'aalaha kula akhriyo.",
  "portal.accessibility.problemPdfTags":
    "Faylasha PDF looma diyaarin akhriyaha shaashadda. Tusaale ahaan faylka xogtaada. Akhriyaha shaashaddu wuxuu u akhrin karaa si aan habsami ahayn. Isla xogtaas waxay ku jirtaa bogga Xogtayda iyo fayl JSON ah.",
  "portal.accessibility.problemStaffText":
    "Shaqaalaha ayaa qora hagayaasha iyo qorshayaasha. Mararka qaar waxay ku qoran yihiin af Iswiidhish oo keliya. Markaas bogga ayaa sidaas ku qoran.",
  "portal.accessibility.testedTitle": "Sida aan u tijaabinay",
  "portal.accessibility.testedAxe":
    "Barnaamij la yiraahdo axe ayaa si toos ah bogagga ugu tijaabiya biraawsar, af Iswiidhish iyo Carabi.",
  "portal.accessibility.testedKeyboard":
    "Waxaan tijaabinay in wax walba lagu samayn karo kiiboodhka oo keliya.",
  "portal.accessibility.testedNarrow":
    "Waxaan ku tijaabinay shaashad cidhiidhi ah (320 pixel) iyo qoraal la weyneeyay ilaa 200 %.",
  "portal.accessibility.testedScreenReader":
    "Qaybo ka mid ah bogagga waxaan ku tijaabinay akhriyaha shaashadda.",
  "portal.accessibility.testedNoJs": "Bogaggu way shaqeeyaan JavaScript la'aan.",
  "portal.accessibility.updated": "Qoraalkan waxaa ugu dambeysay la cusboonaysiiyay {date}.",
  "portal.accessibility.reportTitle": "Soo sheeg dhibaato",
  "portal.accessibility.reportIntro":
    "Ma jiraa wax kuu shaqayn waayay? Noo sheeg, waan saxaynaa. Uma baahnid inaad gasho.",
  "portal.accessibility.reportTo": "Warbixintaadu waxay gaadhaysaa {association}.",
  "portal.accessibility.reportToAll":
    "Warbixintu waxay gaadhaysaa dhammaan ururada iskuduwaha (samordningsförbund) ee halkan Samspår ku isticmaala, sababtoo ah ma naqaanno ururka aad ka tirsan tahay. Ha qorin wax adiga kugu saabsan oo aadan rabin inay akhriyaan. Haddii aad marka hore gasho, warbixintu waxay gaadhaysaa ururkaaga oo keliya.",
  "portal.accessibility.pageLabel": "Xaggee bay dhibaatadu ku jirtaa?",
  "portal.accessibility.pageHint":
    "Qor magaca bogga ama waxa aad rabtay inaad samayso. Tusaale: Ballan qabso.",
  "portal.accessibility.descriptionLabel": "Maxaa dhacay?",
  "portal.accessibility.descriptionHint": "Ku qor erayadaada. Waxaad ku qori kartaa luqaddaada.",
  "portal.accessibility.contactLabel": "Sidee kuu heli karnaa? (haddii aad rabto)",
  "portal.accessibility.contactHint": "Iimayl ama lambar taleefan, haddii aad jawaab rabto.",
  "portal.accessibility.send": "Dir",
  "portal.accessibility.sent":
    "Mahadsanid! Fariintaada waan helnay. Haddii aad qortay sida laguu heli karo, waan kuu jawaabi doonnaa sida ugu dhakhsaha badan.",
  "portal.accessibility.errorsTitle": "{count, plural, one {Sax # shay} other {Sax # shay}}",
  "portal.accessibility.error.page": "Qor halka dhibaatadu ku jirto.",
  "portal.accessibility.error.description": "Qor waxa dhacay.",
  "portal.accessibility.error.tooLong":
    "Qoraalku aad buu u dheer yahay. Qor ugu badnaan {max} xaraf.",
  "portal.accessibility.enforcementTitle": "Haddii aadan ku qanacsanayn",
  "portal.accessibility.enforcement":
    "Hay'adda Maamulka Dijitaalka (Digg) ayaa hubisa in sharciga la raaco. Haddii aadan ku qanacsanayn sida aan u qabannay fariintaada, waxaad cabasho u gudbin kartaa Digg.",
  "portal.accessibility.enforcementLink": "U gudbi cabasho Digg (digg.se)",
};
