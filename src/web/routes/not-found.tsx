// Any path that matches no page.
import { data } from "react-router";

export function loader() {
  throw data(
    { message: "Sidan finns inte. Kontrollera adressen eller gå till startsidan." },
    { status: 404 },
  );
}

export default function NotFound() {
  return null;
}
