// Placeholder until the page lands (this commit only registers the route).
export default function Page() {
  return null;
}
