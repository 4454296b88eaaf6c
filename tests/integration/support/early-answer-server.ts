/**
 * The server's own refusal chain (content type, bounded body, the one error handler) on a
 * real socket, in a process of its own so that the client's timing is a real client's: run by
 * tests/integration/early-answers.test.ts, it prints its port and serves until killed.
 */
import express from "express";
import { errorHandler } from "../../../server/http-errors";
import { bodyReader, contentTypeGuard } from "../../../server/request-guards";
import { listen } from "../../../server/serve";

const app = express();
app.use(contentTypeGuard());
app.use(bodyReader({ limitFor: () => Number(process.env.LIMIT ?? 64 * 1024) }));
app.post("/form", (_req, res) => res.send("thank you"));
app.use(errorHandler((status, title) => `<!doctype html><h1>${status} ${title}</h1>${"<p>The site's error page is about this long.</p>".repeat(20)}`));
const running = await listen(app, 0, "127.0.0.1");
console.log(`port ${running.port}`);
