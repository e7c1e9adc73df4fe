// Written by the portal work (issue 9).
export default function Page() {
  return null;
}
