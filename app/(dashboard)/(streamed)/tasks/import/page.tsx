import type { Metadata } from "next";
import { ImportWizard } from "@/components/import/import-wizard";
import { buttonSecondary } from "@/components/ui/button-styles";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/page-actor";

export const metadata: Metadata = { title: "Import tasks" };

export default async function ImportPage() {
  await requireActor({ may: "task.import" });
  return (
    <>
      <PageHeader
        title="Import tasks from CSV"
        description="Columns: title, description, assigned_to (user id or e-mail), status; optional due_date (YYYY-MM-DD) and priority. The whole file is checked first, and imported all or nothing. As in our export, one apostrophe before a leading =, +, - or @ is dropped (it stops spreadsheets running the cell as a formula)."
        actions={
          <a href="/sample-tasks.csv" download className={buttonSecondary}>
            Download a sample CSV
          </a>
        }
      />
      <ImportWizard />
    </>
  );
}
