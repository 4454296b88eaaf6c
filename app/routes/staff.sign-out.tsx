import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { signOut } from "~/auth/session.server";

// Sign-out changes state, so only a POST does it (a link or prefetch must not sign anyone out).
export async function action({ request }: ActionFunctionArgs) {
  return signOut(request);
}

export function loader() {
  return redirect("/");
}
