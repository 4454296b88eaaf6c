/** What the staff account routes share: the account in the URL, or the site's 404. */
import { z } from "zod";
import { notFound } from "~/proposals/proposals.server";
import { getAccount, type Account } from "./accounts.server";

const idParam = z.coerce.number().int().positive().max(2 ** 31);

export function requireAccount(params: { id?: string }): Account {
  const id = idParam.safeParse(params.id);
  const account = id.success ? getAccount(id.data) : null;
  if (!account) throw notFound();
  return account;
}
