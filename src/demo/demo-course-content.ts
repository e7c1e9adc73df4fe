// The texts of the demo's courses (issue 10; ADR 0015), run by "Uppsala, Lärcentrum digitalt":
//
// - "Samhällsorientering – en början": four chapters in plain Swedish, with English for every
//   chapter and Arabic for chapters 1–3. Chapter 4 has only its title in Arabic (the translation
//   has just begun), so an Arabic reader gets that chapter in Swedish with the notice, and the
//   author sees it as "påbörjad". Somali, Tigrinya and Dari have no texts yet ("saknas").
// - "Studieteknik – att plugga hemma": a short draft in Swedish, not published.
//
// Facts as of 2026, and only such that do not change from year to year (no amounts). Names of
// Swedish authorities stay in Swedish in every language: that is what the reader will meet.

import type { ChapterText, CourseText, PageKind, PageText } from "../courses/texts.ts";
import type { PortalLocale } from "../portal/locales.ts";

/** The pictures the demo draws itself (demo-courses.ts). */
export type DemoPicture = "flagga";

export interface DemoPage {
  kind: PageKind;
  /** A picture page's picture. */
  picture?: DemoPicture;
  /** A quiz question's right option (0-based). */
  correctOption?: number;
  texts: Partial<Record<PortalLocale, PageText>>;
}

export interface DemoChapter {
  texts: Partial<Record<PortalLocale, ChapterText>>;
  pages: DemoPage[];
}

export interface DemoCourse {
  texts: Partial<Record<PortalLocale, CourseText>>;
  chapters: DemoChapter[];
}

/** The file name and the size of the demo's pictures. */
export const DEMO_PICTURES: Record<
  DemoPicture,
  { fileName: string; width: number; height: number }
> = {
  flagga: { fileName: "sveriges-flagga.png", width: 320, height: 200 },
};

// ── Kapitel 1: Att bo i Sverige ─────────────────────────────────────────────────────────────

