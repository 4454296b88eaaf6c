import { register } from "node:module";

register("./assets-hooks.mjs", import.meta.url);
