import type { Metadata } from "next";
import { ApiDocsViewer } from "@/components/api-docs/swagger-ui";

export const metadata: Metadata = { title: "API documentation" };

export default function ApiDocsPage() {
  return (
    <main className="mx-auto max-w-6xl bg-white">
      <h1 className="sr-only">ETUMS API documentation</h1>
      <ApiDocsViewer specUrl="/api/schema/" />
    </main>
  );
}