const LIVING: DemoChapter = {
  texts: {
    sv: {
      title: "Att bo i Sverige",
      intro:
        "Om folkbokföring, personnummer och vården. Och vilka nummer du ringer när du behöver hjälp.",
    },
    en: {
      title: "Living in Sweden",
      intro:
        "About population registration, personal identity numbers and health care. And which numbers to call when you need help.",
    },
    ar: {
      title: "العيش في السويد",
      intro:
        "عن التسجيل في السجل السكاني والرقم الشخصي والرعاية الصحية. وعن الأرقام التي تتصل بها عندما تحتاج إلى مساعدة.",
    },
  },
  pages: [
    {
      kind: "text",
      texts: {
        sv: {
          title: "Folkbokföring och personnummer",
          body: "Folkbokföring betyder att Skatteverket skriver in var du bor. Den som flyttar till Sverige och ska bo här i minst ett år ska oftast folkbokföras.\n\nNär du är folkbokförd får du ett personnummer. Det visar vilken dag du är född. Sedan kommer fyra siffror till.\n\nDu behöver ditt personnummer till exempel:\n- i vården\n- på banken\n- när du söker jobb eller skola\n\nFlyttar du? Då ska du anmäla din nya adress till Skatteverket.",
        },
        en: {
          title: "Population registration and personal identity number",
          body: "Population registration (folkbokföring) means that Skatteverket, the Swedish Tax Agency, records where you live. If you move to Sweden and will live here for at least one year, you usually have to be registered.\n\nWhen you are registered, you get a personal identity number (personnummer). It shows the day you were born. Then come four more digits.\n\nYou need your personal identity number for example:\n- in health care\n- at the bank\n- when you apply for a job or a school\n\nAre you moving? Then you must tell Skatteverket your new address.",
        },
        ar: {
          title: "التسجيل في السجل السكاني والرقم الشخصي",
          body: "التسجيل في السجل السكاني (folkbokföring) يعني أن مصلحة الضرائب (Skatteverket) تسجّل مكان سكنك. من ينتقل إلى السويد وسيعيش فيها سنة واحدة على الأقل يجب عليه في أغلب الأحوال أن يسجّل.\n\nعندما تُسجَّل تحصل على رقم شخصي (personnummer). يبيّن الرقم يوم ولادتك. ثم تأتي بعده أربعة أرقام أخرى.\n\nتحتاج إلى رقمك الشخصي مثلًا:\n- في الرعاية الصحية\n- في البنك\n- عندما تبحث عن عمل أو مدرسة\n\nهل ستنتقل إلى سكن آخر؟ عندها يجب أن تبلّغ Skatteverket بعنوانك الجديد.",
        },
      },
    },
    {
      kind: "text",
      texts: {
        sv: {
          title: "Hälsa och vård",
          body: "Är du sjuk eller har du skadat dig? Ring 1177 eller gå till 1177.se. Där får du råd om vård, dygnet runt.\n\nVårdcentralen är dit du går för det mesta: när du är sjuk, när du behöver ett recept eller när du vill prata om din hälsa. Du bokar en tid. Du kan själv välja vilken vårdcentral du vill gå till.\n\nDu kan få tolk i vården om du inte pratar svenska så bra. Säg det när du bokar tiden.",
        },
        en: {
          title: "Health and care",
          body: "Are you ill or have you hurt yourself? Call 1177 or go to 1177.se. There you get advice about care, day and night.\n\nThe health centre (vårdcentral) is where you go for most things: when you are ill, when you need a prescription or when you want to talk about your health. You book an appointment. You can choose which health centre you want to go to.\n\nYou can get an interpreter in health care if you do not speak Swedish well. Say so when you book the appointment.",
        },
        ar: {
          title: "الصحة والرعاية الصحية",
          body: "هل أنت مريض أو أُصبت بجرح؟ اتصل بالرقم 1177 أو ادخل إلى الموقع 1177.se. هناك تحصل على نصائح عن الرعاية الصحية ليلًا ونهارًا.\n\nالمركز الصحي (vårdcentral) هو المكان الذي تذهب إليه في أغلب الحالات: عندما تكون مريضًا، أو تحتاج إلى وصفة طبية، أو تريد أن تتحدث عن صحتك. تحجز موعدًا. ويمكنك أن تختار بنفسك المركز الصحي الذي تريده.\n\nيمكنك الحصول على مترجم في الرعاية الصحية إذا كنت لا تتكلم السويدية جيدًا. قل ذلك عندما تحجز الموعد.",
        },
      },
    },
    {
      kind: "bild",
      picture: "flagga",
      texts: {
        sv: {
          title: "Sveriges flagga",
          alt: "Sveriges flagga: ett gult kors på blå botten.",
          body: "Sveriges flagga är blå och gul. Sveriges nationaldag är den 6 juni.",
        },
        en: {
          title: "The flag of Sweden",
          alt: "The flag of Sweden: a yellow cross on a blue background.",
          body: "The Swedish flag is blue and yellow. Sweden's national day is 6 June.",
        },
        ar: {
          title: "علم السويد",
          alt: "علم السويد: صليب أصفر على خلفية زرقاء.",
          body: "علم السويد أزرق وأصفر. اليوم الوطني للسويد هو 6 يونيو.",
        },
      },
    },
    {
      kind: "text",
      texts: {
        sv: {
          title: "Viktiga telefonnummer",
          body: "- 112: när det är akut och någons liv eller hälsa är i fara. Då kommer ambulans, polis eller räddningstjänst.\n- 1177: råd om vård när det inte är akut.\n- 114 14: till polisen när det inte är akut, till exempel när du vill anmäla ett brott i efterhand.\n- 113 13: information när det har hänt en stor olycka eller kris i samhället.\n\nDet är gratis att ringa 112.",
        },
        en: {
          title: "Important phone numbers",
          body: "- 112: when it is an emergency and someone's life or health is in danger. Then an ambulance, the police or the rescue service comes.\n- 1177: advice about care when it is not an emergency.\n- 114 14: the police when it is not an emergency, for example when you want to report a crime afterwards.\n- 113 13: information when there has been a big accident or crisis in society.\n\nCalling 112 is free.",
        },
        ar: {
          title: "أرقام هاتف مهمة",
          body: "- 112: في حالة الطوارئ عندما تكون حياة شخص أو صحته في خطر. عندها تأتي سيارة الإسعاف أو الشرطة أو الدفاع المدني.\n- 1177: نصائح عن الرعاية الصحية عندما لا تكون الحالة طارئة.\n- 114 14: للاتصال بالشرطة عندما لا تكون الحالة طارئة، مثلًا عندما تريد أن تبلّغ عن جريمة بعد وقوعها.\n- 113 13: معلومات عند وقوع حادث كبير أو أزمة في المجتمع.\n\nالاتصال بالرقم 112 مجاني.",
        },
      },
    },
    {
      kind: "fraga",
      correctOption: 1,
      texts: {
        sv: {
          title: "Fråga: vart ringer du?",
          body: "Du har haft ont i halsen i tre dagar. Det är inte akut. Vart ringer du för att få råd?",
          options: ["112", "1177", "113 13"],
          explanation:
            "Rätt svar är 1177. Där får du råd om vård när det inte är akut. 112 ringer du bara när det är akut och någons liv eller hälsa är i fara. 113 13 ger information om stora olyckor och kriser.",
        },
        en: {
          title: "Question: who do you call?",
          body: "You have had a sore throat for three days. It is not an emergency. Which number do you call for advice?",
          options: ["112", "1177", "113 13"],
          explanation:
            "The right answer is 1177. There you get advice about care when it is not an emergency. You call 112 only in an emergency, when someone's life or health is in danger. 113 13 gives information about big accidents and crises.",
        },
        ar: {
          title: "سؤال: بأي رقم تتصل؟",
          body: "عندك ألم في الحلق منذ ثلاثة أيام. الحالة ليست طارئة. بأي رقم تتصل لتحصل على نصيحة؟",
          options: ["112", "1177", "113 13"],
          explanation:
            "الجواب الصحيح هو 1177. هناك تحصل على نصائح عن الرعاية الصحية عندما لا تكون الحالة طارئة. تتصل بالرقم 112 فقط في حالة الطوارئ، عندما تكون حياة شخص أو صحته في خطر. الرقم 113 13 يعطي معلومات عن الحوادث الكبيرة والأزمات.",
        },
      },
    },
  ],
};

