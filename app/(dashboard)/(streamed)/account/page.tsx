import type { Metadata } from "next";
import { OwnPasswordForm } from "@/components/account/own-password-form";
import { SignOutEverywhere } from "@/components/account/sign-out-everywhere";
import { ROLE_LABELS } from "@/components/admin/format";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/page-actor";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const actor = await requireActor();
  return (
    <>
      <PageHeader
        title="Your account"
        description={`${actor.email} · ${ROLE_LABELS[actor.role]}`}
      />
      <h2 className="mb-3 text-lg font-semibold">Change your password</h2>
      <OwnPasswordForm />
      <SignOutEverywhere />
    </>
  );
}
