// English texts of the staff pages for the portal: the association's e-ID broker settings; spread into en.ts.
import type { portalEidSv } from "./portal-eid.sv.ts";

export const portalEidEn: Record<keyof typeof portalEidSv, string> = {
  "portalStaff.eid.nav": "E-ID in the portal",
  "portalStaff.eid.title": "E-ID in the participant portal",
  "portalStaff.eid.intro":
    "Participants can log in to the portal with BankID or another Swedish e-ID. This goes through an e-ID service (an OpenID Connect broker) the association has an agreement with. Only participants who already have a portal account get in: the personal identity number from the e-ID is matched against the register.",
  "portalStaff.eid.statusOn":
    "E-ID is on. Participants see the button “{label}” on the log-in page.",
  "portalStaff.eid.statusOff": "E-ID is off. Participants log in with a code.",
  "portalStaff.eid.statusNone":
    "E-ID is not set up yet. Fill in the details from the e-ID service.",
  "portalStaff.eid.lastSaved": "Last saved {when} by {name}.",
  "portalStaff.eid.redirectTitle": "Address to register with the e-ID service",
  "portalStaff.eid.redirectHint":
    "Give this address to the e-ID service as an allowed redirect URI. Logging in does not work without it.",
  "portalStaff.eid.formTitle": "Settings",
  "portalStaff.eid.enabled": "Let participants log in with e-ID",
  "portalStaff.eid.enabledHint":
    "Turn it off if the service has problems. Participants can still log in with a code.",
  "portalStaff.eid.issuer": "Issuer address",
  "portalStaff.eid.issuerHint":
    "The address the e-ID service gives as its issuer, for example https://eid.example.se. It must start with https://.",
  "portalStaff.eid.clientId": "Client id",
  "portalStaff.eid.clientSecret": "Client secret",
  "portalStaff.eid.clientSecretHintNew":
    "The secret the e-ID service gave you. It is stored encrypted.",
  "portalStaff.eid.clientSecretHintKept":
    "A secret is stored and never shown. Leave the field empty to keep it, or type a new one to replace it.",
  "portalStaff.eid.scopes": "Scopes to request",
  "portalStaff.eid.scopesHint":
    "Separated by spaces. openid is always added. Some services release the personal identity number only under a scope of their own (for example Freja's personalIdentityNumber or Signicat's nin) – see the service's documentation.",
  "portalStaff.eid.claim": "Field with the personal identity number (claim)",
  "portalStaff.eid.claimHint":
    "The name of the field in which the service sends the personal identity number. Empty means personal_number. Services differ; ask the supplier.",
  "portalStaff.eid.label": "Text on the button",
  "portalStaff.eid.labelHint":
    "What participants see on the log-in page, for example BankID. Empty means BankID.",
  "portalStaff.eid.save": "Save the settings",
  "portalStaff.eid.saved": "The e-ID settings are saved.",
  "portalStaff.eid.conflictHelp": "Reload the page to see the latest settings.",
  "portalStaff.eid.reload": "Reload the page",
  "portalStaff.eid.testTitle": "Test",
  "portalStaff.eid.testHint":
    "First check that the e-ID service answers to the saved details. Then test the whole log-in: open the link below in a private window and log in with your own e-ID. If you have no portal account, the portal says you have no account – that means the connection works.",
  "portalStaff.eid.testButton": "Test the connection",
  "portalStaff.eid.testOk": "The connection works: the e-ID service {issuer} answers.",
  "portalStaff.eid.testFailed":
    "The e-ID service does not answer as it should. Check the issuer address and try again. Technical error: {message}",
  "portalStaff.eid.testLink": "Open the e-ID log-in",
};