// ── Kapitel 2: Arbete och utbildning ────────────────────────────────────────────────────────

const WORK: DemoChapter = {
  texts: {
    sv: {
      title: "Arbete och utbildning",
      intro:
        "Om hur du söker jobb, lär dig svenska och studerar vidare. Och om dina rättigheter på jobbet.",
    },
    en: {
      title: "Work and education",
      intro:
        "About looking for a job, learning Swedish and studying further. And about your rights at work.",
    },
    ar: {
      title: "العمل والتعليم",
      intro: "عن البحث عن عمل وتعلّم اللغة السويدية ومتابعة الدراسة. وعن حقوقك في العمل.",
    },
  },
  pages: [
    {
      kind: "text",
      texts: {
        sv: {
          title: "Arbetsförmedlingen",
          body: "Arbetsförmedlingen hjälper dig som söker jobb. Skriv in dig där när du börjar söka arbete.\n\nHos Arbetsförmedlingen kan du:\n- hitta lediga jobb\n- få råd om hur du söker jobb\n- ibland få gå en utbildning eller göra praktik\n\nBerätta vad du kan och vad du har arbetat med tidigare. Då blir det lättare att hitta rätt jobb.",
        },
        en: {
          title: "Arbetsförmedlingen",
          body: "Arbetsförmedlingen, the Swedish Public Employment Service, helps you when you are looking for a job. Register there when you start looking for work.\n\nAt Arbetsförmedlingen you can:\n- find job openings\n- get advice on how to apply for jobs\n- sometimes take a course or do a work placement\n\nTell them what you can do and what work you have done before. Then it is easier to find the right job.",
        },
        ar: {
          title: "مكتب العمل (Arbetsförmedlingen)",
          body: "مكتب العمل (Arbetsförmedlingen) يساعدك عندما تبحث عن عمل. سجّل نفسك هناك عندما تبدأ البحث عن عمل.\n\nفي مكتب العمل يمكنك:\n- أن تجد وظائف شاغرة\n- أن تحصل على نصائح عن طريقة البحث عن عمل\n- أن تحصل أحيانًا على دورة تدريبية أو تدريب عملي\n\nأخبرهم بما تعرفه وبالأعمال التي عملت بها من قبل. هكذا يصبح من الأسهل أن تجد العمل المناسب.",
        },
      },
    },
    {
      kind: "text",
      texts: {
        sv: {
          title: "SFI, komvux och validering",
          body: "SFI betyder svenska för invandrare. Det är kurser i svenska för vuxna. Kommunen ordnar SFI, och det kostar ingenting.\n\nKomvux är skola för vuxna. Där kan du läsa ämnen från grundskolan och gymnasiet, till exempel matematik och engelska. Det kostar inget att gå på komvux, men ibland behöver du köpa böcker själv.\n\nHar du studerat eller arbetat i ett annat land? Då kan du få det du kan bedömt. Det kallas validering. Det kan göra det lättare att få jobb eller att studera vidare. Fråga på komvux eller Arbetsförmedlingen.\n\nFör vissa yrken, till exempel läkare och sjuksköterska, behöver du en svensk legitimation för att få arbeta.",
        },
        en: {
          title: "SFI, komvux and validation",
          body: "SFI means Swedish for immigrants. It is Swedish courses for adults. The municipality runs SFI, and it costs nothing.\n\nKomvux is school for adults. There you can study subjects from compulsory school and upper secondary school, for example mathematics and English. Komvux costs nothing, but sometimes you need to buy books yourself.\n\nHave you studied or worked in another country? Then you can have what you know assessed. This is called validation. It can make it easier to get a job or to study further. Ask at komvux or at Arbetsförmedlingen.\n\nFor some professions, for example doctor and nurse, you need a Swedish licence to be allowed to work.",
        },
        ar: {
          title: "SFI وتعليم الكبار (komvux) والتقييم",
          body: "SFI تعني اللغة السويدية للمهاجرين. هي دورات في اللغة السويدية للكبار. البلدية تنظّم دورات SFI، وهي مجانية.\n\nkomvux هو مدرسة للكبار. هناك يمكنك أن تدرس مواد من المرحلة الأساسية والمرحلة الثانوية، مثل الرياضيات واللغة الإنجليزية. الدراسة في komvux مجانية، لكن أحيانًا يجب أن تشتري الكتب بنفسك.\n\nهل درست أو عملت في بلد آخر؟ عندها يمكن تقييم ما تعرفه. هذا يسمى التقييم (validering). يمكن أن يسهّل عليك الحصول على عمل أو متابعة الدراسة. اسأل في komvux أو في مكتب العمل.\n\nفي بعض المهن، مثل الطبيب والممرض، تحتاج إلى ترخيص سويدي لكي يُسمح لك بالعمل.",
        },
      },
    },
    {
      kind: "text",
      texts: {
        sv: {
          title: "Avtal och fack på jobbet",
          body: "När du får ett jobb ska arbetsgivaren ge dig skriftlig information om anställningen. Den kallas ofta anställningsavtal. Läs den noga. Där ska det bland annat stå:\n- vilket arbete du ska göra\n- din lön\n- hur länge anställningen gäller\n\nEtt kollektivavtal är ett avtal mellan ett fackförbund och arbetsgivare. Det handlar om till exempel lön, arbetstider, semester och försäkringar. I Sverige finns ingen lag om lägsta lön. Det är ofta kollektivavtalen som bestämmer den.\n\nEtt fackförbund är en förening för anställda. Du väljer själv om du vill vara med. Facket kan ge dig råd och hjälp om du får problem på jobbet.",
        },
        en: {
          title: "Agreements and unions at work",
          body: "When you get a job, the employer must give you written information about the employment. It is often called an employment contract. Read it carefully. Among other things it must say:\n- what work you will do\n- your pay\n- how long the employment lasts\n\nA collective agreement is an agreement between a trade union and employers. It is about, for example, pay, working hours, holidays and insurance. In Sweden there is no law on a minimum wage. It is often the collective agreements that decide it.\n\nA trade union is an association for employees. You decide yourself whether you want to join. The union can give you advice and help if you have problems at work.",
        },
        ar: {
          title: "العقود والنقابات في العمل",
          body: "عندما تحصل على عمل يجب على صاحب العمل أن يعطيك معلومات مكتوبة عن التوظيف. غالبًا تسمى عقد العمل. اقرأها بعناية. يجب أن يكون مكتوبًا فيها مثلًا:\n- ما هو العمل الذي ستقوم به\n- راتبك\n- مدة التوظيف\n\nالاتفاقية الجماعية (kollektivavtal) هي اتفاق بين نقابة عمالية وأصحاب العمل. تتناول مثلًا الراتب وساعات العمل والإجازات والتأمينات. لا يوجد في السويد قانون للحد الأدنى للأجور. غالبًا ما تحدده الاتفاقيات الجماعية.\n\nالنقابة العمالية (fackförbund) هي جمعية للموظفين. أنت تختار بنفسك إن كنت تريد الانضمام إليها. يمكن للنقابة أن تعطيك نصائح ومساعدة إذا واجهت مشاكل في العمل.",
        },
      },
    },
    {
      kind: "fraga",
      correctOption: 0,
      texts: {
        sv: {
          title: "Fråga: kollektivavtal",
          body: "Vad är ett kollektivavtal?",
          options: [
            "Ett avtal mellan fackförbund och arbetsgivare om till exempel lön och försäkringar",
            "Ett intyg om att du har läst SFI",
            "Ett avtal med banken om ett lån",
          ],
          explanation:
            "Rätt svar: ett avtal mellan fackförbund och arbetsgivare. Kollektivavtalet gäller på arbetsplatsen och handlar om till exempel lön, arbetstider och försäkringar.",
        },
        en: {
          title: "Question: collective agreement",
          body: "What is a collective agreement?",
          options: [
            "An agreement between trade unions and employers about, for example, pay and insurance",
            "A certificate that you have studied SFI",
            "An agreement with the bank about a loan",
          ],
          explanation:
            "The right answer: an agreement between trade unions and employers. The collective agreement applies at the workplace and is about, for example, pay, working hours and insurance.",
        },
        ar: {
          title: "سؤال: الاتفاقية الجماعية",
          body: "ما هي الاتفاقية الجماعية (kollektivavtal)؟",
          options: [
            "اتفاق بين النقابات العمالية وأصحاب العمل عن الراتب والتأمينات مثلًا",
            "شهادة بأنك درست في SFI",
            "اتفاق مع البنك على قرض",
          ],
          explanation:
            "الجواب الصحيح: اتفاق بين النقابات العمالية وأصحاب العمل. تسري الاتفاقية الجماعية في مكان العمل، وتتناول مثلًا الراتب وساعات العمل والتأمينات.",
        },
      },
    },
  ],
};

