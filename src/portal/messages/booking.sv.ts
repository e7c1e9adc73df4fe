// Swedish texts of the portal: Boka: times, bookings, cancelling, rebooking. The source catalogue: every other language has
// exactly these keys (the type says so). Plain language: short sentences, everyday words.
export const bookingSv = {} as const;
