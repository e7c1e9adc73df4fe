// The portal's icons: small inline SVG, always next to a word (never alone), hidden from screen
// readers (the word says it). Inline, so a page needs no icon font or extra request.
const PATHS = {
  home: "M3 11 12 3l9 8v10h-6v-6H9v6H3z",
  plan: "M6 3h12v18H6zM9 8h6M9 12h6M9 16h4",
  calendar: "M4 6h16v15H4zM4 10h16M8 3v5M16 3v5",
  help: "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.7M12 17h.01",
  person: "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21c0-4 4-6 8-6s8 2 8 6",
  signout: "M14 4h5v16h-5M10 8l-4 4 4 4M6 12h10",
  video: "M3 7h12v10H3zM15 10l6-3v10l-6-3",
  place: "M12 21s7-6 7-11a7 7 0 1 0-14 0c0 5 7 11 7 11zM12 12a2 2 0 1 0 0-4 2 2 0 0 0 0 4z",
  download: "M12 3v12M7 10l5 5 5-5M4 21h16",
  check: "M4 12l5 5L20 6",
  book: "M4 4h7a2 2 0 0 1 2 2v14a2 2 0 0 0-2-2H4zM20 4h-7a2 2 0 0 0-2 2v14a2 2 0 0 1 2-2h7z",
  chat: "M4 5h16v11H9l-5 4z",
  circle: "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z",
  half: "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 3v18M12 6h4M12 10h7M12 14h7M12 18h4",
  arrow: "M5 12h14M13 6l6 6-6 6",
  settings:
    "M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM19 12a7 7 0 0 0-.1-1.2l2-1.6-2-3.4-2.4 1a7 7 0 0 0-2-1.2L14 3h-4l-.5 2.6a7 7 0 0 0-2 1.2l-2.4-1-2 3.4 2 1.6a7 7 0 0 0 0 2.4l-2 1.6 2 3.4 2.4-1a7 7 0 0 0 2 1.2L10 21h4l.5-2.6a7 7 0 0 0 2-1.2l2.4 1 2-3.4-2-1.6c.1-.4.1-.8.1-1.2z",
} as const;

export type PortalIconName = keyof typeof PATHS;

export function PortalIcon({ name }: { name: PortalIconName }) {
  return (
    <svg
      className="portal-icon"
      viewBox="0 0 24 24"
      width="24"
      height="24"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={PATHS[name]}
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
