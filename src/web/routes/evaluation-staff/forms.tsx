// Placeholder: being written (issue 10).
export function loader(): never {
  throw new Response("Inte klar än", { status: 404 });
}

export default function Placeholder() {
  return null;
}
