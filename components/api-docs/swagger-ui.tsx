"use client";

import dynamic from "next/dynamic";
import "swagger-ui-react/swagger-ui.css";

// Swagger UI touches `window` while it loads: render it in the browser only.
const SwaggerUI = dynamic(() => import("swagger-ui-react"), {
  ssr: false,
  loading: () => (
    <p role="status" className="p-6 text-slate-600">
      Loading the API documentation…
    </p>
  ),
});

/** Swagger UI over the OpenAPI document, with the Bearer token kept across reloads. */
export function ApiDocsViewer({ specUrl }: { specUrl: string }) {
  return (
    <SwaggerUI
      url={specUrl}
      persistAuthorization
      docExpansion="list"
      defaultModelsExpandDepth={0}
      displayRequestDuration
      deepLinking
    />
  );
}
