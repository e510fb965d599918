import { redirect } from "next/navigation";
import { getOptionalActor } from "@/lib/auth/page-actor";
import { roleHome } from "@/lib/auth/role-home";

export default async function Home() {
  const actor = await getOptionalActor();
  redirect(actor ? roleHome(actor.role) : "/login");
}
