// Swedish texts of the portal: Tyck till: the short check and the exit survey. The source every other language translates.
export const feedbackSv = {} as const;
