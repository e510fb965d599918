import type { Metadata } from "next";
import { NotFoundMessage } from "@/components/ui/not-found-message";

export const metadata: Metadata = { title: "Not found" };

/** Tasks that do not exist or are outside the visitor's view (never a hint which), in the shell. */
export default function DashboardNotFound() {
  return <NotFoundMessage standalone={false} />;
}
