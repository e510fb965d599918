import { AppShell } from "@/components/shell/app-shell";
import { Toaster } from "@/components/ui/toaster";
import { requireActor } from "@/lib/auth/page-actor";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  return (
    <AppShell actor={actor}>
      {children}
      <Toaster />
    </AppShell>
  );
}