// ── Kapitel 3: Välfärden ────────────────────────────────────────────────────────────────────

const WELFARE: DemoChapter = {
  texts: {
    sv: {
      title: "Välfärden",
      intro:
        "Om hur skatten betalar välfärden, vad Försäkringskassan gör och vad kommunen ansvarar för.",
    },
    en: {
      title: "The welfare system",
      intro:
        "About how taxes pay for welfare, what Försäkringskassan does and what the municipality is responsible for.",
    },
    ar: {
      title: "الرعاية الاجتماعية",
      intro:
        "عن كيف تموّل الضرائب الرعاية الاجتماعية، وما يقوم به Försäkringskassan، ومسؤوليات البلدية.",
    },
  },
  pages: [
    {
      kind: "text",
      texts: {
        sv: {
          title: "Skatten betalar välfärden",
          body: "Den som arbetar betalar skatt. Skatten dras oftast från lönen varje månad.\n\nSkatten betalar till exempel:\n- förskolor och skolor\n- hälso- och sjukvård\n- omsorg om äldre\n- vägar och kollektivtrafik\n\nSkatteverket tar emot skatten. En gång om året deklarerar du. Det betyder att du kontrollerar att dina inkomster och din skatt är rätt.",
        },
        en: {
          title: "Taxes pay for welfare",
          body: "People who work pay tax. The tax is usually taken from the pay every month.\n\nTaxes pay for, for example:\n- preschools and schools\n- health care\n- care for older people\n- roads and public transport\n\nSkatteverket, the Swedish Tax Agency, collects the tax. Once a year you file a tax return. This means that you check that your income and your tax are correct.",
        },
        ar: {
          title: "الضرائب تموّل الرعاية الاجتماعية",
          body: "من يعمل يدفع الضرائب. غالبًا تُخصم الضريبة من الراتب كل شهر.\n\nتدفع الضرائب مثلًا تكاليف:\n- رياض الأطفال والمدارس\n- الرعاية الصحية\n- رعاية كبار السن\n- الطرق والمواصلات العامة\n\nمصلحة الضرائب (Skatteverket) تستلم الضرائب. مرة واحدة في السنة تقدّم التصريح الضريبي. هذا يعني أن تتأكد من أن دخلك وضريبتك صحيحان.",
        },
      },
    },
    {
      kind: "text",
      texts: {
        sv: {
          title: "Försäkringskassan",
          body: "Försäkringskassan betalar ut pengar i olika situationer i livet. Här är tre exempel.\n\nBarnbidrag: Föräldrar får barnbidrag varje månad för barn som bor i Sverige, tills barnet är 16 år.\n\nFöräldrapenning: Du kan vara hemma med ditt barn i stället för att arbeta och få pengar för det. Båda föräldrarna kan ta ut dagar.\n\nSjukpenning: Är du för sjuk för att arbeta? Om du är anställd får du först sjuklön från arbetsgivaren i två veckor. Sedan kan du få sjukpenning från Försäkringskassan.",
        },
        en: {
          title: "Försäkringskassan",
          body: "Försäkringskassan, the Swedish Social Insurance Agency, pays money in different situations in life. Here are three examples.\n\nChild allowance (barnbidrag): Parents get child allowance every month for children who live in Sweden, until the child is 16.\n\nParental benefit (föräldrapenning): You can stay at home with your child instead of working and get money for it. Both parents can take days.\n\nSickness benefit (sjukpenning): Are you too ill to work? If you are employed, you first get sick pay from your employer for two weeks. After that you can get sickness benefit from Försäkringskassan.",
        },
        ar: {
          title: "مصلحة التأمينات الاجتماعية (Försäkringskassan)",
          body: "مصلحة التأمينات الاجتماعية (Försäkringskassan) تدفع أموالًا في حالات مختلفة من الحياة. إليك ثلاثة أمثلة.\n\nإعانة الأطفال (barnbidrag): يحصل الوالدان على إعانة الأطفال كل شهر عن الأطفال الذين يعيشون في السويد، حتى يبلغ الطفل 16 سنة.\n\nتعويض الوالدين (föräldrapenning): يمكنك أن تبقى في البيت مع طفلك بدلًا من العمل وتحصل على مال مقابل ذلك. يمكن لكلا الوالدين أن يأخذا أيامًا.\n\nتعويض المرض (sjukpenning): هل أنت مريض جدًا ولا تستطيع العمل؟ إذا كنت موظفًا تحصل أولًا على أجر المرض من صاحب العمل لمدة أسبوعين. بعد ذلك يمكنك أن تحصل على تعويض المرض من Försäkringskassan.",
        },
      },
    },
    {
      kind: "text",
      texts: {
        sv: {
          title: "Kommunens ansvar",
          body: "Kommunen där du bor ansvarar för mycket i vardagen:\n- förskola och skola för barnen\n- SFI och komvux för vuxna\n- äldreomsorg, till exempel hemtjänst\n- socialtjänsten\n\nBarn som bor i Sverige har skolplikt. Det betyder att de ska gå i skolan. Skolan är gratis, och barnen får lunch i skolan.\n\nSocialtjänsten hjälper den som har det svårt. Det kan vara stöd till barn och familjer. Det kan också vara pengar till mat och hyra om du inte kan försörja dig på annat sätt. Det kallas ekonomiskt bistånd.",
        },
        en: {
          title: "What the municipality is responsible for",
          body: "The municipality where you live is responsible for many things in everyday life:\n- preschool and school for the children\n- SFI and komvux for adults\n- care for older people, for example home help\n- the social services\n\nChildren who live in Sweden must go to school. This is called compulsory schooling. School is free, and the children get lunch at school.\n\nThe social services help people who are having a hard time. It can be support for children and families. It can also be money for food and rent if you cannot support yourself in any other way. This is called financial assistance (ekonomiskt bistånd).",
        },
        ar: {
          title: "مسؤوليات البلدية",
          body: "البلدية التي تسكن فيها مسؤولة عن أشياء كثيرة في الحياة اليومية:\n- رياض الأطفال والمدارس للأطفال\n- SFI وkomvux للكبار\n- رعاية كبار السن، مثل المساعدة المنزلية\n- الخدمات الاجتماعية (socialtjänsten)\n\nالتعليم إلزامي للأطفال الذين يعيشون في السويد. هذا يعني أنه يجب عليهم الذهاب إلى المدرسة. المدرسة مجانية، ويحصل الأطفال على وجبة غداء في المدرسة.\n\nالخدمات الاجتماعية تساعد من يمر بظروف صعبة. قد يكون ذلك دعمًا للأطفال والأسر. وقد يكون أيضًا مالًا للطعام والإيجار إذا لم تستطع أن تعيل نفسك بطريقة أخرى. هذا يسمى المساعدة المالية (ekonomiskt bistånd).",
        },
      },
    },
    {
      kind: "fraga",
      correctOption: 1,
      texts: {
        sv: {
          title: "Fråga: barnbidrag",
          body: "Vem betalar ut barnbidrag?",
          options: ["Skatteverket", "Försäkringskassan", "Kommunen"],
          explanation:
            "Rätt svar är Försäkringskassan. Den betalar ut barnbidrag, föräldrapenning och sjukpenning. Skatteverket tar emot skatten, och kommunen ansvarar till exempel för skola och äldreomsorg.",
        },
        en: {
          title: "Question: child allowance",
          body: "Who pays child allowance?",
          options: ["Skatteverket", "Försäkringskassan", "The municipality"],
          explanation:
            "The right answer is Försäkringskassan. It pays child allowance, parental benefit and sickness benefit. Skatteverket collects the tax, and the municipality is responsible for, for example, schools and care for older people.",
        },
        ar: {
          title: "سؤال: إعانة الأطفال",
          body: "من يدفع إعانة الأطفال (barnbidrag)؟",
          options: ["Skatteverket", "Försäkringskassan", "البلدية"],
          explanation:
            "الجواب الصحيح هو Försäkringskassan. هي تدفع إعانة الأطفال وتعويض الوالدين وتعويض المرض. أما Skatteverket فتستلم الضرائب، والبلدية مسؤولة مثلًا عن المدارس ورعاية كبار السن.",
        },
      },
    },
  ],
};

