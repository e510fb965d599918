import path from "node:path";
import { loadEnvConfig } from "@next/env";

// Imported first by each command-line tool: it reads .env.local, .env.production, .env… as
// `npm start` does (Next's own loader, same order, variables already set win), so that a migration,
// a seed or a new user goes to the database the server uses.
loadEnvConfig(path.resolve(__dirname, "..", ".."), process.env.NODE_ENV === "development");
