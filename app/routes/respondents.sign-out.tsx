/** A resident signs out: their session ends on the server and the cookie is cleared. */
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { signOutRespondent } from "~/responses/respondents.server";

export async function action({ request }: ActionFunctionArgs) {
  throw redirect("/", { headers: { "Set-Cookie": await signOutRespondent(request) } });
}

export async function loader() {
  throw redirect("/");
}
