// Written by the portal work (issue 9).
export function loader(): Response {
  return new Response("Inte klar ännu", { status: 404 });
}
