// The home page is the list of consultations: one module serves both addresses.
export { default, handle, loader, meta } from "./consultations._index";
