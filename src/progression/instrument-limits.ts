// How large an instrument may be: shared by the use cases (instruments.ts) and the edit form in
// the browser, which must not pull in the database code.

/** Items an instrument may have. */
export const MAX_ITEMS = 60;
/** Subscales an instrument may have. */
export const MAX_SUBSCALES = 20;
