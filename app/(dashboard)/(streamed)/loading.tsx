import { Spinner } from "@/components/ui/spinner";

/**
 * Pages in (streamed) show this at once and stream in. A task's own page stays outside: a
 * streamed answer has already sent 200 when `notFound()` runs, and a missing task must be a 404.
 */
export default function DashboardLoading() {
  return <Spinner label="Loading…" />;
}
