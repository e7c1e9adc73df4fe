// English texts of the portal: signing in with a code or e-ID, signing out, the settings page and
// the message that carries a code. Written for the purpose in plain language, not translated word
// for word; every key of the Swedish catalogue, no other.
import type { signInSv } from "./sign-in.sv.ts";

export const signInEn: Record<keyof typeof signInSv, string> = {
  "portal.signIn.title": "Sign in",
  "portal.signIn.intro": "Type the code you got from us.",
  "portal.signIn.codeLabel": "Your code",
  "portal.signIn.codeHint":
    "The code has 8 characters, for example ABCD-EFGH. Capital or small letters both work.",
  "portal.signIn.submit": "Sign in",
  "portal.signIn.errorTitle": "You could not sign in",
  "portal.signIn.error.empty": "Type your code in the box.",
  "portal.signIn.error.unknown":
    "We cannot find this code. Look at the code again and type it once more. Ask your coach if it does not work.",
  "portal.signIn.error.expired":
    "The code is too old. A code works for 14 days. Ask your coach for a new code.",
  "portal.signIn.error.used":
    "The code has already been used. A code works only once. Ask your coach for a new code.",
  "portal.signIn.error.revoked":
    "The code does not work any more. You have been given a newer code, or your account is closed. Use the new code or ask your coach.",
  "portal.signIn.error.throttled":
    "You have tried too many times. Wait {minutes, plural, one {# minute} other {# minutes}} and try again.",
  "portal.signIn.sessionEnded":
    "You were signed out because you did nothing for a while. Please sign in again.",
  "portal.signIn.signedOut":
    "You are signed out. Close the web browser if other people use this computer.",
  "portal.signIn.closed": "Your portal account is closed. Ask your coach if you need it.",
  "portal.signIn.eidHeading": "Sign in with e-ID",
  "portal.signIn.eidIntro": "Do you have BankID or another e-ID? Then you can sign in with it.",
  "portal.signIn.noCodeHeading": "No code?",
  "portal.signIn.noCodeText":
    "Ask your coach or someone else you meet here. They can give you a code.",
  "portal.signIn.message.subject": "Your code to sign in",
  "portal.signIn.message.email":
    "Hello!\n\nHere is your code to sign in: {code}\n\nGo to {url} and type the code.\nThe code works until {date}. It works only once.\n\nDid you not ask for a code? Then you do not need to do anything.",
  "portal.signIn.message.sms":
    "Your code to sign in: {code}. Go to {url} and type the code. It works until {date}.",
  "portal.signIn.print.title": "Your code to sign in",
  "portal.signIn.print.step1": "Go to {url}",
  "portal.signIn.print.step2": "Type the code: {code}",
  "portal.signIn.print.step3": "The code works until {date}. It works only once.",
  "portal.signIn.print.step4": "Always sign out when you are done.",
  "portal.settings.languageHeading": "Language",
  "portal.settings.language": "My language",
  "portal.settings.saveLanguage": "Save language",
  "portal.settings.swedishTooHeading": "Swedish too",
  "portal.settings.swedishTooText":
    "Are you learning Swedish? Then you can see the Swedish text under your language.",
  "portal.settings.swedishTooYes": "Yes, show Swedish too",
  "portal.settings.swedishTooNo": "No, show only my language",
  "portal.settings.saveSwedishToo": "Save",
  "portal.settings.contactHeading": "Reminders",
  "portal.settings.contactIntro":
    "We can remind you before you meet us. We use your e-mail and mobile number only for reminders and codes.",
  "portal.settings.email": "E-mail",
  "portal.settings.emailHint": "For example name@example.com. You can leave the box empty.",
  "portal.settings.phone": "Mobile number",
  "portal.settings.phoneHint": "For example 070-123 45 67. You can leave the box empty.",
  "portal.settings.reminders": "How do you want your reminders?",
  "portal.settings.reminders.epost": "By e-mail",
  "portal.settings.reminders.sms": "By text message (SMS)",
  "portal.settings.reminders.ingen": "I do not want reminders",
  "portal.settings.saveContact": "Save",
  "portal.settings.errorTitle": "We could not save",
  "portal.settings.error.emailFormat": "Write the e-mail like this: name@example.com.",
  "portal.settings.error.phoneFormat":
    "Write the mobile number with digits, for example 070-123 45 67.",
  "portal.settings.error.remindersChoice": "Choose how you want your reminders.",
  "portal.settings.error.remindersNeedEmail": "Write your e-mail if you want reminders by e-mail.",
  "portal.settings.error.remindersNeedPhone":
    "Write your mobile number if you want reminders by text message.",
  "portal.settings.error.conflict":
    "Your details were just changed somewhere else. Look at them and save again.",
};
