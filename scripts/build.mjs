#!/usr/bin/env node
/** `npm run build`: the Remix app and the compiled server and scripts, everything production runs. */
import { buildApp, compileScripts } from "./lib/build.mjs";

buildApp();
await compileScripts();
console.log("Built build/server, build/client and build/scripts.");
