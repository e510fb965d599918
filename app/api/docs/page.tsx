import type { Metadata } from "next";
import Link from "next/link";
import { ApiDocsViewer } from "@/components/api-docs/swagger-ui";

export const metadata: Metadata = { title: "API documentation" };

/** Swagger UI renders its own <main>: this page adds no second one, and a way back to the app. */
export default function ApiDocsPage() {
  return (
    <div className="mx-auto max-w-6xl bg-white">
      <header className="flex items-center justify-between gap-4 px-5 pt-4">
        <h1 className="text-lg font-semibold">ETUMS API documentation</h1>
        <Link href="/" className="text-sm underline">
          Back to ETUMS
        </Link>
      </header>
      <ApiDocsViewer specUrl="/api/schema/" />
    </div>
  );
}