// ── Kapitel 4: Demokrati och rättigheter ────────────────────────────────────────────────────
// The Arabic translation has only begun (the chapter's title and introduction): Arabic readers
// get this chapter in Swedish with the notice.

const DEMOCRACY: DemoChapter = {
  texts: {
    sv: {
      title: "Demokrati och rättigheter",
      intro: "Om hur Sverige styrs, vem som får rösta och vilka rättigheter alla har.",
    },
    en: {
      title: "Democracy and rights",
      intro: "About how Sweden is governed, who can vote and which rights everyone has.",
    },
    ar: {
      title: "الديمقراطية والحقوق",
      intro: "عن طريقة حكم السويد، ومن يحق له التصويت، وما هي الحقوق التي يملكها الجميع.",
    },
  },
  pages: [
    {
      kind: "text",
      texts: {
        sv: {
          title: "Riksdag, region och kommun",
          body: "Sverige är en demokrati. Det betyder att folket väljer vilka som ska bestämma.\n\nDet finns tre nivåer:\n- Riksdagen beslutar om lagar och om statens budget. Regeringen styr landet.\n- Regionen ansvarar för hälso- och sjukvården.\n- Kommunen ansvarar bland annat för skola, äldreomsorg och socialtjänst.\n\nVal till riksdagen, regionen och kommunen hålls samma dag, vart fjärde år i september.",
        },
        en: {
          title: "Parliament, region and municipality",
          body: "Sweden is a democracy. This means that the people choose who will decide.\n\nThere are three levels:\n- The Riksdag, the parliament, decides on laws and on the state budget. The government governs the country.\n- The region is responsible for health care.\n- The municipality is responsible for, among other things, schools, care for older people and the social services.\n\nElections to the Riksdag, the region and the municipality are held on the same day, every four years in September.",
        },
      },
    },
    {
      kind: "text",
      texts: {
        sv: {
          title: "Vem får rösta?",
          body: "För att få rösta måste du ha fyllt 18 år senast på valdagen.\n\nI valet till riksdagen får svenska medborgare rösta.\n\nÄr du inte svensk medborgare? Då får du rösta i valen till region och kommun om du har varit folkbokförd i Sverige i tre år i rad före valdagen. Medborgare i ett EU-land, Island eller Norge behöver bara vara folkbokförda.\n\nValet är hemligt. Ingen får se hur du röstar.",
        },
        en: {
          title: "Who can vote?",
          body: "To vote you must be 18 years old on election day at the latest.\n\nIn the election to the Riksdag, Swedish citizens can vote.\n\nAre you not a Swedish citizen? Then you can vote in the elections to the region and the municipality if you have been registered in Sweden (folkbokförd) for three years in a row before election day. Citizens of an EU country, Iceland or Norway only need to be registered.\n\nThe vote is secret. No one may see how you vote.",
        },
      },
    },
    {
      kind: "text",
      texts: {
        sv: {
          title: "Dina rättigheter",
          body: "I Sverige har alla människor samma värde och samma rättigheter.\n- Yttrandefrihet: du får säga vad du tycker, också om politiker och myndigheter. Men du får inte hota andra.\n- Religionsfrihet: du får tro på vilken religion du vill, eller inte ha någon religion.\n- Jämställdhet: kvinnor och män har samma rättigheter och skyldigheter.\n\nBarn har egna rättigheter. Barnkonventionen är svensk lag sedan 2020. Ingen får slå ett barn, inte heller föräldrarna.\n\nIngen får diskriminera dig, till exempel för ditt kön, din religion eller ditt ursprung. Har du blivit diskriminerad? Då kan du anmäla det till Diskrimineringsombudsmannen (DO).",
        },
        en: {
          title: "Your rights",
          body: "In Sweden all people have the same value and the same rights.\n- Freedom of expression: you may say what you think, also about politicians and authorities. But you may not threaten others.\n- Freedom of religion: you may believe in any religion you want, or have no religion.\n- Gender equality: women and men have the same rights and duties.\n\nChildren have their own rights. The Convention on the Rights of the Child has been Swedish law since 2020. No one may hit a child, not even the parents.\n\nNo one may discriminate against you, for example because of your gender, your religion or your origin. Have you been discriminated against? Then you can report it to the Equality Ombudsman, Diskrimineringsombudsmannen (DO).",
        },
      },
    },
    {
      kind: "fraga",
      correctOption: 1,
      texts: {
        sv: {
          title: "Fråga: rösträtt",
          body: "Amal är 30 år och medborgare i ett land utanför EU. Hon har varit folkbokförd i Sverige i fyra år i rad. I vilka val får hon rösta?",
          options: [
            "Bara i valet till riksdagen",
            "I valen till region och kommun",
            "Hon får inte rösta alls",
          ],
          explanation:
            "Rätt svar: i valen till region och kommun. Hon har varit folkbokförd i Sverige i mer än tre år i rad. I valet till riksdagen får bara svenska medborgare rösta.",
        },
        en: {
          title: "Question: the right to vote",
          body: "Amal is 30 years old and a citizen of a country outside the EU. She has been registered in Sweden for four years in a row. In which elections can she vote?",
          options: [
            "Only in the election to the Riksdag",
            "In the elections to the region and the municipality",
            "She cannot vote at all",
          ],
          explanation:
            "The right answer: in the elections to the region and the municipality. She has been registered in Sweden for more than three years in a row. In the election to the Riksdag only Swedish citizens can vote.",
        },
      },
    },
    {
      kind: "fraga",
      correctOption: 2,
      texts: {
        sv: {
          title: "Fråga: barnkonventionen",
          body: "Sedan vilket år är barnkonventionen svensk lag?",
          options: ["1980", "2000", "2020"],
          explanation:
            "Rätt svar är 2020. Sedan dess är barnkonventionen svensk lag. Den som bestämmer något som gäller ett barn ska tänka på vad som är bäst för barnet.",
        },
        en: {
          title: "Question: the Convention on the Rights of the Child",
          body: "Since which year has the Convention on the Rights of the Child been Swedish law?",
          options: ["1980", "2000", "2020"],
          explanation:
            "The right answer is 2020. Since then the Convention on the Rights of the Child has been Swedish law. Anyone who decides something that concerns a child must think about what is best for the child.",
        },
      },
    },
  ],
};

