import { AppShell } from "@/components/shell/app-shell";
import { TimeZoneProvider } from "@/components/ui/timestamp";
import { Toaster } from "@/components/ui/toaster";
import { requireActor } from "@/lib/auth/page-actor";
import { companyTimeZone } from "@/lib/services/company-time";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  return (
    <TimeZoneProvider timeZone={companyTimeZone()}>
      <AppShell actor={actor}>
        {children}
        <Toaster />
      </AppShell>
    </TimeZoneProvider>
  );
}
