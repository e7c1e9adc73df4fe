// Swedish texts of the portal: Kurser: the course list, reading a chapter, quizzes. The source every other language translates.
export const coursesSv = {} as const;
