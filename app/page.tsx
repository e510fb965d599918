import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/page-actor";
import { roleHome } from "@/lib/auth/role-home";

/** Each role's home; signing in first, told so when a session has ended. */
export default async function Home() {
  const actor = await requireActor({ page: "" });
  redirect(roleHome(actor.role));
}
