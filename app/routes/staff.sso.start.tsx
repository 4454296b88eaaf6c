/** The "Sign in with …" button posts here: the browser goes to the council's identity provider. */
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { startSso } from "~/auth/sso.server";

export async function loader() {
  return redirect("/staff/sign-in");
}

export async function action({ request }: ActionFunctionArgs) {
  const redirectTo = (await request.formData()).get("redirectTo");
  return startSso(typeof redirectTo === "string" ? redirectTo.slice(0, 2000) : "");
}