/** The published course: Samhällsorientering in four chapters. */
export const SAMHALLSORIENTERING: DemoCourse = {
  texts: {
    sv: {
      title: "Samhällsorientering – en början",
      summary:
        "En kort kurs om hur det fungerar att bo, arbeta och leva i Sverige. Fyra kapitel med frågor att testa dig själv på.",
    },
    en: {
      title: "Introduction to Swedish society – a first step",
      summary:
        "A short course about how living and working in Sweden works. Four chapters with questions to test yourself.",
    },
    ar: {
      title: "التعرّف على المجتمع السويدي – بداية",
      summary: "دورة قصيرة عن الحياة والعمل في السويد. أربعة فصول مع أسئلة لتختبر نفسك.",
    },
  },
  chapters: [LIVING, WORK, WELFARE, DEMOCRACY],
};

/** A draft the learning centre is still writing, in Swedish only, not published. */
export const STUDIETEKNIK: DemoCourse = {
  texts: {
    sv: {
      title: "Studieteknik – att plugga hemma",
      summary: "Tips för dig som pluggar hemma: hur du planerar och orkar.",
    },
  },
  chapters: [
    {
      texts: {
        sv: {
          title: "Planera din vecka",
          intro: "Ett schema gör det lättare att komma i gång.",
        },
      },
      pages: [
        {
          kind: "text",
          texts: {
            sv: {
              title: "Gör ett schema",
              body: "Bestäm vilka dagar och tider du ska plugga. Skriv upp det i kalendern i telefonen.\n\n- Plugga på samma tid varje dag om du kan.\n- Börja med korta pass, till exempel 25 minuter.\n- Skriv vad du ska göra under passet.",
            },
          },
        },
        {
          kind: "text",
          texts: {
            sv: {
              title: "Ta pauser",
              body: "Hjärnan behöver vila för att komma ihåg. Res dig upp och rör på dig i pausen.\n\nTitta inte i telefonen i pausen. Drick ett glas vatten i stället.",
            },
          },
        },
      ],
    },
  ],
};
