// Runs in each test worker before any app module is imported: the app parses env once at import.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
