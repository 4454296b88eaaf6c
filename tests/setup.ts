import "@testing-library/jest-dom/vitest";
import os from "node:os";
import path from "node:path";
import fs from "node:fs";

// Each test file gets its own database file, so integration tests never share state.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plainsight-test-"));
process.env.DATABASE_PATH = path.join(dir, "test.db");
process.env.UPLOADS_PATH = path.join(dir, "uploads");
process.env.NODE_ENV = "test";
// Vitest sets BASE_URL to "/" (Vite's base); the app means its public address.
process.env.BASE_URL = "http://localhost:3000";
